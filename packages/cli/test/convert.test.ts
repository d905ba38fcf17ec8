import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, pythonEnvFlag, skops, trustedFlags } from './helpers/cli.js';
import { pickleCases, type PickleCase } from './helpers/pickle-cases.js';

beforeAll(ensureBuilt);

const MARKER = '/tmp/skops-pwned-marker';
const scratch = () => mkdtempSync(join(tmpdir(), 'skops-cli-convert-'));
const env = (c: PickleCase) => ['--python-env', pythonEnvFlag(c.sidecar)];
const corpus = pickleCases('pickle');
const hostile = pickleCases('hostile');

async function auditOf(file: string, c: PickleCase): Promise<unknown> {
  const run = await skops(['audit', '--json', file, ...env(c)]);
  return (JSON.parse(run.stdout) as { untrusted_types: unknown }).untrusted_types;
}

/** Converts `c` into a fresh folder; the output is absent when the conversion was refused. */
async function convert(c: PickleCase, extra: readonly string[] = []) {
  const dir = scratch();
  const out = join(dir, 'model.skops');
  const run = await skops(['convert', c.file, '-o', out, ...env(c), ...extra]);
  return { run, dir, out };
}

describe('skops convert of the pickle corpus', () => {
  it('finds the convertible cases', () => {
    expect(corpus.filter((c) => c.sidecar.convertible === true).length).toBeGreaterThanOrEqual(30);
  });

  for (const c of corpus.filter((x) => x.sidecar.convertible === true)) {
    it(`${c.name}: writes a file whose audit is what Python skops reports for its own conversion`, async () => {
      const expected = c.sidecar.skops_untrusted_types ?? [];
      const { run, dir, out } = await convert(c);
      if (run.code === 2 && c.sidecar.or_error === true) {
        expect(readdirSync(dir)).toEqual([]);
        return;
      }
      expect(run.stderr).toContain('was converted to');
      expect(run.code).toBe(expected.length > 0 ? 1 : 0);
      for (const t of expected) expect(run.stdout).toContain(`  ${t}`);
      expect(await auditOf(out, c)).toEqual(expected);
    });
  }

  for (const c of corpus.filter((x) => x.sidecar.convertible === false)) {
    it(`${c.name}: fails with exit code 2 and writes nothing, as Python skops cannot save it either`, async () => {
      const { run, dir } = await convert(c);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^skops: error: .*\[[A-Z_]+\]\n$/);
      expect(readdirSync(dir)).toEqual([]);
    });
  }

  it('exits 0 when every untrusted type of the result is passed with --trusted', async () => {
    const c = corpus.find((x) => (x.sidecar.skops_untrusted_types ?? []).length > 1);
    expect(c).toBeDefined();
    if (!c) return;
    const { run } = await convert(c, trustedFlags(c.sidecar.skops_untrusted_types ?? []));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('all passed with --trusted');
  });
});

describe('skops convert of hostile pickle and joblib files', () => {
  it('finds the hostile pickle and joblib cases', () => {
    expect(hostile.length).toBeGreaterThanOrEqual(20);
  });

  for (const c of hostile) {
    const expected = c.sidecar.expect ?? {};
    it(`${c.name}: ${expected.error ? 'is refused with exit code 2, nothing written' : 'is refused, or written with the expected audit'}, and nothing runs`, async () => {
      const { run, dir, out } = await convert(c);
      expect(existsSync(MARKER)).toBe(false);
      if (expected.error === true || run.code === 2) {
        expect(expected.error === true || expected.or_error === true).toBe(true);
        expect(run.code).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr).toMatch(/^skops: error: .*\[[A-Z_]+\]\n$/);
        const mentions = expected.error_should_mention;
        if (mentions) expect(mentions.some((m) => run.stderr.includes(m))).toBe(true);
        expect(readdirSync(dir)).toEqual([]);
        return;
      }
      expect(await auditOf(out, c)).toEqual(expected.untrusted);
    });
  }
});

describe('skops convert output handling', () => {
  // Any plain pickle Python converts with nothing untrusted.
  const c = corpus.find(
    (x) =>
      x.sidecar.convertible === true &&
      x.sidecar.compression === 'none' &&
      x.sidecar.skops_untrusted_types?.length === 0,
  );

  it('has a case to convert', () => {
    expect(c).toBeDefined();
  });

  it('refuses to replace an existing output unless --force is given', async () => {
    if (!c) return;
    const dir = scratch();
    const out = join(dir, 'model.skops');
    writeFileSync(out, 'keep me');
    const refused = await skops(['convert', c.file, '-o', out]);
    expect(refused.code).toBe(4);
    expect(refused.stderr).toContain('[EEXIST]');
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    const forced = await skops(['convert', c.file, '-o', out, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(readdirSync(dir)).toEqual(['model.skops']);
  });

  it('writes deflated members with --compression deflate, audited the same', async () => {
    if (!c) return;
    const { run, out } = await convert(c, ['--compression', 'deflate']);
    expect(run.code).toBe(0);
    // Local file header: compression method at offset 8 (8 = DEFLATE).
    expect(readFileSync(out).readUInt16LE(8)).toBe(8);
    expect(await auditOf(out, c)).toEqual(c.sidecar.skops_untrusted_types);
  });

  it('exits 2 for an input that does not exist and 3 without -o', async () => {
    const missing = await skops([
      'convert',
      join(scratch(), 'nope.pkl'),
      '-o',
      join(scratch(), 'x.skops'),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('[ENOENT]');
    const usage = await skops(['convert', c?.file ?? 'x.pkl']);
    expect(usage.code).toBe(3);
  });
});
