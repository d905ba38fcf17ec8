import type { Dumper } from '@skops-ts/core';
import { RandomState } from '../values/random-state.js';

/** `numpy.random.RandomState` as RandomStateNode around its state dict. */
export const randomStateDumper: Dumper = {
  name: 'numpy.random.RandomState',
  test: (value) => RandomState.is(value),
  dump: (value, ctx) => ({
    __class__: 'RandomState',
    __module__: 'numpy.random.mtrand',
    __loader__: 'RandomStateNode',
    content: ctx.state((value as RandomState).state),
  }),
};
