import type { DumpContext, Dumper } from '@skops-ts/core';
import { NDArray } from '../array/ndarray.js';
import { npyChunks } from '../npy/write.js';

/**
 * The NdArrayNode state of an array stored as a `.npy` member named after its
 * `__id__`; the member is the header and a view of the array's bytes, so the
 * data is copied only into the archive.
 */
export function npyState(
  value: object,
  array: NDArray,
  className: string,
  ctx: DumpContext,
): Record<string, unknown> {
  const file = ctx.addMember(`${ctx.idOf(value)}.npy`, npyChunks(array));
  return {
    __class__: className,
    __module__: 'numpy',
    __loader__: 'NdArrayNode',
    type: 'numpy',
    file,
  };
}

/** `numpy.ndarray` and `numpy.matrix` as NdArrayNode with a `.npy` member. */
export const ndarrayDumper: Dumper = {
  name: 'numpy.ndarray',
  test: (value) => NDArray.is(value),
  dump: (value, ctx) => {
    const array = value as NDArray;
    return npyState(array, array, array.className === 'numpy.matrix' ? 'matrix' : 'ndarray', ctx);
  },
};
