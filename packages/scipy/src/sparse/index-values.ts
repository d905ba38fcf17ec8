import type { NDArray } from '@skops-ts/numpy';
import { SparseValidationError } from './sparse-error.js';

/** True for a 1-D array of a signed or unsigned integer dtype. */
export function isIndexArray(array: NDArray): boolean {
  return array.ndim === 1 && (array.dtype.kind === 'i' || array.dtype.kind === 'u');
}

/**
 * The values of a 1-D integer array as JavaScript numbers. 64-bit values are
 * converted: those beyond 2**53 lose precision but stay beyond every shape
 * a matrix can have, so range checks still refuse them.
 */
export function indexValues(array: NDArray, name: string): ArrayLike<number> {
  if (!isIndexArray(array)) {
    throw new SparseValidationError(
      'index-dtype',
      `\`${name}\` must be a 1-D integer array, got shape (${array.shape.join(', ')}) of dtype ${array.dtype.str}.`,
    );
  }
  const data = array.data;
  if (data instanceof BigInt64Array || data instanceof BigUint64Array) {
    const out = new Float64Array(data.length);
    for (let i = 0; i < data.length; i++) out[i] = Number(data[i]);
    return out;
  }
  return data as ArrayLike<number>;
}
