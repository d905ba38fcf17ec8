import type { Dumper } from '@skops-ts/core';
import { NDArray } from '../array/ndarray.js';
import { DType } from '../dtype/dtype.js';
import { NDObjectArray } from '../values/object-array.js';

/**
 * `numpy.dtype` as Python skops stores it: a DTypeNode around
 * `numpy.ndarray(0, dtype)`, which for the object dtype is an empty object
 * array (JSON content).
 */
export const dtypeDumper: Dumper = {
  name: 'numpy.dtype',
  test: (value) => DType.is(value),
  dump: (value, ctx) => {
    const dtype = value as DType;
    const empty = dtype.isObject
      ? new NDObjectArray([], [0])
      : new NDArray({ dtype, shape: [0], buffer: new Uint8Array(0) });
    return {
      __class__: 'dtype',
      __module__: 'numpy',
      __loader__: 'DTypeNode',
      content: ctx.state(empty),
    };
  },
};
