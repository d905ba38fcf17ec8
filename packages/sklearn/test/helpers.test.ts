import { describe, expect, it } from 'vitest';
import { PyObject } from '@skops-ts/core';
import { fittedAttributes, isEstimator, nestedEstimators, params } from '@skops-ts/sklearn';
import { loadFixture } from './fixtures.js';

const names = (found: { path: string; estimator: PyObject }[]): [string, string][] =>
  found.map((f) => [f.path, f.estimator.name]);

describe('estimator helpers', () => {
  it('tells estimators from other values', async () => {
    expect(isEstimator(await loadFixture('skops', 'sk_logreg_binary'))).toBe(true);
    expect(isEstimator(new PyObject('sklearn.x', 'Y', null))).toBe(false);
    expect(isEstimator([1n])).toBe(false);
  });

  it('splits parameters from fitted attributes', async () => {
    const lr = await loadFixture('skops-modern', 'sk_logreg_binary');
    const p = params(lr);
    const f = fittedAttributes(lr);
    expect(p.has('C')).toBe(true);
    expect(p.has('max_iter')).toBe(true);
    expect([...p.keys()].some((k) => k.endsWith('_') || k.startsWith('_'))).toBe(false);
    expect(f.has('coef_')).toBe(true);
    expect(f.has('classes_')).toBe(true);
    expect([...f.keys()].every((k) => k.endsWith('_'))).toBe(true);
    expect(fittedAttributes(await loadFixture('skops', 'sk_unfitted_random_forest')).size).toBe(0);
  });

  it('finds the steps of a Pipeline', async () => {
    const found = nestedEstimators(await loadFixture('skops', 'sk_pipeline_scaler_logreg'));
    expect(names(found)).toEqual([
      ['steps[0][1]', 'StandardScaler'],
      ['steps[1][1]', 'LogisticRegression'],
    ]);
  });

  it('finds the transformers of a ColumnTransformer and a FeatureUnion', async () => {
    const ct = names(nestedEstimators(await loadFixture('skops', 'sk_column_transformer_mixed')));
    expect(ct.map(([, n]) => n)).toEqual(
      expect.arrayContaining(['StandardScaler', 'OneHotEncoder']),
    );
    expect(ct.some(([p]) => p.startsWith('transformers_'))).toBe(true);
    // The union holds PCA and a Pipeline of MinMaxScaler and PolynomialFeatures: walk down level by level.
    const all: string[] = [];
    const walk = (obj: unknown): void =>
      nestedEstimators(obj).forEach((f) => (all.push(f.estimator.name), walk(f.estimator)));
    walk(await loadFixture('skops', 'sk_feature_union'));
    expect(all).toEqual(expect.arrayContaining(['PCA', 'MinMaxScaler', 'PolynomialFeatures']));
    expect(
      names(nestedEstimators(await loadFixture('skops', 'sk_feature_union'))).every(([p]) =>
        p.startsWith('transformer_list['),
      ),
    ).toBe(true);
  });

  it("finds a forest's trees", async () => {
    const found = nestedEstimators(await loadFixture('skops', 'sk_random_forest_clf'));
    const trees = found.filter((f) => f.path.startsWith('estimators_'));
    expect(trees.length).toBe(5);
    expect(trees.every((t) => t.estimator.name === 'DecisionTreeClassifier')).toBe(true);
  });
});
