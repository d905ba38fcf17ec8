import type { Dumper } from '@skops-ts/core';
import { NpScalar } from '../values/np-scalar.js';
import { npyState } from './ndarray-dumper.js';

/** numpy scalars keep their class: an NdArrayNode of that class holding a 0-d `.npy`. */
export const npScalarDumper: Dumper = {
  name: 'numpy.generic',
  test: (value) => NpScalar.is(value),
  dump: (value, ctx) => {
    const scalar = value as NpScalar;
    return npyState(scalar, scalar.array, scalar.name, ctx);
  },
};
