import { PyObject, type Reviver } from '@skops-ts/core';
import { validateTreePredictor } from '../validate/hist-predictor.js';

/**
 * Refuses HistGradientBoosting `TreePredictor`s whose node links, feature
 * indices or bitset rows are out of range; the value itself stays the plain
 * object Python skops loads.
 */
export const treePredictorReviver: Reviver = {
  classes: ['sklearn.ensemble._hist_gradient_boosting.predictor.TreePredictor'],
  revive(value, ctx) {
    if (PyObject.is(value) && value.state !== null && value.state !== undefined)
      validateTreePredictor(value.state, ctx.path);
    return value;
  },
};
