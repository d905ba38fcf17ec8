import { SkopsError } from '@skops-ts/core';

/** Element count of a shape. */
export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Byte strides of a contiguous array in C (row-major) or F (column-major) order. */
export function contiguousStrides(
  shape: readonly number[],
  itemsize: number,
  order: 'C' | 'F',
): number[] {
  const strides = new Array<number>(shape.length).fill(0);
  let step = itemsize;
  const axes = shape.map((_, i) => i);
  if (order === 'C') axes.reverse();
  for (const axis of axes) {
    strides[axis] = step;
    step *= Math.max(shape[axis] ?? 1, 1);
  }
  return strides;
}

/** numpy's contiguity flag: axes of length 1 do not matter, an empty array is contiguous. */
export function isContiguous(
  shape: readonly number[],
  strides: readonly number[],
  itemsize: number,
  order: 'C' | 'F',
): boolean {
  if (shape.some((d) => d === 0)) return true;
  let step = itemsize;
  const axes = shape.map((_, i) => i);
  if (order === 'C') axes.reverse();
  for (const axis of axes) {
    const d = shape[axis] ?? 1;
    if (d !== 1 && strides[axis] !== step) return false;
    step *= d;
  }
  return true;
}

/** Calls `visit` with the byte offset of every element, in C order. */
export function forEachOffsetC(
  shape: readonly number[],
  strides: readonly number[],
  offset: number,
  visit: (byteOffset: number) => void,
): void {
  const n = sizeOf(shape);
  if (n === 0) return;
  const nd = shape.length;
  const index = new Array<number>(nd).fill(0);
  let pos = offset;
  for (let k = 0; k < n; k++) {
    visit(pos);
    for (let axis = nd - 1; axis >= 0; axis--) {
      const i = (index[axis] ?? 0) + 1;
      const stride = strides[axis] ?? 0;
      if (i < (shape[axis] ?? 0)) {
        index[axis] = i;
        pos += stride;
        break;
      }
      index[axis] = 0;
      pos -= stride * (i - 1);
    }
  }
}

/** Validates a shape: non-negative safe integers. */
export function checkShape(shape: readonly number[]): void {
  for (const d of shape) {
    if (!Number.isSafeInteger(d) || d < 0) {
      throw new SkopsError(
        'UNSUPPORTED_VALUE',
        `Invalid array dimension ${String(d)}: dimensions are non-negative integers.`,
      );
    }
  }
}
