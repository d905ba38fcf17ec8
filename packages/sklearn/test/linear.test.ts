import { describe, expect, it } from 'vitest';
import { linearDecision, type FeatureRows } from '@skops-ts/sklearn';
import { hasFixture, loadFixture, sidecar } from './fixtures.js';

/** Models whose decision_function (classifiers) or predict (regressors) is `X @ coef_.T + intercept_`. */
const CASES: [string, 'decision_function' | 'predict'][] = [
  ['sk_logreg_binary', 'decision_function'],
  ['sk_logreg_multiclass', 'decision_function'],
  ['sk_linear_svc', 'decision_function'],
  ['sk_ridge_classifier', 'decision_function'],
  ['sk_sgd_hinge', 'decision_function'],
  ['sk_ridge', 'predict'],
  ['sk_lasso', 'predict'],
  ['sk_elasticnet', 'predict'],
  ['sk_linear_regression', 'predict'],
];

for (const folder of ['skops', 'skops-modern']) {
  describe(`linear model scores on the ${folder} stack`, () => {
    for (const [name, output] of CASES.filter(([n]) => hasFixture(folder, n))) {
      it(`${name}: ${output} agrees with the sidecar to 1e-12 relative`, async () => {
        const s = sidecar(folder, name);
        const want = s.outputs?.[output] as (number | number[])[];
        expect(want).toBeDefined();
        const got = linearDecision(await loadFixture(folder, name), s.inputs?.X as FeatureRows);
        expect(got.length).toBe(want.length);
        got.forEach((row, i) => {
          const w = want[i];
          const expected = Array.isArray(w) ? w : [w as number];
          expect(row.length).toBe(expected.length);
          row.forEach((g, k) => {
            const e = expected[k] as number;
            expect(Math.abs(g - e), `row ${i} score ${k}: ${g} vs ${e}`).toBeLessThanOrEqual(
              1e-12 * Math.max(1, Math.abs(e)),
            );
          });
        });
      });
    }
  });
}
