import type { Describer } from '@skops-ts/core';
import { NDArray, type NDArrayData } from '../array/ndarray.js';
import { isNumericTypedArray } from '../dump/typed-array-dumper.js';
import { describeArray } from './ndarray-describer.js';

/** Typed arrays other than Uint8Array (Python bytes) are 1-D ndarrays (rule 9), as they are dumped. */
export const typedArrayDescriber: Describer = {
  name: 'numpy.ndarray (typed array)',
  test: isNumericTypedArray,
  describe: (value) => describeArray(NDArray.fromTypedArray(value as NDArrayData)),
};
