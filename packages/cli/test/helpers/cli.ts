import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { skopsCases } from '../../../conformance/test/fixtures.js';

const here = dirname(fileURLToPath(import.meta.url));

/** packages/cli */
export const PACKAGE = resolve(here, '../..');
/** The repository root. */
export const REPO = resolve(PACKAGE, '../..');
/** The fixture folder: $SKOPS_FIXTURES, or the repository's copy (the conformance suite's setting). */
export { FIXTURES } from '../../../conformance/test/fixtures.js';
/** The installed binary, as npm links it. */
export const BIN = join(PACKAGE, 'bin/skops.js');

/** What a run of the binary printed and how it ended. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `skops ARGS` in a child process as a user would: piped stdout/stderr,
 * the colour variables of the test runner removed unless given in `env`.
 */
export function skops(
  args: readonly string[],
  options: { env?: Record<string, string>; cwd?: string } = {},
): Promise<CliRun> {
  const env: Record<string, string | undefined> = { ...process.env };
  for (const name of ['FORCE_COLOR', 'NO_COLOR', 'CI']) delete env[name];
  Object.assign(env, options.env);
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: options.cwd ?? REPO,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (code) =>
      resolvePromise({
        code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      }),
    );
  });
}

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

function cliIsFresh(): boolean {
  const built = join(PACKAGE, 'dist/cli.js');
  if (!existsSync(built)) return false;
  const sources = Math.max(
    newestMtime(join(PACKAGE, 'src')),
    newestMtime(join(PACKAGE, 'package.json')),
    newestMtime(join(PACKAGE, 'tsup.config.ts')),
  );
  return statSync(built).mtimeMs >= sources;
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * The tests run the built binary. Its @skops-ts dependencies must have been
 * built (`npm test` and `npx nx run @skops-ts/cli:build` do that); the CLI
 * itself is rebuilt here when its sources are newer than dist, under a lock
 * directory because test files run in parallel processes.
 */
export function ensureBuilt(): void {
  const pkg = JSON.parse(readFileSync(join(PACKAGE, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  const unbuilt = Object.keys(pkg.dependencies)
    .filter((name) => name.startsWith('@skops-ts/'))
    .filter(
      (name) =>
        !existsSync(join(REPO, 'packages', name.slice('@skops-ts/'.length), 'dist/index.js')),
    );
  if (unbuilt.length > 0) {
    throw new Error(
      `The CLI tests run the built binary; build ${unbuilt.join(', ')} first: npx nx run @skops-ts/cli:build (npm test does it).`,
    );
  }
  if (cliIsFresh()) return;
  const lock = join(PACKAGE, 'node_modules/.skops-cli-build.lock');
  mkdirSync(dirname(lock), { recursive: true });
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (waited > 120_000) rmSync(lock, { recursive: true, force: true });
      sleep(200);
    }
  }
  try {
    if (!cliIsFresh()) execFileSync('npx', ['tsup'], { cwd: PACKAGE, stdio: 'pipe' });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** A fixture case: a skops file and its sidecar. */
export interface Case {
  readonly name: string;
  readonly file: string;
  readonly sidecar: Sidecar;
}

/** The sidecar fields these tests use. */
export interface Sidecar {
  readonly python?: Record<string, string>;
  readonly protocol?: number;
  readonly untrusted_types?: string[];
  readonly untrusted_types_error?: string;
  readonly describe?: unknown;
}

/** Every `NAME.skops` with a `NAME.json` sidecar in a fixture folder (the conformance suite's list). */
export function cases(folder: string): Case[] {
  return skopsCases(folder).map(({ name, file, sidecar }) => ({
    name,
    file,
    sidecar: sidecar as Sidecar,
  }));
}

/** `--python-env` for the library versions a sidecar was computed with. */
export function pythonEnvFlag(sidecar: Sidecar): string {
  const py = sidecar.python ?? {};
  return ['sklearn', 'numpy', 'scipy']
    .map((name) => [name, py[name] ?? py[name === 'sklearn' ? 'scikit-learn' : name]] as const)
    .filter(([, v]) => v !== undefined)
    .map(([name, v]) => `${name}=${v}`)
    .join(',');
}

/** `--trusted T` for each type. */
export function trustedFlags(types: readonly string[]): string[] {
  return types.flatMap((t) => ['--trusted', t]);
}

/** The conformance suite's JSON equality: numbers exact (`-0` differs from `0`), key order ignored. */
export { jsonEqual } from '../../../conformance/test/fixtures.js';
