import type { Describer } from '@skops-ts/core';
import { NDObjectArray } from '../values/object-array.js';

/** Object arrays (rule 9): the shape and every item in C order. */
export const objectArrayDescriber: Describer = {
  name: 'numpy.ndarray (object)',
  test: (value) => NDObjectArray.is(value),
  describe: (value, ctx) => {
    const array = value as NDObjectArray;
    return {
      ndarray_object: { shape: [...array.shape], items: array.items.map((x) => ctx.describe(x)) },
    };
  },
};
