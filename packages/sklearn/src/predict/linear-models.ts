import { PyDict, PyObject, SkopsError } from '@skops-ts/core';
import { NDArray, NpScalar } from '@skops-ts/numpy';
import type { FeatureRows } from './tree-models.js';

function unsupported(message: string): SkopsError {
  return new SkopsError('UNSUPPORTED_VALUE', message);
}

function floatArray(
  value: unknown,
  what: string,
): { data: Float64Array; shape: readonly number[] } {
  const array = NpScalar.is(value) ? value.array : NDArray.is(value) ? value : undefined;
  if (typeof value === 'number') return { data: Float64Array.of(value), shape: [] };
  if (!array || array.dtype.kind !== 'f') throw unsupported(`${what} must be a float array.`);
  const c = array.isCContiguous ? array : array.reshape(array.shape);
  return { data: Float64Array.from(c.data as ArrayLike<number>), shape: array.shape };
}

/**
 * `X @ coef_.T + intercept_` of a fitted linear model (LogisticRegression,
 * Ridge, Lasso, SGD, LinearSVC, …): one row of scores per sample, one score
 * per row of `coef_` (a 1-D `coef_` gives one score). The dot products add
 * terms left to right; numpy hands them to BLAS, which may sum in another
 * order, so results can differ from scikit-learn's in the last bits.
 */
export function linearDecision(model: unknown, X: FeatureRows): number[][] {
  if (!PyObject.is(model) || !PyDict.is(model.state) || !model.state.has('coef_')) {
    throw unsupported('linearDecision needs a fitted linear model (with coef_ and intercept_).');
  }
  const coef = floatArray(model.state.get('coef_'), 'coef_');
  const intercept = floatArray(model.state.get('intercept_') ?? 0, 'intercept_');
  const nFeatures = coef.shape.length === 2 ? (coef.shape[1] as number) : (coef.shape[0] ?? 0);
  const nTargets = coef.shape.length === 2 ? (coef.shape[0] as number) : 1;
  if (intercept.data.length !== nTargets && intercept.data.length !== 1) {
    throw unsupported(`intercept_ has ${intercept.data.length} entries for ${nTargets} targets.`);
  }
  return X.map((row, i) => {
    if (row.length !== nFeatures)
      throw unsupported(`Row ${i} has ${row.length} features; the model expects ${nFeatures}.`);
    const scores: number[] = [];
    for (let k = 0; k < nTargets; k++) {
      let sum = 0;
      for (let j = 0; j < nFeatures; j++)
        sum += (row[j] ?? NaN) * (coef.data[k * nFeatures + j] as number);
      scores.push(sum + (intercept.data[intercept.data.length === 1 ? 0 : k] as number));
    }
    return scores;
  });
}
