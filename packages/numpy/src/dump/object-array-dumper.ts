import { PyTuple, SkopsError, type Dumper } from '@skops-ts/core';
import { NDObjectArray } from '../values/object-array.js';

/**
 * Object arrays as Python skops stores them: `type: "json"`, `content` the
 * states of `tolist()`'s items (rows as lists for ndim > 1), `shape` a tuple.
 */
export const objectArrayDumper: Dumper = {
  name: 'numpy.ndarray (object)',
  test: (value) => NDObjectArray.is(value),
  dump: (value, ctx) => {
    const array = value as NDObjectArray;
    if (array.ndim === 0) {
      throw new SkopsError(
        'UNSUPPORTED_VALUE',
        'Python skops cannot store a 0-d object array; store its item instead.',
      );
    }
    const rows = array.toArray() as unknown[];
    return {
      __class__: 'ndarray',
      __module__: 'numpy',
      __loader__: 'NdArrayNode',
      content: rows.map((row) => ctx.state(row)),
      type: 'json',
      shape: ctx.state(new PyTuple(array.shape.map((d) => BigInt(d)))),
    };
  },
};
