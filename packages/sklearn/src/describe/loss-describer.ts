import type { Describer, Description } from '@skops-ts/core';
import { Loss } from '../values/loss.js';

/**
 * Rule 27.2 for loss objects: Cython's `(unpickle, (cls, checksum, state))`
 * gives `state` only; a class-defined `(cls, args)` gives reduce_args and a
 * null state.
 */
export const lossDescriber: Describer = {
  name: 'sklearn loss',
  test: (value) => Loss.is(value),
  describe(value, ctx): Description {
    const loss = value as Loss;
    if (loss.form === 'cython')
      return { object: loss.className, state: ctx.describe(loss.reduceArgs) };
    return { object: loss.className, reduce_args: ctx.describe(loss.reduceArgs), state: null };
  },
};
