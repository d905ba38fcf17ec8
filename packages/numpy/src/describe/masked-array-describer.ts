import type { Describer } from '@skops-ts/core';
import { MaskedArray } from '../values/masked-array.js';
import { describeArray } from './ndarray-describer.js';

/** `numpy.ma.MaskedArray` (rule 8): data and mask as plain arrays. */
export const maskedArrayDescriber: Describer = {
  name: 'numpy.ma.MaskedArray',
  test: (value) => MaskedArray.is(value),
  describe: (value) => {
    const masked = value as MaskedArray;
    return {
      masked: {
        data: describeArray(masked.data, 'numpy.ndarray'),
        mask: describeArray(masked.mask, 'numpy.ndarray'),
      },
    };
  },
};
