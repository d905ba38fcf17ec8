import { PyComplex, SkopsError } from '@skops-ts/core';
import { NDArray } from '../array/ndarray.js';
import { DType } from '../dtype/dtype.js';
import type { NDObjectArray } from './object-array.js';

const BRAND = Symbol.for('skops-ts/numpy/MaskedArray');

/**
 * `numpy.ma.MaskedArray`: data (numeric, or object dtype as in search-CV
 * `cv_results_` parameter columns) and a boolean mask of the same shape (true = masked).
 */
export class MaskedArray {
  readonly [BRAND] = true;
  readonly data: NDArray | NDObjectArray;
  readonly mask: NDArray;
  /** Module of the class: `numpy.ma.core` (numpy 1) or `numpy.ma` (numpy 2). */
  readonly module: string;

  /**
   * Like numpy's constructor: a mask of one element is repeated over the
   * data's shape, a mask with as many elements is reshaped to it, and a
   * missing mask masks nothing.
   */
  constructor(data: NDArray | NDObjectArray, mask?: NDArray, module = 'numpy.ma.core') {
    this.data = data;
    this.mask = fitMask(data, mask ?? NDArray.fromValues(DType.parse('|b1'), [false], []));
    this.module = module;
  }

  get shape(): readonly number[] {
    return this.data.shape;
  }

  static is(value: unknown): value is MaskedArray {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[BRAND] === true
    );
  }
}

/** numpy's `np.array(mask, dtype=bool)`: non-zero is true (NaN too). */
function toBool(mask: NDArray): NDArray {
  if (mask.dtype.kind === 'b' || mask.dtype.fields) return mask;
  const truthy = (x: unknown): boolean => {
    if (PyComplex.is(x)) return x.real !== 0 || x.imag !== 0;
    if (typeof x === 'number') return x !== 0;
    if (typeof x === 'bigint') return x !== 0n;
    if (typeof x === 'string') return x !== '';
    if (x instanceof Uint8Array) return x.length > 0;
    return Boolean(x);
  };
  const flat = [mask.toArray()].flat(mask.ndim) as unknown[];
  return NDArray.fromValues(DType.parse('|b1'), flat.map(truthy), mask.shape);
}

function fitMask(data: NDArray | NDObjectArray, rawMask: NDArray): NDArray {
  const mask = toBool(rawMask);
  if (mask.shape.join(',') === data.shape.join(',')) return mask;
  if (mask.size === 1) {
    const one = mask.reshape([]).bytes();
    const buffer = new Uint8Array(data.size * mask.dtype.itemsize);
    for (let i = 0; i < data.size; i++) buffer.set(one, i * one.length);
    return new NDArray({ dtype: mask.dtype, shape: data.shape, buffer });
  }
  if (mask.size === data.size) return mask.reshape(data.shape, 'numpy.ndarray');
  throw new SkopsError(
    'INVALID_DATA',
    `A masked array's mask of size ${mask.size} does not fit its data of size ${data.size}.`,
  );
}
