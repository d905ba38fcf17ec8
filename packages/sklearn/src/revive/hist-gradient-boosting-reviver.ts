import { PyObject, type Reviver } from '@skops-ts/core';
import { validateHistGradientBoosting } from '../validate/hist-gradient-boosting.js';

const MODULE = 'sklearn.ensemble._hist_gradient_boosting.gradient_boosting';

/**
 * Cross-checks a fitted HistGradientBoosting estimator's predictors against
 * its bin mapper (feature indices, categorical splits); the value stays the
 * plain estimator object.
 */
export const histGradientBoostingReviver: Reviver = {
  classes: [`${MODULE}.HistGradientBoostingClassifier`, `${MODULE}.HistGradientBoostingRegressor`],
  revive(value, ctx) {
    if (PyObject.is(value)) validateHistGradientBoosting(value.state, ctx.path);
    return value;
  },
};
