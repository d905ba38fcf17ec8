import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, cases, ensureBuilt, FIXTURES, PACKAGE, REPO, skops } from './helpers/cli.js';

beforeAll(ensureBuilt);

const version = (
  JSON.parse(readFileSync(join(PACKAGE, 'package.json'), 'utf8')) as { version: string }
).version;
const oneErrorLine = /^skops: error: [^\n]* \[[A-Z_]+\]\n$/;

describe('the skops program', () => {
  it('--help lists the commands and the exit codes on stdout', async () => {
    const run = await skops(['--help']);
    expect(run.code).toBe(0);
    for (const command of ['audit', 'inspect', 'update', 'convert', 'scan'])
      expect(run.stdout).toMatch(new RegExp(`^  ${command} `, 'm'));
    for (const code of [0, 1, 2, 3, 4, 5])
      expect(run.stdout).toMatch(new RegExp(`^  ${code}  `, 'm'));
    expect(run.stderr).toBe('');
  });

  for (const [command, options] of [
    ['audit', ['--trusted', '--python-env', '--limit', '--json']],
    ['inspect', ['--show', '--trusted', '--json', '--describe']],
    ['update', ['--output', '--inplace', '--force', '--compression', '--trusted']],
    ['convert', ['--output', '--force', '--compression', '--trusted', '--python-env', '--limit']],
    ['scan', ['--json', '--limit']],
  ] as const) {
    it(`skops ${command} --help lists its options and the exit codes`, async () => {
      const run = await skops([command, '--help']);
      expect(run.code).toBe(0);
      for (const option of options) expect(run.stdout).toContain(option);
      expect(run.stdout).toContain('Exit codes:');
    });
  }

  it('--version prints the package version, before or after a command', async () => {
    for (const args of [
      ['--version'],
      ['-V'],
      ['audit', '--version'],
      ['inspect', 'x.skops', '--version'],
      ['update', '--version'],
    ]) {
      const run = await skops(args);
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(`${version}\n`);
    }
  });

  it('reports a wrong command line on one stderr line with exit 3', async () => {
    for (const args of [
      ['audit', '--bogus', 'x'],
      ['audit'],
      ['inspect', 'x', '--show', 'some'],
      ['audit', '--limit', 'maxFoo=1', 'x'],
      ['audit', '--python-env', 'numpy', 'x'],
      ['udpate'],
    ]) {
      const run = await skops(args);
      expect(run.code).toBe(3);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^skops: [^\n]* \[USAGE\]\n$/);
    }
  });

  it('needs -o for convert and a file for scan (usage errors)', async () => {
    expect((await skops(['convert', 'x.pkl'])).code).toBe(3);
    expect((await skops(['scan'])).code).toBe(3);
  });

  it('prints errors as one line with the code, and the stack trace only with -v', async () => {
    const file = join(FIXTURES, 'hostile/zip_truncated.skops');
    const quiet = await skops(['audit', file]);
    expect(quiet.code).toBe(2);
    expect(quiet.stderr).toMatch(oneErrorLine);
    const verbose = await skops(['audit', file, '-v']);
    expect(verbose.stderr.startsWith(quiet.stderr)).toBe(true);
    expect(verbose.stderr).toMatch(/\n {4}at /);
  });

  it('applies --limit before reading: a tiny schema limit refuses a real file with LIMIT_EXCEEDED', async () => {
    const c = cases('skops')[0];
    const run = await skops(['audit', c?.file ?? '', '--limit', 'maxSchemaBytes=10']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/maxSchemaBytes.*\[LIMIT_EXCEEDED\]\n$/);
  });

  it('stops quietly when the reader of stdout goes away, keeping the real exit code', async () => {
    const files = cases('skops').map((c) => c.file);
    const child = spawn(process.execPath, [BIN, 'audit', ...files, ...files], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toContain('EPIPE');
    expect(code).toBe(1);
  });
});

describe('hostile files through the CLI', () => {
  const hostile = cases('hostile').filter((c) => c.file.endsWith('.skops'));
  type Expect = { error?: boolean; untrusted?: string[]; or_error?: boolean; load_error?: boolean };
  const expectOf = (c: (typeof hostile)[number]) => (c.sidecar as { expect: Expect }).expect;

  it('has hostile skops and zip files to try', () => {
    expect(hostile.length).toBeGreaterThan(30);
  });

  for (const c of hostile) {
    const e = expectOf(c);
    it(`${c.name}: audit and inspect --describe end cleanly (${e.error ? 'error' : `untrusted ${JSON.stringify(e.untrusted)}`})`, async () => {
      const audit = await skops(['audit', '--json', c.file]);
      const line = JSON.parse(audit.stdout) as {
        untrusted_types?: string[];
        error?: { code: string };
      };
      if (e.error) {
        expect(audit.code).toBe(2);
        expect(line.error?.code).toMatch(/^[A-Z_]+$/);
      } else if (line.error === undefined || !e.or_error) {
        expect(line.untrusted_types).toEqual(e.untrusted);
      }
      expect(audit.stderr === '' || oneErrorLine.test(audit.stderr)).toBe(true);

      const refused = await skops(['inspect', c.file, '--describe']);
      if (e.error || (e.untrusted ?? []).length > 0) expect([1, 2]).toContain(refused.code);
      if (refused.code !== 0) expect(refused.stderr).toMatch(oneErrorLine);
      if (e.load_error) {
        const trusted = await skops([
          'inspect',
          c.file,
          '--describe',
          ...(e.untrusted ?? []).flatMap((t) => ['--trusted', t]),
        ]);
        expect(trusted.code).toBe(2);
        expect(trusted.stderr).toMatch(oneErrorLine);
      }
    });
  }
});
