// `npm run fuzz`: a long fuzzing campaign. Runs the property fuzz tests and
// the mutated-fixture fuzz test with one random (printed) seed and many runs,
// then prints what was tried: cases and call outcomes per family.
//
//   node scripts/fuzz.mjs [--runs N] [--seed S|random] [--minutes M] [--max-minutes M]
//
// --runs N         runs per property (default 20000; the fixture fuzz spreads N mutations over its files)
// --seed S         a seed to replay (decimal or 0x-hex); default random
// --minutes M      stop each property after M minutes even if it has not done N runs
// --max-minutes M  kill the whole campaign after M minutes and report a possible hang (default 120)
//
// A failure prints fast-check's counterexample and the seed; rerun with
// --seed S (and the same --runs) to replay it.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { clearTimeout, setTimeout } from 'node:timers';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FILES = [
  'packages/conformance/test/property-fuzz.test.ts',
  'packages/conformance/test/fuzz.test.ts',
];

function parseArgs(argv) {
  const opts = { runs: 20_000, seed: 'random', minutes: null, maxMinutes: 120 };
  for (let i = 0; i < argv.length; i++) {
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${argv[i - 1]} needs a value`);
      return v;
    };
    const arg = argv[i];
    if (arg === '--runs') opts.runs = Number(value());
    else if (arg === '--seed') opts.seed = value();
    else if (arg === '--minutes') opts.minutes = Number(value());
    else if (arg === '--max-minutes') opts.maxMinutes = Number(value());
    else
      throw new Error(
        `Unknown option ${arg}. Usage: node scripts/fuzz.mjs [--runs N] [--seed S|random] [--minutes M] [--max-minutes M]`,
      );
  }
  if (!Number.isSafeInteger(opts.runs) || opts.runs <= 0)
    throw new Error('--runs must be a positive integer');
  if (opts.seed === 'random') opts.seed = String(Math.floor(Math.random() * 0x7fff_ffff));
  else if (!Number.isSafeInteger(Number(opts.seed)))
    throw new Error('--seed must be an integer or "random"');
  return opts;
}

/** Runs vitest on the fuzz files; resolves with its exit code, or 'timeout' after killing it. */
function runVitest(env, maxMinutes) {
  return new Promise((done) => {
    // The default reporter only: the config's JSON report belongs to CI runs.
    const child = spawn('npx', ['vitest', 'run', ...FILES, '--reporter=default'], {
      cwd: root,
      env,
      stdio: 'inherit',
      detached: true,
    });
    const timer = setTimeout(() => {
      process.kill(-child.pid, 'SIGKILL');
      done('timeout');
    }, maxMinutes * 60_000);
    // Ctrl-C or a kill of this script ends the whole vitest process group too.
    for (const signal of ['SIGINT', 'SIGTERM']) {
      process.on(signal, () => {
        process.kill(-child.pid, 'SIGKILL');
        process.exit(130);
      });
    }
    child.on('exit', (code) => {
      clearTimeout(timer);
      done(code ?? 1);
    });
  });
}

function printSummary(lines, seed, seconds) {
  console.log(
    `\nFuzz campaign: seed ${seed} (0x${Number(seed).toString(16)}), ${Math.round(seconds)} s`,
  );
  let cases = 0;
  let calls = 0;
  for (const l of lines) {
    cases += l.cases;
    calls += l.calls;
    console.log(
      `\n${l.family}: ${l.cases} cases, ${l.calls} calls, slowest call ${l.slowestMs} ms`,
    );
    for (const [outcome, n] of Object.entries(l.outcomes))
      console.log(`  ${String(n).padStart(8)}  ${outcome}`);
  }
  console.log(`\nTotal: ${cases} cases, ${calls} calls in ${lines.length} families.`);
}

const opts = parseArgs(process.argv.slice(2));
const dir = mkdtempSync(join(tmpdir(), 'skops-fuzz-'));
const report = join(dir, 'report.jsonl');
const env = {
  ...process.env,
  FUZZ_SEED: opts.seed,
  FUZZ_RUNS: String(opts.runs),
  FUZZ_REPORT: report,
  ...(opts.minutes ? { FUZZ_TIME_MS: String(Math.round(opts.minutes * 60_000)) } : {}),
};
console.log(
  `Fuzzing with seed ${opts.seed}, ${opts.runs} runs per property${opts.minutes ? `, at most ${opts.minutes} min each` : ''}.`,
);
const started = Date.now();
const status = await runVitest(env, opts.maxMinutes);
let lines = [];
try {
  lines = readFileSync(report, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
} catch {
  // No family finished.
}
rmSync(dir, { recursive: true, force: true });
printSummary(lines, opts.seed, (Date.now() - started) / 1000);
if (status === 'timeout') {
  console.log(
    `\nKilled after ${opts.maxMinutes} minutes: a call may hang. Replay with --seed ${opts.seed} --runs ${opts.runs}.`,
  );
  process.exit(1);
}
if (status !== 0)
  console.log(`\nFailures found. Replay with --seed ${opts.seed} --runs ${opts.runs}.`);
process.exit(status);
