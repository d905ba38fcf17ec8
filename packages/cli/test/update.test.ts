import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memorySource, openArchive, resolveLimits } from '@skops-ts/core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  cases,
  ensureBuilt,
  jsonEqual,
  pythonEnvFlag,
  skops,
  trustedFlags,
  type Case,
} from './helpers/cli.js';

beforeAll(ensureBuilt);

const env = (c: Case) => ['--python-env', pythonEnvFlag(c.sidecar)];
const trusted = (c: Case) => trustedFlags(c.sidecar.untrusted_types ?? []);
const scratch = () => mkdtempSync(join(tmpdir(), 'skops-cli-update-'));

async function describeOf(file: string, c: Case): Promise<unknown> {
  const run = await skops(['inspect', file, '--describe', ...env(c), ...trusted(c)]);
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout);
}

async function protocolOf(file: string): Promise<number> {
  const run = await skops(['audit', '--json', file]);
  return (JSON.parse(run.stdout) as { protocol: number }).protocol;
}

// The layout of a protocol is the same across the releases that write it
// (old-protocols/README.md), so the newest writer of protocols 0 and 1 covers them.
const oldFiles = cases('old-protocols').filter(
  (c) =>
    /^v0\.(5\.0|9\.0)__/.test(c.name) &&
    c.sidecar.describe !== undefined &&
    c.sidecar.untrusted_types !== undefined,
);

describe('skops update of older-protocol files', () => {
  it('has protocol 0 and protocol 1 files to update', () => {
    expect(new Set(oldFiles.map((c) => c.sidecar.protocol))).toEqual(new Set([0, 1]));
  });

  for (const c of oldFiles) {
    it(`${c.name}: rewrites protocol ${c.sidecar.protocol} in protocol 2, which loads to the description Python gives`, async () => {
      const out = join(scratch(), 'updated.skops');
      const run = await skops(['update', c.file, '-o', out, ...env(c), ...trusted(c)]);
      expect(run.code).toBe(0);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(`protocol ${c.sidecar.protocol}`);
      expect(await protocolOf(out)).toBe(2);
      expect(jsonEqual(await describeOf(out, c), c.sidecar.describe)).toBe(true);
    });
  }

  it('refuses untrusted types not passed with --trusted: exit 1, the types named, no output file', async () => {
    const c = oldFiles.find((x) => (x.sidecar.untrusted_types ?? []).length > 0) as Case;
    const dir = scratch();
    const run = await skops(['update', c.file, '-o', join(dir, 'out.skops'), ...env(c)]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^skops: error: .*--trusted TYPE.* \[UNTRUSTED_TYPES\]\n$/);
    for (const t of c.sidecar.untrusted_types ?? []) expect(run.stderr).toContain(t);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('asks for -o or --inplace instead of guessing an output path (exit 3, nothing written)', async () => {
    const c = oldFiles[0] as Case;
    const before = readdirSync(join(c.file, '..')).length;
    const run = await skops(['update', c.file, ...env(c), ...trusted(c)]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/pass -o OUT or --inplace\. \[USAGE\]\n$/);
    expect(readdirSync(join(c.file, '..')).length).toBe(before);
  });

  it('refuses -o together with --inplace (exit 3)', async () => {
    const c = oldFiles[0] as Case;
    const run = await skops(['update', c.file, '--inplace', '-o', join(scratch(), 'x.skops')]);
    expect(run.code).toBe(3);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('--inplace replaces the input file', async () => {
    const c = oldFiles[0] as Case;
    const file = join(scratch(), 'model.skops');
    copyFileSync(c.file, file);
    const run = await skops(['update', file, '--inplace', ...env(c), ...trusted(c)]);
    expect(run.code).toBe(0);
    expect(await protocolOf(file)).toBe(2);
    expect(readdirSync(join(file, '..'))).toEqual(['model.skops']);
  });
});

describe('skops update of current files', () => {
  const current = cases('skops').find(
    (c) => c.sidecar.describe !== undefined && (c.sidecar.untrusted_types ?? []).length > 0,
  ) as Case;

  it('says the file is current and leaves it alone, writing no output', async () => {
    const dir = scratch();
    const file = join(dir, 'model.skops');
    copyFileSync(current.file, file);
    const before = statSync(file).mtimeMs;
    const run = await skops(['update', file, '-o', join(dir, 'out.skops')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/already uses the current protocol 2; it was left unchanged/);
    expect(readdirSync(dir)).toEqual(['model.skops']);
    expect(statSync(file).mtimeMs).toBe(before);
    expect(readFileSync(file).equals(readFileSync(current.file))).toBe(true);
  });

  it('--force rewrites it anyway, and --compression deflate compresses the members', async () => {
    const dir = scratch();
    const stored = join(dir, 'stored.skops');
    const deflated = join(dir, 'deflated.skops');
    expect(
      (
        await skops([
          'update',
          current.file,
          '--force',
          '-o',
          stored,
          ...env(current),
          ...trusted(current),
        ])
      ).code,
    ).toBe(0);
    expect(
      (
        await skops([
          'update',
          current.file,
          '--force',
          '--compression',
          'deflate',
          '-o',
          deflated,
          ...env(current),
          ...trusted(current),
        ])
      ).code,
    ).toBe(0);
    expect(jsonEqual(await describeOf(stored, current), current.sidecar.describe)).toBe(true);
    expect(jsonEqual(await describeOf(deflated, current), current.sidecar.describe)).toBe(true);
    const methods = async (file: string) => {
      const archive = await openArchive(memorySource(readFileSync(file)), {
        limits: resolveLimits(undefined),
      });
      await archive.close();
      return new Set(archive.entries.map((e) => e.method));
    };
    expect(await methods(stored)).toEqual(new Set(['stored']));
    expect(await methods(deflated)).toEqual(new Set(['deflate']));
  });
});

describe('a failing skops update leaves no output file', () => {
  const hostile = cases('hostile').filter((c) => c.file.endsWith('.skops'));
  const broken = hostile.filter(
    (c) => (c.sidecar as { expect?: { error?: boolean } }).expect?.error === true,
  );

  it('has broken files to try', () => {
    expect(broken.length).toBeGreaterThan(5);
  });

  for (const c of broken) {
    it(`${c.name}: exit 2 with one error line, and the output folder stays empty`, async () => {
      const dir = scratch();
      const run = await skops(['update', c.file, '--force', '-o', join(dir, 'out.skops')]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^skops: error: [^\n]* \[[A-Z_]+\]\n$/);
      expect(readdirSync(dir)).toEqual([]);
      expect(existsSync('/tmp/skops-pwned-marker')).toBe(false);
    });
  }

  it('exits 4 when the output folder does not exist', async () => {
    const c = oldFiles[0] as Case;
    const run = await skops([
      'update',
      c.file,
      '-o',
      join(scratch(), 'missing/out.skops'),
      ...env(c),
      ...trusted(c),
    ]);
    expect(run.code).toBe(4);
    expect(run.stderr).toMatch(
      /cannot write .*missing\/out\.skops: no such file or directory \[ENOENT\]\n$/,
    );
  });
});
