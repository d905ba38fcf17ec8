import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LIMITS,
  PyDict,
  SkopsError,
  describe as describeValue,
  dumps,
  getUntrustedTypes,
  loads,
  memorySource,
  openArchive,
  writeArchive,
} from '@skops-ts/core';
import { DictWithDeprecatedKeys, Loss } from '@skops-ts/sklearn';
import { FIXTURES, PLUGINS, envOf, fixturePath, hasFixture, sidecar } from './fixtures.js';

/** A fixture archive with its schema rewritten by `edit`. */
async function editedSchema(
  folder: string,
  name: string,
  edit: (schema: Record<string, unknown>) => void,
): Promise<Uint8Array> {
  const archive = await openArchive(
    memorySource(readFileSync(fixturePath(folder, `${name}.skops`))),
    { limits: DEFAULT_LIMITS },
  );
  const members = await Promise.all(
    archive.entries.map(async (e) => ({ name: e.name, data: await archive.read(e.name) })),
  );
  const schemaMember = members.find((m) => m.name === 'schema.json');
  if (!schemaMember) throw new Error('no schema');
  const schema = JSON.parse(new TextDecoder().decode(schemaMember.data)) as Record<string, unknown>;
  edit(schema);
  schemaMember.data = new TextEncoder().encode(JSON.stringify(schema));
  return writeArchive(members, { compression: 'stored' });
}

/** Every object in a schema with this loader. */
function nodesWith(
  schema: unknown,
  loader: string,
  out: Record<string, unknown>[] = [],
): Record<string, unknown>[] {
  if (Array.isArray(schema)) schema.forEach((v) => nodesWith(v, loader, out));
  else if (schema && typeof schema === 'object') {
    const o = schema as Record<string, unknown>;
    if (o.__loader__ === loader) out.push(o);
    Object.values(o).forEach((v) => nodesWith(v, loader, out));
  }
  return out;
}

describe('loss objects', () => {
  it('reports a LossNode naming a class outside ALLOWED_LOSSES, and builds nothing of it when trusted', async () => {
    const bytes = await editedSchema('skops', 'sk_sgd_hinge', (schema) => {
      const [loss] = nodesWith(schema, 'LossNode');
      if (!loss) throw new Error('no LossNode');
      loss.__module__ = 'os';
      loss.__class__ = 'system';
    });
    const env = envOf(sidecar('skops', 'sk_sgd_hinge'));
    expect(await getUntrustedTypes(bytes, { plugins: PLUGINS, pythonEnv: env })).toContain(
      'os.system',
    );
    const refused = await loads(bytes, { plugins: PLUGINS, pythonEnv: env }).catch(
      (e: unknown) => e,
    );
    expect(SkopsError.isInstance(refused) && refused.code).toBe('UNTRUSTED_TYPES');
  });

  it('trusts sklearn._loss._loss losses on scikit-learn 1.9 but not on 1.2, where skops could not import them', async () => {
    const bytes = readFileSync(fixturePath('skops-modern', 'sk_hist_gradient_boosting_reg.skops'));
    expect(
      await getUntrustedTypes(bytes, { plugins: PLUGINS, pythonEnv: { sklearn: '1.9.1' } }),
    ).not.toContain('sklearn._loss._loss.CyHalfSquaredError');
    expect(
      await getUntrustedTypes(bytes, { plugins: PLUGINS, pythonEnv: { sklearn: '1.2.1' } }),
    ).toContain('sklearn._loss._loss.CyHalfSquaredError');
  });

  it('saves a loss back with the same arguments and description', async () => {
    const s = sidecar('skops-modern', 'sk_sgd_clf_huber');
    const model = await loads(readFileSync(fixturePath('skops-modern', 'sk_sgd_clf_huber.skops')), {
      plugins: PLUGINS,
      pythonEnv: envOf(s),
      trusted: s.untrusted_types ?? [],
    });
    const state = (model as { state: PyDict }).state;
    const loss = [...state.values()].find((v) => Loss.is(v)) as Loss;
    expect(loss.className).toBe('sklearn._loss._loss.CyHuberLoss');
    const again = await loads(await dumps(loss, { plugins: PLUGINS }), {
      plugins: PLUGINS,
      pythonEnv: envOf(s),
    });
    expect(describeValue(again, { plugins: PLUGINS })).toEqual(
      describeValue(loss, { plugins: PLUGINS }),
    );
  });
});

describe('SGDNode (skops 0.5 - 0.10)', () => {
  const dir = join(FIXTURES, 'old-protocols');
  const cases = hasFixture('old-protocols', 'v0.10__sgd')
    ? readdirSync(dir)
        .filter((f) => /__sgd\.json$/.test(f))
        .map((f) => f.replace(/\.json$/, ''))
    : [];
  for (const name of cases) {
    const s = sidecar('old-protocols', name);
    const usesSgdNode = String(s.untrusted_types_error ?? '').includes('SGDNode');
    if (!usesSgdNode) continue;
    it(`${name}: loads what the writing release loaded (protocol ${String(s.protocol)})`, async () => {
      const bytes = readFileSync(fixturePath('old-protocols', `${name}.skops`));
      const untrusted = await getUntrustedTypes(bytes, { plugins: PLUGINS, pythonEnv: envOf(s) });
      const value = await loads(bytes, {
        plugins: PLUGINS,
        pythonEnv: envOf(s),
        trusted: untrusted,
      });
      expect(describeValue(value, { plugins: PLUGINS })).toEqual(s.describe_by_writer);
    });
  }
  it('covers files of every protocol', () => {
    const protocols = new Set(
      cases
        .map((n) => sidecar('old-protocols', n))
        .filter((s) => String(s.untrusted_types_error ?? '').includes('SGDNode'))
        .map((s) => s.protocol),
    );
    expect([...protocols].sort()).toEqual([0, 1, 2]);
  });
});

describe('_DictWithDeprecatedKeys', () => {
  it('round-trips and is reported untrusted until the caller trusts it', async () => {
    const value = new DictWithDeprecatedKeys(
      new PyDict([['mean_score', 1.5]]),
      new PyDict([['mean_score', 'mean_test_score']]),
    );
    const bytes = await dumps(value, { plugins: PLUGINS });
    const untrusted = await getUntrustedTypes(bytes, { plugins: PLUGINS });
    expect(untrusted).toEqual(['sklearn.covariance._graph_lasso._DictWithDeprecatedKeys']);
    const loaded = await loads(bytes, { plugins: PLUGINS, trusted: untrusted });
    expect(DictWithDeprecatedKeys.is(loaded)).toBe(true);
    expect(describeValue(loaded, { plugins: PLUGINS })).toEqual(
      describeValue(value, { plugins: PLUGINS }),
    );
  });
});
