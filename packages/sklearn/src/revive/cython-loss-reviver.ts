import { PyDict, PyObject, PyTuple, type Reviver } from '@skops-ts/core';
import { lossPickleForm } from '../values/loss-form.js';
import { CYTHON_LOSS_MODULES, STATELESS_CYTHON_LOSSES } from '../values/cython-losses.js';
import { Loss } from '../values/loss.js';

/**
 * skops up to 0.10 saved `sklearn._loss._loss` losses as ObjectNodes without
 * state. Python loads them as the loss object itself (and saves that again as
 * a LossNode), so the parameterless ones become a {@link Loss}; parameterised
 * ones (CyHuberLoss, CyPinballLoss, the Tweedie losses) lost their parameter
 * in such files and stay plain objects.
 */
export const cythonLossReviver: Reviver = {
  classes: STATELESS_CYTHON_LOSSES.flatMap((name) =>
    CYTHON_LOSS_MODULES.map((m) => `${m}.${name}`),
  ),
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
