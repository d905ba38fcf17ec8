import { appendFileSync } from 'node:fs';

/** The seed CI uses, so a red run names a case anyone can replay. */
export const DEFAULT_SEED = 0x5eed_2024;

/**
 * `FUZZ_SEED`: a number (decimal or 0x-hex) or `random`; unset means
 * {@link DEFAULT_SEED}. `npm run fuzz` passes one concrete seed to every file.
 */
export function fuzzSeed(): number {
  const raw = process.env.FUZZ_SEED;
  if (raw === undefined || raw === '') return DEFAULT_SEED;
  if (raw === 'random') return Math.floor(Math.random() * 0x7fff_ffff);
  const n = Number(raw);
  if (!Number.isSafeInteger(n))
    throw new Error(`FUZZ_SEED must be an integer or "random", got ${raw}`);
  return n | 0;
}

/** Runs of one property: `FUZZ_RUNS` when set, else the CI budget given by the caller. */
export function fuzzRuns(ciBudget: number): number {
  const raw = process.env.FUZZ_RUNS;
  if (raw === undefined || raw === '') return ciBudget;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n <= 0)
    throw new Error(`FUZZ_RUNS must be a positive integer, got ${raw}`);
  return n;
}

/** What one family of cases tried and how each call ended (`ok` or an error code). */
export class Tally {
  readonly family: string;
  cases = 0;
  calls = 0;
  readonly outcomes = new Map<string, number>();
  slowestMs = 0;

  constructor(family: string) {
    this.family = family;
  }

  /**
   * Counts a case; every 256 cases gives the event loop a turn, or vitest's
   * worker misses its heartbeat in long campaigns (all our awaits are microtasks).
   */
  async tick(): Promise<void> {
    this.cases++;
    if (this.cases % 256 === 0) await new Promise((resolve) => setImmediate(resolve));
  }

  record(call: string, outcome: string, ms: number): void {
    this.calls++;
    const key = `${call}: ${outcome}`;
    this.outcomes.set(key, (this.outcomes.get(key) ?? 0) + 1);
    if (ms > this.slowestMs) this.slowestMs = ms;
  }

  /** Prints the tally and appends it as one JSON line to `FUZZ_REPORT` (read by scripts/fuzz.mjs). */
  publish(seed: number): void {
    const outcomes = Object.fromEntries([...this.outcomes].sort(([a], [b]) => (a < b ? -1 : 1)));
    const line = {
      family: this.family,
      seed,
      cases: this.cases,
      calls: this.calls,
      slowestMs: Math.round(this.slowestMs),
      outcomes,
    };
    console.log(
      `[fuzz] ${this.family}: ${this.cases} cases, ${this.calls} calls, slowest ${line.slowestMs} ms (seed ${seed})`,
    );
    const report = process.env.FUZZ_REPORT;
    if (report) appendFileSync(report, `${JSON.stringify(line)}\n`);
  }
}
