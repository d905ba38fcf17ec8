import type { Describer } from '@skops-ts/core';
import { NDArray } from '../array/ndarray.js';
import { MaskedArray } from '../values/masked-array.js';
import { describeArray } from './ndarray-describer.js';

/** `numpy.ma.MaskedArray` (rule 8): data and mask as plain arrays. */
export const maskedArrayDescriber: Describer = {
  name: 'numpy.ma.MaskedArray',
  test: (value) => MaskedArray.is(value),
  describe: (value, ctx) => {
    const masked = value as MaskedArray;
    return {
      masked: {
        data: NDArray.is(masked.data)
          ? describeArray(masked.data, 'numpy.ndarray')
          : ctx.describe(masked.data),
        mask: describeArray(masked.mask, 'numpy.ndarray'),
      },
    };
  },
};
