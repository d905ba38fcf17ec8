import { beforeAll, describe, expect, it } from 'vitest';
import {
  cases,
  ensureBuilt,
  pythonEnvFlag,
  skops,
  trustedFlags,
  type Case,
  type CliRun,
} from './helpers/cli.js';

beforeAll(ensureBuilt);

interface AuditLine {
  readonly file: string;
  readonly protocol?: number;
  readonly untrusted_types?: string[];
  readonly remaining?: string[];
  readonly error?: { readonly code: string; readonly message: string };
}

function jsonLines(run: CliRun): AuditLine[] {
  return run.stdout
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as AuditLine);
}

/** One `skops audit --json` run per Python environment, as a user auditing a folder would. */
function auditFolder(folder: string) {
  // Files Python fails to audit (untrusted_types_error) are left out: doing better than Python there is allowed.
  const all = cases(folder).filter((c) => c.sidecar.untrusted_types !== undefined);
  const groups = new Map<string, Case[]>();
  for (const c of all)
    groups.set(pythonEnvFlag(c.sidecar), [...(groups.get(pythonEnvFlag(c.sidecar)) ?? []), c]);
  const runs = new Map<string, { run: CliRun; cases: Case[] }>();
  beforeAll(async () => {
    for (const [env, group] of groups) {
      runs.set(env, {
        run: await skops(['audit', '--json', '--python-env', env, ...group.map((c) => c.file)]),
        cases: group,
      });
    }
  });
  return {
    all,
    runs: () => [...runs.values()],
    lineOf: (c: Case) =>
      [...runs.values()].flatMap(({ run }) => jsonLines(run)).find((l) => l.file === c.file),
  };
}

for (const folder of ['skops', 'old-protocols']) {
  describe(`skops audit --json on the ${folder} fixtures`, () => {
    const { all, runs, lineOf } = auditFolder(folder);

    it('prints one JSON object per file per line, in the order the files were given', () => {
      for (const { run, cases: group } of runs())
        expect(jsonLines(run).map((l) => l.file)).toEqual(group.map((c) => c.file));
    });

    it('exits 1 when untrusted types remain in any file, else 0', () => {
      for (const { run, cases: group } of runs()) {
        expect(run.code).toBe(
          group.some((c) => (c.sidecar.untrusted_types ?? []).length > 0) ? 1 : 0,
        );
      }
    });

    for (const c of all) {
      it(`${c.name}: reports what Python's get_untrusted_types reports`, () => {
        expect(lineOf(c)).toEqual({
          file: c.file,
          protocol: c.sidecar.protocol,
          untrusted_types: c.sidecar.untrusted_types,
          remaining: c.sidecar.untrusted_types,
        });
      });
    }
  });
}

describe('skops audit exit codes', () => {
  const skopsCases = cases('skops').filter((c) => c.sidecar.untrusted_types !== undefined);
  const clean = skopsCases.find((c) => c.sidecar.untrusted_types?.length === 0) as Case;
  const risky = skopsCases.find((c) => (c.sidecar.untrusted_types?.length ?? 0) >= 2) as Case;
  const env = (c: Case) => ['--python-env', pythonEnvFlag(c.sidecar)];

  it('exits 0 and says so when a file has no untrusted types', async () => {
    const run = await skops(['audit', clean.file, ...env(clean)]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      `${clean.file}: protocol ${clean.sidecar.protocol}, no untrusted types\n`,
    );
    expect(run.stderr).toBe('');
  });

  it('exits 1 and lists the untrusted types, one per line, when some remain', async () => {
    const types = risky.sidecar.untrusted_types as string[];
    const run = await skops(['audit', risky.file, ...env(risky)]);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n').slice(1, -1)).toEqual(types.map((t) => `  ${t}`));
  });

  it('exits 0 when every untrusted type is passed with --trusted, and 1 while one is missing', async () => {
    const types = risky.sidecar.untrusted_types as string[];
    const all = await skops(['audit', '--json', risky.file, ...env(risky), ...trustedFlags(types)]);
    expect(all.code).toBe(0);
    expect(JSON.parse(all.stdout)).toMatchObject({ untrusted_types: types, remaining: [] });
    const some = await skops([
      'audit',
      '--json',
      risky.file,
      ...env(risky),
      ...trustedFlags(types.slice(1)),
    ]);
    expect(some.code).toBe(1);
    expect(JSON.parse(some.stdout)).toMatchObject({
      untrusted_types: types,
      remaining: types.slice(0, 1),
    });
  });

  it('exits 2 with the reason on one stderr line when a file does not exist, and still audits the others', async () => {
    const run = await skops(['audit', '--json', 'no/such/file.skops', clean.file, ...env(clean)]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'skops: error: no/such/file.skops: cannot be read: no such file or directory [ENOENT]\n',
    );
    const lines = jsonLines(run);
    expect(lines[0]).toEqual({
      file: 'no/such/file.skops',
      error: { code: 'ENOENT', message: 'cannot be read: no such file or directory' },
    });
    expect(lines[1]).toMatchObject({ file: clean.file, untrusted_types: [] });
  });

  it('exits 2 when a directory is given instead of a file', async () => {
    const run = await skops(['audit', 'fixtures']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^skops: error: fixtures: .*\[[A-Z_]+\]\n$/);
  });
});
