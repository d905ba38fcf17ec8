import type { PyDict } from '@skops-ts/core';

const BRAND = Symbol.for('skops-ts/sklearn/DictWithDeprecatedKeys');

/** The module and class of scikit-learn < 1.2's `_DictWithDeprecatedKeys` (GraphicalLassoCV's `cv_results_`). */
export const DICT_WITH_DEPRECATED_KEYS = {
  module: 'sklearn.covariance._graph_lasso',
  name: '_DictWithDeprecatedKeys',
} as const;

/** `sklearn.covariance._graph_lasso._DictWithDeprecatedKeys`: a dict plus its map of deprecated keys. */
export class DictWithDeprecatedKeys {
  readonly [BRAND] = true;
  readonly main: PyDict;
  readonly deprecatedKeyToNewKey: unknown;

  constructor(main: PyDict, deprecatedKeyToNewKey: unknown) {
    this.main = main;
    this.deprecatedKeyToNewKey = deprecatedKeyToNewKey;
  }

  static is(value: unknown): value is DictWithDeprecatedKeys {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[BRAND] === true
    );
  }
}
