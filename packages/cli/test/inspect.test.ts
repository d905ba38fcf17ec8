import { readFileSync } from 'node:fs';
import { isJsonObject, memorySource, openArchive, parseJson, resolveLimits } from '@skops-ts/core';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  cases,
  ensureBuilt,
  jsonEqual,
  pythonEnvFlag,
  skops,
  trustedFlags,
  type Case,
  type CliRun,
} from './helpers/cli.js';
import { pythonSkopsMissing, pythonVisualize } from './helpers/python-oracle.js';

beforeAll(ensureBuilt);

interface TreeRow {
  readonly key: string;
  readonly value: string;
  readonly level: number;
  readonly selfSafe: boolean;
  readonly safe: boolean;
}

const skopsCases = cases('skops').filter((c) => c.sidecar.untrusted_types !== undefined);
const env = (c: Case) => ['--python-env', pythonEnvFlag(c.sidecar)];

/** The module and class of the root node of a file's schema.json. */
async function rootType(file: string): Promise<string> {
  const archive = await openArchive(memorySource(readFileSync(file)), {
    limits: resolveLimits(undefined),
  });
  const schema = parseJson(new TextDecoder().decode(await archive.read('schema.json')));
  await archive.close();
  if (!isJsonObject(schema)) throw new Error('schema.json is not an object');
  return `${String(schema.get('__module__'))}.${String(schema.get('__class__'))}`;
}

/** Runs `tasks` at most `width` at a time. */
async function pooled<T>(tasks: (() => Promise<T>)[], width = 8): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < tasks.length) {
        const i = next++;
        results[i] = await (tasks[i] as () => Promise<T>)();
      }
    }),
  );
  return results;
}

describe('skops inspect', () => {
  const estimators = skopsCases
    .filter((c) => c.sidecar.python?.sklearn !== undefined && /^sk_/.test(c.name))
    .slice(0, 12);

  for (const c of estimators) {
    it(`${c.name}: starts with the root type, tagged [UNSAFE] exactly when Python reports it untrusted`, async () => {
      const root = await rootType(c.file);
      const run = await skops(['inspect', c.file, ...env(c)]);
      expect(run.code).toBe(0);
      const tag = (c.sidecar.untrusted_types ?? []).includes(root) ? ' [UNSAFE]' : '';
      const [first, second] = run.stdout.split('\n');
      expect(first).toBe(`root: ${root}${tag}`);
      expect(second).toMatch(/^(├──|└──) /);
    });
  }

  it('--json gives the tree as an array of {key, value, level, selfSafe, safe}, line for line the printed tree', async () => {
    const c = skopsCases.find((x) => (x.sidecar.untrusted_types ?? []).length > 0) as Case;
    const [text, json] = await Promise.all([
      skops(['inspect', c.file, ...env(c)]),
      skops(['inspect', c.file, '--json', ...env(c)]),
    ]);
    expect(json.code).toBe(0);
    const rows = JSON.parse(json.stdout) as TreeRow[];
    expect(rows[0]).toMatchObject({ key: 'root', level: 0 });
    rows.forEach((row, i) => {
      expect(Object.keys(row).sort()).toEqual(['key', 'level', 'safe', 'selfSafe', 'value']);
      if (i > 0) expect(row.level).toBeLessThanOrEqual((rows[i - 1] as TreeRow).level + 1);
      if (!row.selfSafe) expect(row.safe).toBe(false);
    });
    const lines = text.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(rows.length);
    lines.forEach((line, i) => {
      const row = rows[i] as TreeRow;
      expect(line.endsWith(`${row.key}: ${row.value}${row.selfSafe ? '' : ' [UNSAFE]'}`)).toBe(
        true,
      );
    });
    expect(rows.some((r) => !r.selfSafe)).toBe(true);
  });

  it('--show untrusted keeps only untrusted branches, --show trusted only trusted nodes', async () => {
    const c = skopsCases.find((x) => (x.sidecar.untrusted_types ?? []).length > 0) as Case;
    const untrusted = JSON.parse(
      (await skops(['inspect', c.file, '--json', '--show', 'untrusted', ...env(c)])).stdout,
    ) as TreeRow[];
    const trusted = JSON.parse(
      (await skops(['inspect', c.file, '--json', '--show', 'trusted', ...env(c)])).stdout,
    ) as TreeRow[];
    expect(untrusted.slice(1).every((r) => !r.safe)).toBe(true);
    expect(trusted.slice(1).every((r) => r.selfSafe)).toBe(true);
    expect(untrusted.length).toBeGreaterThan(1);
  });

  it('--trusted marks the given types trusted in the tree', async () => {
    const c = skopsCases.find((x) => (x.sidecar.untrusted_types ?? []).length > 0) as Case;
    const run = await skops([
      'inspect',
      c.file,
      '--json',
      ...env(c),
      ...trustedFlags(c.sidecar.untrusted_types ?? []),
    ]);
    expect((JSON.parse(run.stdout) as TreeRow[]).every((r) => r.safe)).toBe(true);
  });

  it('is plain when piped, coloured with FORCE_COLOR (untrusted labels bold red), and plain again with NO_COLOR', async () => {
    const c = skopsCases.find((x) => (x.sidecar.untrusted_types ?? []).length > 0) as Case;
    const plain = await skops(['inspect', c.file, ...env(c)]);
    const forced = await skops(['inspect', c.file, ...env(c)], { env: { FORCE_COLOR: '1' } });
    const noColor = await skops(['inspect', c.file, ...env(c)], {
      env: { FORCE_COLOR: '1', NO_COLOR: '1' },
    });
    expect(plain.stdout).not.toContain('\u001b[');
    expect(noColor.stdout).toBe(plain.stdout);
    // eslint-disable-next-line no-control-regex
    expect(forced.stdout.replace(/\u001b\[\d+m/g, '')).toBe(plain.stdout);
    // eslint-disable-next-line no-control-regex
    expect(forced.stdout).toMatch(/\u001b\[1m\u001b\[31m[^\n]* \[UNSAFE\]\u001b\[39m\u001b\[22m/);
  });
});

describe('skops inspect matches the tree Python skops visualize prints', () => {
  const missing = pythonSkopsMissing();
  if (missing) console.log(`skipping the Python visualize comparison: ${missing}`);
  let expected: Record<string, string | null> = {};
  const runs = new Map<string, CliRun>();
  beforeAll(async () => {
    if (missing) return;
    expected = pythonVisualize(skopsCases.map((c) => c.file));
    const results = await pooled(
      skopsCases.map((c) => () => skops(['inspect', c.file, ...env(c)])),
    );
    skopsCases.forEach((c, i) => runs.set(c.file, results[i] as CliRun));
  });
  for (const c of skopsCases) {
    it.skipIf(missing !== undefined)(
      `${c.name}: the same text as Python (where Python's visualize works)`,
      () => {
        const python = expected[c.file];
        if (python === null) {
          expect(runs.get(c.file)?.code).toBe(0);
          return;
        }
        expect(runs.get(c.file)?.stdout).toBe(python);
      },
    );
  }
});

describe('skops inspect --describe', () => {
  const described = skopsCases.filter((c) => c.sidecar.describe !== undefined);
  const runs = new Map<string, CliRun>();
  beforeAll(async () => {
    const results = await pooled(
      described.map(
        (c) => () =>
          skops([
            'inspect',
            c.file,
            '--describe',
            ...env(c),
            ...trustedFlags(c.sidecar.untrusted_types ?? []),
          ]),
      ),
    );
    described.forEach((c, i) => runs.set(c.file, results[i] as CliRun));
  });

  for (const c of described) {
    it(`${c.name}: prints the description in the sidecar, numbers exactly`, () => {
      const run = runs.get(c.file) as CliRun;
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(jsonEqual(JSON.parse(run.stdout), c.sidecar.describe)).toBe(true);
    });
  }

  it('refuses untrusted types not passed with --trusted: exit 1, one stderr line naming them, nothing on stdout', async () => {
    const c = described.find((x) => (x.sidecar.untrusted_types ?? []).length > 0) as Case;
    const run = await skops(['inspect', c.file, '--describe', ...env(c)]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^skops: error: .* \[UNTRUSTED_TYPES\]$/);
    for (const t of c.sidecar.untrusted_types ?? []) expect(lines[0]).toContain(t);
  });
});
