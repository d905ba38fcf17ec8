import { describe, expect, it } from 'vitest';
import { PyDict, PyObject } from '@skops-ts/core';
import { BoosterObject, SklearnModelObject, xgboostPlugin } from '@skops-ts/xgboost';
import type { LabelPrediction, Prediction } from '@skops-ts/xgboost';
import { listFixtures, openSkops, readSidecar } from './fixture-files.js';
import { loadSchemaValue } from './schema-values.js';

const cases = listFixtures('skops', /^xgb_/);

/** numpy `tolist()` of a C-order array, flattened, with its shape. */
function flatten(value: unknown): { values: unknown[]; shape: number[] } {
  if (!Array.isArray(value)) return { values: [value], shape: [] };
  if (value.length === 0 || !Array.isArray(value[0]))
    return { values: value, shape: [value.length] };
  const rows = value.map(flatten);
  return {
    values: rows.flatMap((r) => r.values),
    shape: [value.length, ...(rows[0] as { shape: number[] }).shape],
  };
}

/** The estimator that answers `predict` for a root object: search CVs delegate to `best_estimator_`. */
function predictor(root: unknown): unknown {
  if (
    PyObject.is(root) &&
    PyDict.is(root.state) &&
    root.state.has('best_estimator_') &&
    !SklearnModelObject.is(root)
  ) {
    return root.state.get('best_estimator_');
  }
  return root;
}

function run(model: unknown, method: string, x: (number | null)[][]): LabelPrediction | Prediction {
  if (BoosterObject.is(model) && method === 'predict') return model.booster.predict(x);
  if (SklearnModelObject.is(model) && method === 'predict') return model.predict(x);
  if (SklearnModelObject.is(model) && method === 'predict_proba') return model.predictProba(x);
  throw new Error(`no ${method} for this model`);
}

describe('predictions on the skops xgboost fixtures', () => {
  it('finds the xgboost fixtures', () => {
    expect(cases).toEqual([
      'xgb_booster',
      'xgb_classifier_binary',
      'xgb_gridsearch_docs_example',
      'xgb_regressor',
    ]);
  });

  for (const name of cases) {
    const sidecar = readSidecar('skops', name);
    for (const [method, expected] of Object.entries(sidecar.outputs ?? {})) {
      it(`${name}: ${method} equals Python's output bit for bit (float32 widened to float64)`, async () => {
        const archive = await openSkops('skops', name);
        const root = await loadSchemaValue(
          archive.schema,
          archive.member,
          xgboostPlugin.revivers ?? [],
        );
        const result = run(predictor(root), method, sidecar.inputs?.X ?? []);
        const want = flatten(expected);
        expect(result.shape).toEqual(sidecar.outputs_meta?.[method]?.shape ?? want.shape);
        expect(Array.from(result.data)).toEqual(want.values);
        const dtype = sidecar.outputs_meta?.[method]?.dtype;
        expect(result.data instanceof Float32Array ? '<f4' : 'integer').toBe(
          dtype === '<f4' ? '<f4' : 'integer',
        );
      });
    }
  }
});
