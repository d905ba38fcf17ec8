import type { Dumper } from '@skops-ts/core';
import { Loss } from '../values/loss.js';

/**
 * A loss as Python's `loss_get_state` writes it: a LossNode with the
 * constructor arguments in `__reduce__.args` and the state in `content`
 * (key order as Python's two branches produce it).
 */
export const lossDumper: Dumper = {
  name: 'sklearn loss',
  test: (value) => Loss.is(value),
  dump(value, ctx) {
    const loss = value as Loss;
    const head = { __class__: loss.name, __module__: loss.module };
    if (loss.form === 'cython') {
      const args = ctx.state(loss.reduceArgs);
      return {
        ...head,
        __loader__: 'LossNode',
        __reduce__: { args },
        content: ctx.state(loss.state),
      };
    }
    const args = ctx.state(loss.reduceArgs);
    return {
      ...head,
      __reduce__: { args },
      content: ctx.state(loss.state),
      __loader__: 'LossNode',
    };
  },
};
