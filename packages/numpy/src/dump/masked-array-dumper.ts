import type { Dumper } from '@skops-ts/core';
import { MaskedArray } from '../values/masked-array.js';

/** `numpy.ma.MaskedArray` as MaskedArrayNode with `data` and `mask` arrays. */
export const maskedArrayDumper: Dumper = {
  name: 'numpy.ma.MaskedArray',
  test: (value) => MaskedArray.is(value),
  dump: (value, ctx) => {
    const masked = value as MaskedArray;
    return {
      __class__: 'MaskedArray',
      __module__: masked.module,
      __loader__: 'MaskedArrayNode',
      content: { data: ctx.state(masked.data), mask: ctx.state(masked.mask) },
    };
  },
};
