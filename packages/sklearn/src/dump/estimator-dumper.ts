import { PyDict, type Dumper, type PyObject } from '@skops-ts/core';
import { isSklearnEstimatorObject } from '../values/estimator-state.js';

/**
 * `BaseEstimator.__getstate__` returns a new dict at every call, so Python
 * gives an estimator saved twice (a forest's `estimator` and `_estimator`) a
 * new state `__id__` the second time; a fresh copy per occurrence does the same.
 */
export const estimatorDumper: Dumper = {
  name: 'sklearn estimator',
  test: isSklearnEstimatorObject,
  dump: (value, ctx) => {
    const estimator = value as PyObject & { state: PyDict };
    const state = estimator.state;
    return {
      __class__: estimator.name,
      __module__: estimator.module,
      __loader__: 'ObjectNode',
      content: ctx.state(new PyDict(state.entries(), state.module, state.name)),
    };
  },
};
