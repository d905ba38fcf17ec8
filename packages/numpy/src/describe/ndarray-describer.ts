import type { Describer, Description } from '@skops-ts/core';
import { NDArray } from '../array/ndarray.js';
import { arrayHash } from './array-hash.js';
import { describeDType } from './dtype-description.js';

/** Rule 9 for arrays of any dtype but object, under a class name. */
export function describeArray(array: NDArray, className: string = array.className): Description {
  return {
    ndarray: {
      class: className,
      dtype: describeDType(array.dtype),
      shape: [...array.shape],
      sha256: arrayHash(array),
    },
  };
}

/** `numpy.ndarray` / `numpy.matrix` (rule 9). */
export const ndarrayDescriber: Describer = {
  name: 'numpy.ndarray',
  test: (value) => NDArray.is(value),
  describe: (value) => describeArray(value as NDArray),
};
