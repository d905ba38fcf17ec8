import { PyDict, type Dumper } from '@skops-ts/core';
import { NDArray } from '../array/ndarray.js';
import { RandomState } from '../values/random-state.js';

/**
 * What Python's `get_state(legacy=False)` returns at every call: a new dict
 * with a new key array, so a RandomState saved twice gets new ids and a new
 * `.npy` member the second time, as Python writes it.
 */
function freshState(state: PyDict): PyDict {
  return new PyDict(
    [...state.entries()].map(([k, v]) => {
      if (PyDict.is(v)) return [k, freshState(v)] as const;
      if (NDArray.is(v)) return [k, v.reshape(v.shape)] as const;
      return [k, v] as const;
    }),
    state.module,
    state.name,
  );
}

/** `numpy.random.RandomState` as RandomStateNode around its state dict. */
export const randomStateDumper: Dumper = {
  name: 'numpy.random.RandomState',
  test: (value) => RandomState.is(value),
  dump: (value, ctx) => ({
    __class__: 'RandomState',
    __module__: 'numpy.random.mtrand',
    __loader__: 'RandomStateNode',
    content: ctx.state(freshState((value as RandomState).state)),
  }),
};
