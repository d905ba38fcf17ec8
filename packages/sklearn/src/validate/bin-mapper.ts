import { PyDict } from '@skops-ts/core';
import { NDArray } from '@skops-ts/numpy';
import {
  dictKeyPath,
  integers,
  intValue,
  invalid,
  isFloatArray,
  isIntegerArray,
  kindOf,
} from './checks.js';

const WHAT = 'histogram gradient boosting bin mapper (_BinMapper)';

/** What a checked bin mapper tells the estimator-level checks. */
export interface BinMapperSummary {
  readonly nFeatures: number;
  /** `is_categorical_` per feature (1 categorical), or undefined when the mapper has none (no categorical features). */
  readonly isCategorical: Uint8Array | undefined;
}

/**
 * Checks a fitted `_BinMapper`'s shapes: one threshold array, one
 * `n_bins_non_missing_` entry and one `is_categorical_` flag per feature, and
 * bins that fit below the missing-values bin (binned data is uint8 and
 * indexes 256-bit category bitsets). Returns undefined for an unfitted mapper.
 */
export function validateBinMapper(state: unknown, path: string): BinMapperSummary | undefined {
  if (!PyDict.is(state))
    throw invalid(
      `A _BinMapper's state must be a dict, got ${kindOf(state)}.`,
      WHAT,
      `${path}.content`,
    );
  const thresholds = state.get('bin_thresholds_');
  if (thresholds === undefined) return undefined;
  const thresholdsPath = dictKeyPath(path, 'bin_thresholds_');
  if (!Array.isArray(thresholds))
    throw invalid(
      `bin_thresholds_ must be a list of arrays, got ${kindOf(thresholds)}.`,
      WHAT,
      thresholdsPath,
    );
  const nFeatures = thresholds.length;

  const nBins = intValue(state.get('n_bins'), 'n_bins', WHAT, dictKeyPath(path, 'n_bins'), 3);
  if (nBins > 256)
    throw invalid(
      `n_bins is ${nBins}; binned values are uint8, so at most 256 bins exist.`,
      WHAT,
      dictKeyPath(path, 'n_bins'),
    );
  const missing = state.get('missing_values_bin_idx_');
  if (
    missing !== undefined &&
    intValue(
      missing,
      'missing_values_bin_idx_',
      WHAT,
      dictKeyPath(path, 'missing_values_bin_idx_'),
    ) !==
      nBins - 1
  ) {
    throw invalid(
      `missing_values_bin_idx_ is ${String(missing)}; it is always n_bins - 1 (${nBins - 1}).`,
      WHAT,
      dictKeyPath(path, 'missing_values_bin_idx_'),
    );
  }
  thresholds.forEach((t, i) => {
    if (!NDArray.is(t) || t.ndim !== 1 || !isFloatArray(t))
      throw invalid(
        `bin_thresholds_[${i}] must be a 1-D float array, got ${kindOf(t)}.`,
        WHAT,
        `${thresholdsPath}.content[${i}]`,
      );
    if (t.size > nBins - 1)
      throw invalid(
        `bin_thresholds_[${i}] has ${t.size} thresholds; with n_bins ${nBins} at most ${nBins - 1} fit.`,
        WHAT,
        `${thresholdsPath}.content[${i}]`,
      );
  });

  const nonMissing = state.get('n_bins_non_missing_');
  const nonMissingPath = dictKeyPath(path, 'n_bins_non_missing_');
  if (
    !NDArray.is(nonMissing) ||
    nonMissing.ndim !== 1 ||
    !isIntegerArray(nonMissing) ||
    nonMissing.size !== nFeatures
  ) {
    throw invalid(
      `n_bins_non_missing_ must be a 1-D integer array with one entry per feature (${nFeatures}), got ${kindOf(nonMissing)}.`,
      WHAT,
      nonMissingPath,
    );
  }
  integers(nonMissing).forEach((v, i) => {
    if (!(v >= 0 && v <= nBins - 1))
      throw invalid(
        `n_bins_non_missing_[${i}] is ${v}, outside [0, ${nBins - 1}].`,
        WHAT,
        nonMissingPath,
      );
  });

  const flags = state.get('is_categorical_');
  const flagsPath = dictKeyPath(path, 'is_categorical_');
  if (flags === undefined || flags === null) return { nFeatures, isCategorical: undefined };
  if (
    !NDArray.is(flags) ||
    flags.ndim !== 1 ||
    !(isIntegerArray(flags) || flags.dtype.kind === 'b') ||
    flags.size !== nFeatures
  ) {
    throw invalid(
      `is_categorical_ must be a 1-D array with one flag per feature (${nFeatures}), got ${kindOf(flags)}.`,
      WHAT,
      flagsPath,
    );
  }
  const isCategorical = Uint8Array.from(
    flags.dtype.kind === 'b' ? (flags.data as Uint8Array) : integers(flags),
    (v) => (v ? 1 : 0),
  );
  return { nFeatures, isCategorical };
}
