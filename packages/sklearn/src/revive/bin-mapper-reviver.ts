import { PyObject, type Reviver } from '@skops-ts/core';
import { validateBinMapper } from '../validate/bin-mapper.js';

/** Refuses a fitted `_BinMapper` whose per-feature arrays disagree in shape; the value stays a plain object. */
export const binMapperReviver: Reviver = {
  classes: ['sklearn.ensemble._hist_gradient_boosting.binning._BinMapper'],
  revive(value, ctx) {
    if (PyObject.is(value) && value.state !== null && value.state !== undefined)
      validateBinMapper(value.state, ctx.path);
    return value;
  },
};
