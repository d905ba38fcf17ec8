import { PyDict, type Describer, type Description } from '@skops-ts/core';
import { isSklearnEstimatorObject } from '../values/estimator-state.js';

/**
 * An estimator as the given scikit-learn loads it: `__setstate__` drops the
 * stored `_sklearn_version` and `__getstate__` appends the running version,
 * so a model trained on 1.6 describes with "1.9.1" on 1.9.1. Without a
 * Python environment the stored version is described.
 */
export const estimatorDescriber: Describer = {
  name: 'sklearn estimator',
  test: isSklearnEstimatorObject,
  describe: (value, ctx): Description => {
    const { state, className } = value as { state: PyDict; className: string };
    if (!ctx.env) return { object: className, state: ctx.describe(state) };
    const restamped = new PyDict(
      [...state.entries()].filter(([k]) => k !== '_sklearn_version'),
      state.module,
      state.name,
    );
    restamped.set('_sklearn_version', ctx.env.sklearn);
    return { object: className, state: ctx.describe(restamped) };
  },
};
