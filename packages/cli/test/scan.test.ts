import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, skops } from './helpers/cli.js';
import { pickleCases } from './helpers/pickle-cases.js';

beforeAll(ensureBuilt);

const cases = [...pickleCases('pickle'), ...pickleCases('hostile')];

interface ScanJson {
  readonly protocol?: number | null;
  readonly compression?: string;
  readonly globals?: string[];
  readonly globals_py3?: string[];
  readonly opcodes?: string[];
  readonly joblib_arrays?: number | null;
  readonly convertible?: boolean;
  readonly refused?: { global: string; path: string; how: string }[];
  readonly error?: { code: string; message: string } | null;
}

describe('skops scan', () => {
  it('finds the pickle and hostile cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
  });

  for (const c of cases.filter((x) => x.sidecar.globals !== undefined)) {
    it(`${c.name}: lists the globals, opcodes, protocol and compression the sidecar lists`, async () => {
      const run = await skops(['scan', '--json', c.file]);
      const scan = JSON.parse(run.stdout) as ScanJson;
      expect(scan.globals).toEqual(c.sidecar.globals);
      if (c.sidecar.globals_py3) expect(scan.globals_py3).toEqual(c.sidecar.globals_py3);
      if (c.sidecar.opcodes) expect(scan.opcodes).toEqual(c.sidecar.opcodes);
      if (c.sidecar.pickle_protocol !== undefined)
        expect(scan.protocol).toBe(c.sidecar.pickle_protocol);
      if (c.sidecar.compression) expect(scan.compression).toBe(c.sidecar.compression);
      if (c.sidecar.joblib_arrays) expect(scan.joblib_arrays).toBe(c.sidecar.joblib_arrays.length);
    });
  }

  for (const c of cases.filter((x) => x.sidecar.convertible === true && !x.sidecar.or_error)) {
    it(`${c.name}: exits 0, since the converter accepts every global`, async () => {
      const run = await skops(['scan', c.file]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('convert: accepted');
    });
  }

  for (const c of cases.filter((x) => x.sidecar.expect?.error === true)) {
    it(`${c.name}: exits non-zero, naming what the converter would refuse or why the file cannot be read`, async () => {
      const run = await skops(['scan', '--json', c.file]);
      const scan = JSON.parse(run.stdout) as ScanJson;
      if (c.sidecar.scan_error !== undefined) {
        expect(run.code).toBe(2);
        expect(scan.error?.code).toBeTypeOf('string');
        expect(run.stderr).toMatch(/^skops: error: .*\[[A-Z_]+\]\n$/);
        return;
      }
      expect(run.code).toBe(1);
      expect(scan.convertible).toBe(false);
      const said = JSON.stringify([scan.refused, scan.error]);
      const mentions = c.sidecar.expect?.error_should_mention;
      if (mentions) expect(mentions.some((m) => said.includes(m))).toBe(true);
    });
  }

  it('lists refused calls with where they sit in the text output', async () => {
    const c = cases.find(
      (x) =>
        x.sidecar.expect?.error === true &&
        x.sidecar.expect.error_should_mention?.includes('os.system'),
    );
    expect(c).toBeDefined();
    if (!c) return;
    const run = await skops(['scan', c.file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/convert: refused, it would call:\n {4}os\.system called at root/);
  });

  it('exits 2 for a file that does not exist, and still scans the others', async () => {
    const good = cases.find((x) => x.sidecar.convertible === true && !x.sidecar.or_error);
    const missing = join(mkdtempSync(join(tmpdir(), 'skops-cli-scan-')), 'nope.pkl');
    const run = await skops(['scan', '--json', missing, good?.file ?? missing]);
    expect(run.code).toBe(2);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as ScanJson);
    expect(lines[0]?.error?.code).toBe('ENOENT');
    expect(lines[1]?.convertible).toBe(true);
  });
});
