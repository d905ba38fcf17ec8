import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { expf } from '../src/model/expf.js';
import { oracleUnavailable } from './python-oracle.js';

const unavailable = oracleUnavailable();
if (unavailable) console.warn(`SKIPPED glibc expf comparison: ${unavailable}`);

describe('expf', () => {
  it('handles the special values as C does', () => {
    expect(expf(0)).toBe(1);
    expect(expf(-Infinity)).toBe(0);
    expect(expf(Infinity)).toBe(Infinity);
    expect(Number.isNaN(expf(NaN))).toBe(true);
    expect(expf(89)).toBe(Infinity);
    expect(expf(-104)).toBe(0);
  });

  it.skipIf(unavailable !== undefined)(
    'is bit-identical to glibc expf on 20000 float32 inputs, halfway cases included',
    () => {
      const inputs = Array.from({ length: 20000 }, (_, i) =>
        Math.fround(-100 + (i * 189) / 20000 + Math.sin(i) * 1e-3),
      );
      inputs.push(Math.fround(-0.8084980249404907), Math.fround(88.5), Math.fround(-103.5));
      const script = [
        'import ctypes, json, math, sys',
        "libm = ctypes.CDLL('libm.so.6'); libm.expf.restype = ctypes.c_float; libm.expf.argtypes = [ctypes.c_float]",
        'xs = json.load(sys.stdin)',
        'print(json.dumps([v if math.isfinite(v) else str(v) for v in (libm.expf(x) for x in xs)]))',
      ].join('\n');
      const run = spawnSync('/usr/bin/python3', ['-c', script], {
        input: JSON.stringify(inputs),
        encoding: 'utf8',
      });
      const glibc = (JSON.parse(run.stdout) as (number | string)[]).map((v) =>
        v === 'inf' ? Infinity : Number(v),
      );
      const ours = inputs.map(expf);
      expect(ours.filter((v, i) => v !== glibc[i]).length).toBe(0);
      expect(ours[20000]).not.toBe(Math.fround(Math.exp(inputs[20000] as number)));
    },
  );
});
