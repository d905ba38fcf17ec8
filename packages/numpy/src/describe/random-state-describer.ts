import type { Describer } from '@skops-ts/core';
import { RandomState } from '../values/random-state.js';

/** `numpy.random.RandomState` (rule 13): its `get_state(legacy=False)` dict. */
export const randomStateDescriber: Describer = {
  name: 'numpy.random.RandomState',
  test: (value) => RandomState.is(value),
  describe: (value, ctx) => ({
    object: 'numpy.random.mtrand.RandomState',
    state: ctx.describe((value as RandomState).state),
  }),
};
