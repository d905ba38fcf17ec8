import { PyDict, PyObject } from '@skops-ts/core';

/**
 * A scikit-learn estimator as skops saves it: an object of an `sklearn.*`
 * class whose state dict carries `_sklearn_version`, the mark
 * `BaseEstimator.__getstate__` leaves.
 */
export function isSklearnEstimatorObject(value: unknown): value is PyObject & { state: PyDict } {
  return (
    PyObject.is(value) &&
    value.module.startsWith('sklearn.') &&
    value.reduceArgs === undefined &&
    PyDict.is(value.state) &&
    value.state.has('_sklearn_version')
  );
}
