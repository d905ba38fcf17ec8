import { PyTuple } from '@skops-ts/core';
import type { RecogniserContext } from '@skops-ts/pickle';
import { NDArray, type NDArrayClass } from '../array/ndarray.js';
import { swapInPlace } from '../array/byte-swap.js';
import { DType } from '../dtype/dtype.js';
import { NDObjectArray } from '../values/object-array.js';

const CLASSES: Readonly<Record<string, NDArrayClass>> = {
  'numpy.ndarray': 'numpy.ndarray',
  'numpy.matrix': 'numpy.matrix',
  'numpy.core.memmap.memmap': 'numpy.ndarray',
  'numpy._core.memmap.memmap': 'numpy.ndarray',
  'numpy.memmap': 'numpy.ndarray',
};

/** The array class a pickle names (`memmap`s load as plain arrays, as skops saves them). */
export function arrayClassOf(cls: unknown, ctx: RecogniserContext): NDArrayClass {
  const name = ctx.globalName(cls);
  const out = name === undefined ? undefined : CLASSES[name];
  if (!out)
    throw ctx.fail(`the array class ${name ?? '(computed)'} is not numpy.ndarray or numpy.matrix.`);
  return out;
}

/** A shape tuple of the graph as numbers. */
export function shapeOf(value: unknown, ctx: RecogniserContext): number[] {
  const v = ctx.convert(value);
  const items = PyTuple.is(v) ? v.items : Array.isArray(v) ? v : undefined;
  if (!items) throw ctx.fail('an array shape is not a tuple.');
  return items.map((d) => {
    if (typeof d !== 'bigint' || d < 0n || d > BigInt(Number.MAX_SAFE_INTEGER))
      throw ctx.fail('an array shape holds something that is not a dimension.');
    return Number(d);
  });
}

/** A converted dtype value. */
export function dtypeValue(value: unknown, ctx: RecogniserContext): DType {
  const v = ctx.convert(value);
  if (DType.is(v)) return v;
  throw ctx.fail('an array dtype is not a numpy dtype.');
}

function countOf(shape: readonly number[], ctx: RecogniserContext): number {
  let n = 1;
  for (const d of shape) n *= d;
  if (n > ctx.limits.maxArrayElements)
    throw ctx.fail(`an array of ${n} elements passes limits.maxArrayElements.`);
  return n;
}

/**
 * A big-endian scalar dtype and its bytes in native (little-endian) order:
 * what `ndarray.__setstate__` ("byte-swap on pickle-read") and `joblib.load`
 * give. Structured dtypes are kept as stored.
 */
export function native(dtype: DType, bytes: Uint8Array): { dtype: DType; bytes: Uint8Array } {
  const unit = dtype.scalar?.swapUnit ?? 0;
  if (dtype.byteOrder !== '>' || unit === 0) return { dtype, bytes };
  const copy = bytes.slice();
  swapInPlace(copy, unit);
  return { dtype: DType.parse(`<${dtype.str.slice(1)}`), bytes: copy };
}

/** An array from numpy's pickled parts: raw bytes in `order`, or (object dtype) a list of items in C order. */
export function arrayFromParts(
  className: NDArrayClass,
  shape: readonly number[],
  dtype: DType,
  fortran: boolean,
  raw: unknown,
  ctx: RecogniserContext,
  toNative = true,
): NDArray | NDObjectArray {
  const count = countOf(shape, ctx);
  const data = ctx.convert(raw);
  if (dtype.isObject) {
    if (!Array.isArray(data) || data.length !== count)
      throw ctx.fail(`an object array of ${count} items does not hold a list of ${count} items.`);
    return new NDObjectArray(data, shape);
  }
  const buffer = ctx.bytesOf(data);
  if (!buffer) throw ctx.fail('the data of an array are not bytes.');
  const expected = count * dtype.itemsize;
  if (buffer.length !== expected)
    throw ctx.fail(
      `an array of shape (${shape.join(', ')}) and dtype ${dtype.str} needs ${expected} bytes, the pickle holds ${buffer.length}.`,
    );
  const fixed = toNative ? native(dtype, buffer) : { dtype, bytes: buffer };
  return new NDArray({
    dtype: fixed.dtype,
    shape,
    buffer: fixed.bytes,
    order: fortran ? 'F' : 'C',
    className,
  });
}
