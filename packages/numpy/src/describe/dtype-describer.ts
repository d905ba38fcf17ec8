import type { Describer } from '@skops-ts/core';
import { DType } from '../dtype/dtype.js';
import { describeDType } from './dtype-description.js';

/** `numpy.dtype` (rule 11). */
export const dtypeDescriber: Describer = {
  name: 'numpy.dtype',
  test: (value) => DType.is(value),
  describe: (value) => ({ dtype: describeDType(value as DType) }),
};
