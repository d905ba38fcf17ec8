import type { Dumper } from '@skops-ts/core';
import { NDArray } from '../array/ndarray.js';
import { DType } from '../dtype/dtype.js';

/** `numpy.dtype` as Python skops stores it: a DTypeNode around an empty array of that dtype. */
export const dtypeDumper: Dumper = {
  name: 'numpy.dtype',
  test: (value) => DType.is(value),
  dump: (value, ctx) => ({
    __class__: 'dtype',
    __module__: 'numpy',
    __loader__: 'DTypeNode',
    content: ctx.state(
      new NDArray({ dtype: value as DType, shape: [0], buffer: new Uint8Array(0) }),
    ),
  }),
};
