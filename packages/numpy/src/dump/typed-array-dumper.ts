import type { Dumper } from '@skops-ts/core';
import { NDArray, type NDArrayData } from '../array/ndarray.js';
import { npyState } from './ndarray-dumper.js';

const NUMERIC = new Set([
  'Int8Array',
  'Uint8ClampedArray',
  'Int16Array',
  'Uint16Array',
  'Int32Array',
  'Uint32Array',
  'BigInt64Array',
  'BigUint64Array',
  'Float32Array',
  'Float64Array',
]);

/** A typed array that stands for a 1-D numpy array (Uint8Array is Python bytes, so it is not one). */
export function isNumericTypedArray(value: unknown): boolean {
  return (
    ArrayBuffer.isView(value) && NUMERIC.has(Object.prototype.toString.call(value).slice(8, -1))
  );
}

/** Typed arrays as 1-D `numpy.ndarray`s of the matching dtype. */
export const typedArrayDumper: Dumper = {
  name: 'numpy.ndarray (typed array)',
  test: isNumericTypedArray,
  dump: (value, ctx) =>
    npyState(value as object, NDArray.fromTypedArray(value as NDArrayData), 'ndarray', ctx),
};
