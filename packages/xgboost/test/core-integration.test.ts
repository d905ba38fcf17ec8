import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe as describeSuite, expect, it } from 'vitest';
import {
  PyDict,
  PyObject,
  describe,
  dumps,
  loads,
  memorySource,
  openArchive,
  resolveLimits,
} from '@skops-ts/core';
import { numpyPlugin } from '@skops-ts/numpy';
import {
  Booster,
  BoosterObject,
  SklearnModelObject,
  boosterOf,
  xgboostPlugin,
} from '@skops-ts/xgboost';
import {
  FIXTURES,
  findObjectNodes,
  handleMember,
  listFixtures,
  readSidecar,
  type Sidecar,
} from './fixture-files.js';
import { asOracle, oracleUnavailable, runOracle, type OracleArray } from './python-oracle.js';

const plugins = [numpyPlugin, xgboostPlugin];
const unavailable = oracleUnavailable();
if (unavailable) console.warn(`SKIPPED XGBoost JSON interop on fixtures: ${unavailable}`);

const skopsCases = listFixtures('skops', /^xgb_/).map((name) => ({ dir: 'skops', name }));
const realworldCases = listFixtures('realworld', /xgb/).map((name) => ({ dir: 'realworld', name }));

function bytesOf(dir: string, name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(FIXTURES, dir, `${name}.skops`)));
}

function boostersIn(
  value: unknown,
  out: BoosterObject[] = [],
  seen = new Set<unknown>(),
): BoosterObject[] {
  if (typeof value !== 'object' || value === null || seen.has(value)) return out;
  seen.add(value);
  if (BoosterObject.is(value)) out.push(value);
  if (PyObject.is(value)) boostersIn(value.state, out, seen);
  else if (PyDict.is(value)) for (const v of value.values()) boostersIn(v, out, seen);
  else if (Array.isArray(value)) for (const v of value) boostersIn(v, out, seen);
  else if (
    Symbol.iterator in value &&
    typeof (value as Iterable<unknown>)[Symbol.iterator] === 'function' &&
    !ArrayBuffer.isView(value)
  ) {
    for (const v of value as Iterable<unknown>) boostersIn(v, out, seen);
  }
  return out;
}

/** Deterministic test rows with some NaNs (a small LCG, no Math.random). */
function testRows(rows: number, cols: number): (number | null)[][] {
  let state = 12345;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  return Array.from({ length: rows }, () =>
    Array.from({ length: cols }, () => (next() < 0.1 ? null : (next() - 0.5) * 20)),
  );
}

/**
 * Loads a fixture trusting what Python reports; non-XGBoost names that only
 * look untrusted because their plugin (scikit-learn) is not passed here are
 * added with a visible note, so these tests stay about the XGBoost values.
 */
async function loadFixture(
  dir: string,
  name: string,
  trusted: readonly string[] = [],
): Promise<{ value: unknown; trusted: readonly string[] }> {
  try {
    return { value: await loads(bytesOf(dir, name), { plugins, trusted }), trusted };
  } catch (error) {
    const extra =
      (error as { code?: string; types?: readonly string[] }).code === 'UNTRUSTED_TYPES'
        ? ((error as { types?: readonly string[] }).types ?? [])
        : [];
    if (extra.length === 0 || extra.some((t) => t.startsWith('xgboost.'))) throw error;
    console.warn(
      `${dir}/${name}: also trusting ${extra.join(', ')} (no scikit-learn plugin in this test)`,
    );
    const all = [...trusted, ...extra];
    return { value: await loads(bytesOf(dir, name), { plugins, trusted: all }), trusted: all };
  }
}

/**
 * Loads with the plugins; a failure outside the XGBoost values (another
 * plugin's gap) skips the test visibly instead of hiding or failing it here.
 */
async function loadOrSkip(
  dir: string,
  name: string,
  trusted: readonly string[] | undefined,
  skip: (note: string) => void,
) {
  try {
    return await loadFixture(dir, name, trusted);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/xgboost/i.test(message)) throw error;
    console.warn(`SKIPPED ${dir}/${name}: loading fails outside the XGBoost values: ${message}`);
    skip(message);
    throw error;
  }
}

describeSuite('xgboost values through core loads / describe / dumps', () => {
  for (const { dir, name } of [...skopsCases, ...realworldCases]) {
    const sidecar: Sidecar & { untrusted_types?: string[] } = readSidecar(dir, name);

    // Python's describe re-pickles the Booster with its own XGBoost (new handle bytes) and re-stamps
    // _sklearn_version, so only files written by the reference stack itself describe identically.
    const sameStack = dir === 'skops';
    it(`${dir}/${name}: loads with the plugin and revives every Booster${sameStack ? ', describing exactly as Python' : ''}`, async (ctx) => {
      const { value } = await loadOrSkip(dir, name, sidecar.untrusted_types, (note) =>
        ctx.skip(note),
      );
      const boosters = boostersIn(value);
      expect(boosters.length).toBeGreaterThan(0);
      for (const b of boosters) expect(Booster.is(b.booster)).toBe(true);
      if (sameStack) expect(describe(value, { plugins })).toEqual(sidecar.describe);
    });

    it(`${dir}/${name}: dumps back with byte-identical booster handles and the same description`, async (ctx) => {
      const { value, trusted } = await loadOrSkip(dir, name, sidecar.untrusted_types, (note) =>
        ctx.skip(note),
      );
      const again = await loads(await dumps(value, { plugins }), { plugins, trusted });
      const before = boostersIn(value).map((b) => (b.state as PyDict).get('handle'));
      const after = boostersIn(again).map((b) => (b.state as PyDict).get('handle'));
      expect(after.length).toBe(before.length);
      after.forEach((h, i) =>
        expect((h as { data: Uint8Array }).data).toEqual((before[i] as { data: Uint8Array }).data),
      );
      expect(describe(again, { plugins })).toEqual(describe(value, { plugins }));
    });

    it.skipIf(unavailable !== undefined)(
      `${dir}/${name}: toJSON loads in python3-xgboost and predicts like the original handle and like us`,
      async () => {
        const archive = await openArchive(memorySource(bytesOf(dir, name)), {
          limits: resolveLimits(undefined),
        });
        const schema = JSON.parse(
          new TextDecoder().decode(await archive.read('schema.json')),
        ) as unknown;
        const handles = await Promise.all(
          findObjectNodes(schema, 'xgboost.core.Booster').map(({ node }) =>
            archive.read(handleMember(node)),
          ),
        );
        for (const handle of handles) {
          const booster = Booster.fromBytes(handle);
          const X =
            sidecar.inputs?.X_kind === 'float64_2d'
              ? sidecar.inputs.X
              : testRows(25, booster.numFeature);
          const b64 = Buffer.from(handle).toString('base64');
          const answer = runOracle<Record<string, OracleArray>>({
            items: [
              { mode: 'json', json: booster.toJSON(), X, ranges: [[0, 0]] },
              { mode: 'handle', handle: b64, X, ranges: [[0, 0]] },
            ],
          });
          const [viaJson, viaHandle] = answer.results as Record<string, OracleArray>[];
          for (const key of ['value@0:0', 'margin@0:0']) {
            const ours = asOracle(
              booster.predict(X, { outputMargin: key.startsWith('margin') }).data,
            );
            expect(ours, `${key} via JSON`).toEqual(viaJson?.[key]?.[0]);
            expect(ours, `${key} via handle`).toEqual(viaHandle?.[key]?.[0]);
          }
        }
        await archive.close();
      },
    );
  }

  it('revives sklearn wrappers whose _Booster is a BoosterObject', async () => {
    const sidecar = readSidecar('skops', 'xgb_classifier_binary') as Sidecar & {
      untrusted_types?: string[];
    };
    const value = await loads(bytesOf('skops', 'xgb_classifier_binary'), {
      plugins,
      trusted: sidecar.untrusted_types,
    });
    expect(SklearnModelObject.is(value) && PyObject.is(value)).toBe(true);
    const model = value as SklearnModelObject;
    expect(BoosterObject.is((model.state as PyDict).get('_Booster'))).toBe(true);
    expect(boosterOf((model.state as PyDict).get('_Booster')).objective).toBe('binary:logistic');
    expect(Array.from(model.predict(sidecar.inputs?.X ?? []).data)).toEqual(
      sidecar.outputs?.predict,
    );
  });

  it('refuses to load xgboost types unless they are trusted', async () => {
    await expect(loads(bytesOf('skops', 'xgb_booster'), { plugins })).rejects.toMatchObject({
      code: 'UNTRUSTED_TYPES',
    });
  });
});
