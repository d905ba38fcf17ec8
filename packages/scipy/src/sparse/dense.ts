import { DEFAULT_LIMITS, LimitExceededError, type Limits } from '@skops-ts/core';
import { NDArray } from '@skops-ts/numpy';
import type { Layout } from './layout.js';
import { adder, valueArray, zeros } from './values.js';

/** Calls `visit(position, k)` for every stored element `k` with its C-order position in the dense array. */
function forEachStored(
  layout: Layout,
  shape: readonly number[],
  visit: (pos: number, k: number) => void,
): void {
  const cols = shape[shape.length - 1] ?? 0;
  switch (layout.format) {
    case 'csr':
    case 'csc': {
      const { major, minor, indptr, indices } = layout;
      for (let i = 0; i < major; i++) {
        for (let k = indptr[i] as number; k < (indptr[i + 1] as number); k++) {
          const j = indices[k] as number;
          visit(layout.format === 'csr' ? i * minor + j : j * major + i, k);
        }
      }
      return;
    }
    case 'bsr': {
      const { r, c, blockRows, indptr, indices } = layout;
      for (let bi = 0; bi < blockRows; bi++) {
        for (let k = indptr[bi] as number; k < (indptr[bi + 1] as number); k++) {
          const bj = indices[k] as number;
          for (let y = 0; y < r; y++) {
            const base = (bi * r + y) * cols + bj * c;
            for (let x = 0; x < c; x++) visit(base + x, (k * r + y) * c + x);
          }
        }
      }
      return;
    }
    case 'coo': {
      const { coords, nnz } = layout;
      const strides = shape.map((_, d) => shape.slice(d + 1).reduce((a, b) => a * b, 1));
      for (let k = 0; k < nnz; k++) {
        let pos = 0;
        for (let d = 0; d < coords.length; d++)
          pos += (coords[d]?.[k] as number) * (strides[d] as number);
        visit(pos, k);
      }
      return;
    }
    case 'dia': {
      const { offsets, length } = layout;
      const rows = shape[0] ?? 0;
      for (let k = 0; k < offsets.length; k++) {
        const o = offsets[k] as number;
        const end = Math.min(cols, rows + o, length);
        for (let j = Math.max(0, o); j < end; j++) visit((j - o) * cols + j, k * length + j);
      }
      return;
    }
  }
}

/**
 * scipy's `toarray()`: a C-order array of the matrix's shape, stored values
 * added into zeros in storage order (duplicates summed, -0.0 becomes 0.0,
 * as numpy's `+=` does). Its size is checked against the limits first.
 */
export function toDenseArray(
  data: NDArray,
  shape: readonly number[],
  layout: Layout,
  limits: Limits = DEFAULT_LIMITS,
): NDArray {
  const size = shape.reduce((a, b) => a * b, 1);
  const what = `The dense form of a sparse matrix of shape (${shape.join(', ')})`;
  if (size > limits.maxArrayElements)
    throw new LimitExceededError('maxArrayElements', size, limits.maxArrayElements, what);
  const bytes = size * data.dtype.itemsize;
  if (bytes > limits.maxArrayBytes)
    throw new LimitExceededError('maxArrayBytes', bytes, limits.maxArrayBytes, what);
  const source = valueArray(data);
  const target = zeros(source, size);
  const add = adder(target, source);
  forEachStored(layout, shape, add);
  const buffer = new Uint8Array(target.buffer, target.byteOffset, target.byteLength);
  return new NDArray({ dtype: source.dtype, shape, buffer });
}
