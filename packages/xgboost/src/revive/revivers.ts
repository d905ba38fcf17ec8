import { PyObject, SkopsError } from '@skops-ts/core';
import type { ConstructContext, Reviver } from '@skops-ts/core';
import { BOOSTER_CLASS, BoosterObject } from './booster-object.js';
import { SKLEARN_CLASSES, SklearnModelObject } from '../sklearn/sklearn-model.js';

function asPyObject(value: unknown, ctx: ConstructContext): PyObject {
  if (!PyObject.is(value))
    throw ctx.error('The XGBoost reviver expected an ObjectNode value (PyObject).');
  return value;
}

/**
 * Revives `xgboost.core.Booster`: the same class name and state (so the value
 * describes and dumps exactly as the file had it), with the handle decoded
 * right away so that a malformed or legacy handle fails at load with its path.
 */
export const boosterReviver: Reviver = {
  classes: [BOOSTER_CLASS],
  revive(value, ctx) {
    const object = asPyObject(value, ctx);
    const revived = new BoosterObject(object.module, object.name, object.state, {
      maxDepth: ctx.limits.maxDepth,
    });
    try {
      if (revived.state !== undefined && revived.state !== null) void revived.booster;
    } catch (error) {
      if (!SkopsError.isInstance(error)) throw error;
      throw new SkopsError(error.code, error.message, { path: ctx.path, cause: error });
    }
    return revived;
  },
};

/** Revives the `xgboost.sklearn` estimators as {@link SklearnModelObject}s (same class name and state). */
export const sklearnReviver: Reviver = {
  classes: SKLEARN_CLASSES,
  revive(value, ctx) {
    const object = asPyObject(value, ctx);
    return new SklearnModelObject(object.module, object.name, object.state, object.reduceArgs);
  },
};
