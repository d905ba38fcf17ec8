import { describe, expect, it } from 'vitest';
import { Booster, decodeXgbJsonText, encodeXgbJsonText, isXgbObject } from '@skops-ts/xgboost';
import type { XgbJson } from '@skops-ts/xgboost';
import { findObjectNodes, handleMember, openSkops } from './fixture-files.js';

async function fixtureModel(): Promise<Map<string, XgbJson>> {
  const archive = await openSkops('skops', 'xgb_booster');
  const [booster] = findObjectNodes(archive.schema, 'xgboost.core.Booster');
  const json = Booster.fromBytes(await archive.member(handleMember(booster?.node ?? {}))).toJSON();
  return decodeXgbJsonText(new TextEncoder().encode(json)) as Map<string, XgbJson>;
}

function at(doc: XgbJson, ...keys: (string | number)[]): Map<string, XgbJson> {
  let v: XgbJson = doc;
  for (const k of keys)
    v =
      typeof k === 'number'
        ? ((v as XgbJson[])[k] as XgbJson)
        : ((v as Map<string, XgbJson>).get(k) as XgbJson);
  if (!isXgbObject(v)) throw new Error('not an object');
  return v as Map<string, XgbJson>;
}

function bytes(doc: XgbJson): Uint8Array {
  return new TextEncoder().encode(encodeXgbJsonText(doc));
}

describe('booster decoding errors', () => {
  it('refuses the legacy CONFIG-offset pickle with a message naming the versions and the fix', () => {
    const legacy = new TextEncoder().encode(
      'CONFIG-offset:\u0008\u0000\u0000\u0000\u0000\u0000\u0000\u0000binf',
    );
    expect(() => Booster.fromBytes(legacy)).toThrow(
      expect.objectContaining({
        code: 'UNSUPPORTED_VALUE',
        message: expect.stringMatching(/1\.0–1\.3.*save_model/),
      }),
    );
  });

  it('refuses bytes that are neither UBJSON nor JSON', () => {
    expect(() => Booster.fromBytes(Uint8Array.of(0, 0, 0, 63, 1, 2))).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_VALUE' }),
    );
  });

  it('reads a JSON-text model (the format of XGBoost 1.4–1.5 pickles)', async () => {
    const doc = await fixtureModel();
    expect(Booster.fromBytes(bytes(doc)).objective).toBe('reg:squarederror');
  });

  it('refuses a tree whose children form a cycle', async () => {
    const doc = await fixtureModel();
    const tree = at(doc, 'learner', 'gradient_booster', 'model', 'trees', 0);
    const left = (tree.get('left_children') as XgbJson[]).slice() as XgbJson[];
    left[1] = 0n;
    tree.set('left_children', left);
    expect(() => Booster.fromBytes(bytes(doc))).toThrow(
      expect.objectContaining({
        code: 'INVALID_DATA',
        message: expect.stringMatching(/trees\[0\].*outside|reached twice/),
      }),
    );
  });

  it('refuses a split on a child index beyond the tree', async () => {
    const doc = await fixtureModel();
    const tree = at(doc, 'learner', 'gradient_booster', 'model', 'trees', 1);
    const right = (tree.get('right_children') as XgbJson[]).slice() as XgbJson[];
    right[0] = 9999n;
    tree.set('right_children', right);
    expect(() => Booster.fromBytes(bytes(doc))).toThrow(
      expect.objectContaining({ code: 'INVALID_DATA' }),
    );
  });

  it('refuses tree arrays of the wrong length and a tree_info group out of range', async () => {
    const doc = await fixtureModel();
    at(doc, 'learner', 'gradient_booster', 'model', 'trees', 0).set('split_conditions', [1.5]);
    expect(() => Booster.fromBytes(bytes(doc))).toThrow(
      /split_conditions: expected \d+ items, found 1/,
    );
    const doc2 = await fixtureModel();
    at(doc2, 'learner', 'gradient_booster', 'model').set('tree_info', [5n, 0n, 0n]);
    expect(() => Booster.fromBytes(bytes(doc2))).toThrow(/tree_info\[0\]: group 5/);
  });

  it('predicts nothing for an unknown objective and says which ones are known', async () => {
    const doc = await fixtureModel();
    at(doc, 'learner', 'objective').set('name', 'reg:made-up');
    const booster = Booster.fromBytes(bytes(doc));
    expect(() => booster.predict([[1, 2, 3, 4]])).toThrow(
      expect.objectContaining({
        code: 'UNSUPPORTED_VALUE',
        message: expect.stringMatching(/reg:made-up.*binary:logistic/),
      }),
    );
  });

  it('refuses more feature columns than the model has, ragged rows and infinite values', async () => {
    const booster = Booster.fromBytes(bytes(await fixtureModel()));
    expect(() => booster.predict([[1, 2, 3, 4, 5]])).toThrow(/5 columns.*4 features/);
    expect(() => booster.predict([[1, 2], [1]])).toThrow(/Row 1/);
    expect(() => booster.predict([[Infinity, 1, 2, 3]])).toThrow(/infinite/);
    expect(() => booster.predict({ data: new Float64Array(3), shape: [2, 2] })).toThrow(/shape/);
    expect(() => booster.predict([[1, 2, 3, 4]], { iterationRange: [0, 99] })).toThrow(
      /iterationRange/,
    );
  });

  it('treats absent trailing columns as missing values', async () => {
    const booster = Booster.fromBytes(bytes(await fixtureModel()));
    expect(Array.from(booster.predict([[0.5, null]]).data)).toEqual(
      Array.from(booster.predict([[0.5, NaN, NaN, NaN]]).data),
    );
    expect(
      Array.from(booster.predict({ data: Float32Array.of(0.5, NaN), shape: [1, 2] }).data),
    ).toEqual(Array.from(booster.predict([[0.5]]).data));
  });
});
