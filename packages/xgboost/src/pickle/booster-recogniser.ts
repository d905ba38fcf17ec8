import { SkopsError } from '@skops-ts/core';
import type { BuildRecogniser } from '@skops-ts/pickle';
import { BOOSTER_CLASS, BoosterObject } from '../revive/booster-object.js';

/**
 * `xgboost.core.Booster` pickles as an instance made without code plus its
 * `__getstate__` dict (the model in a `handle` bytearray). It becomes the
 * {@link BoosterObject} loading gives, with the handle decoded right away so
 * a broken model is refused at conversion.
 */
export const boosterRecogniser: BuildRecogniser = {
  kind: 'build',
  globals: [BOOSTER_CLASS],
  convert(node, ctx) {
    const state = node.state === undefined ? null : ctx.convert(node.state);
    const booster = new BoosterObject(node.module, node.name, state, {
      maxDepth: ctx.limits.maxDepth,
    });
    try {
      if (state !== null) void booster.booster;
    } catch (error) {
      if (SkopsError.isInstance(error)) throw ctx.fail(error.message);
      throw error;
    }
    return booster;
  },
};
