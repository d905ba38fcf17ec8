import { spawnSync } from 'node:child_process';
import path from 'node:path';

const PYTHON = process.env.SKOPS_PYTHON ?? '/usr/bin/python3';
const SCRIPT = path.resolve(__dirname, 'xgboost-oracle.py');

/** Why the XGBoost oracle cannot run here, or undefined when it can. */
export function oracleUnavailable(needsSklearn = false): string | undefined {
  const probe = spawnSync(
    PYTHON,
    ['-c', `import numpy, xgboost${needsSklearn ? ', sklearn' : ''}`],
    { encoding: 'utf8' },
  );
  if (probe.status === 0) return undefined;
  return `${PYTHON} cannot import numpy/xgboost${needsSklearn ? '/sklearn' : ''} (install python3-xgboost${needsSklearn ? ' python3-sklearn' : ''}): ${(probe.stderr ?? String(probe.error)).trim().split('\n').pop()}`;
}

/** [values (null = NaN), shape] as the oracle prints numpy results. */
export type OracleArray = [(number | null)[], number[]];

export interface OracleAnswer<R> {
  readonly version: string;
  readonly results: R[];
}

export function runOracle<R>(request: unknown): OracleAnswer<R> {
  const run = spawnSync(PYTHON, [SCRIPT], {
    input: JSON.stringify(request),
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`XGBoost oracle failed: ${run.stderr}`);
  // XGBoost may log to stdout; the answer is the last line.
  const lines = run.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1] as string) as OracleAnswer<R>;
}

export function fromBase64(text: string): Uint8Array {
  return Uint8Array.from(Buffer.from(text, 'base64'));
}

/** Our float32 results as the oracle writes them (NaN as null). */
export function asOracle(data: ArrayLike<number>): (number | null)[] {
  return Array.from(data, (v) => (Number.isNaN(v) ? null : v));
}
