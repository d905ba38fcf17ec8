import { describe, expect, it } from 'vitest';
import { predict, predictProba, type FeatureRows } from '@skops-ts/sklearn';
import { hasFixture, loadFixture, sidecar } from './fixtures.js';

const CASES = [
  'sk_decision_tree_clf_str_labels',
  'sk_decision_tree_reg',
  'sk_extra_tree_clf',
  'sk_random_forest_clf',
  'sk_extra_trees_reg',
  'sk_decision_tree_clf_missing_values',
];

/** Sidecar numbers: JSON numbers, null for NaN, "Infinity" strings. */
function expectedNumber(v: unknown): number {
  if (v === null) return NaN;
  if (v === 'Infinity') return Infinity;
  if (v === '-Infinity') return -Infinity;
  return v as number;
}

function label(v: unknown): unknown {
  return typeof v === 'bigint' ? Number(v) : v;
}

for (const folder of ['skops', 'skops-modern']) {
  describe(`tree predictions on the ${folder} stack`, () => {
    for (const name of CASES.filter((n) => hasFixture(folder, n))) {
      const s = sidecar(folder, name);
      const X = s.inputs?.X as FeatureRows;
      it(`${name}: predict equals the sidecar bit for bit`, async () => {
        expect(s.outputs?.predict).toBeDefined();
        const got = predict(await loadFixture(folder, name), X).map(label);
        const want = s.outputs?.predict as unknown[];
        expect(got.length).toBe(want.length);
        got.forEach((g, i) => {
          if (typeof g === 'number')
            expect(
              Object.is(g, expectedNumber(want[i])),
              `row ${i}: ${g} vs ${String(want[i])}`,
            ).toBe(true);
          else expect(g).toBe(want[i]);
        });
      });
      if (s.outputs?.predict_proba !== undefined) {
        it(`${name}: predictProba equals the sidecar bit for bit`, async () => {
          const got = predictProba(await loadFixture(folder, name), X);
          const want = s.outputs?.predict_proba as unknown[][];
          expect(got.length).toBe(want.length);
          got.forEach((row, i) =>
            row.forEach((g, k) =>
              expect(
                Object.is(g, expectedNumber(want[i]?.[k])),
                `row ${i} class ${k}: ${g} vs ${String(want[i]?.[k])}`,
              ).toBe(true),
            ),
          );
        });
      }
    }
  });
}
