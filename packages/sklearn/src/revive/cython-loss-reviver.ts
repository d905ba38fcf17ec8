import { PyDict, PyObject, PyTuple, type Reviver } from '@skops-ts/core';
import { lossPickleForm } from '../values/loss-form.js';
import { Loss } from '../values/loss.js';

/** The Cython losses without constructor parameters: an empty instance is fully known. */
const STATELESS = [
  'CyAbsoluteError',
  'CyExponentialLoss',
  'CyHalfBinomialLoss',
  'CyHalfGammaLoss',
  'CyHalfMultinomialLoss',
  'CyHalfPoissonLoss',
  'CyHalfSquaredError',
];

/**
 * skops up to 0.10 saved `sklearn._loss._loss` losses as ObjectNodes without
 * state. Python loads them as the loss object itself (and saves that again as
 * a LossNode), so the parameterless ones become a {@link Loss}; parameterised
 * ones (CyHuberLoss, CyPinballLoss, the Tweedie losses) lost their parameter
 * in such files and stay plain objects.
 */
export const cythonLossReviver: Reviver = {
  classes: STATELESS.flatMap((name) => [`sklearn._loss._loss.${name}`, `_loss.${name}`]),
  revive(value, ctx) {
    if (!PyObject.is(value) || (value.state !== null && value.state !== undefined)) return value;
    return new Loss(
      value.module,
      value.name,
      new PyTuple([]),
      new PyDict(),
      lossPickleForm(value.module, value.name, ctx.env.sklearn),
    );
  },
};
