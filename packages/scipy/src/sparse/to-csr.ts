import { SkopsError } from '@skops-ts/core';
import { NDArray } from '@skops-ts/numpy';
import type { Layout } from './layout.js';
import { adder, copier, isZero, valueArray, zeros } from './values.js';

/** The CSR arrays of a matrix: canonical (indices sorted within rows, duplicates summed). */
export interface CsrArrays {
  readonly data: NDArray;
  readonly indices: NDArray;
  readonly indptr: NDArray;
}

const INT32_MAX = 2 ** 31 - 1;

/** Calls `visit(row, col, k)` for every stored element `k` inside the shape; a 1-D matrix is one row. */
function forEachEntry(
  layout: Layout,
  shape: readonly number[],
  visit: (row: number, col: number, k: number) => void,
): void {
  switch (layout.format) {
    case 'csr':
    case 'csc': {
      const { major, indptr, indices } = layout;
      for (let i = 0; i < major; i++) {
        for (let k = indptr[i] as number; k < (indptr[i + 1] as number); k++) {
          const j = indices[k] as number;
          if (layout.format === 'csr') visit(i, j, k);
          else visit(j, i, k);
        }
      }
      return;
    }
    case 'bsr': {
      const { r, c, blockRows, indptr, indices } = layout;
      for (let bi = 0; bi < blockRows; bi++) {
        for (let k = indptr[bi] as number; k < (indptr[bi + 1] as number); k++) {
          const bj = indices[k] as number;
          for (let y = 0; y < r; y++)
            for (let x = 0; x < c; x++) visit(bi * r + y, bj * c + x, (k * r + y) * c + x);
        }
      }
      return;
    }
    case 'coo': {
      const [first, second] = layout.coords;
      for (let k = 0; k < layout.nnz; k++) {
        if (second) visit(first?.[k] as number, second[k] as number, k);
        else visit(0, first?.[k] as number, k);
      }
      return;
    }
    case 'dia': {
      const { offsets, length } = layout;
      const [rows = 0, cols = 0] = shape;
      for (let k = 0; k < offsets.length; k++) {
        const o = offsets[k] as number;
        const end = Math.min(cols, rows + o, length);
        for (let j = Math.max(0, o); j < end; j++) visit(j - o, j, k * length + j);
      }
      return;
    }
  }
}

function indexArray(values: ArrayLike<number>, wide: boolean): NDArray {
  if (!wide) return NDArray.fromTypedArray(Int32Array.from(values));
  const out = new BigInt64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = BigInt(values[i] as number);
  return NDArray.fromTypedArray(out);
}

/**
 * Converts to canonical CSR as scipy's `tocsr()` followed by
 * `sum_duplicates()` does: indices sorted within each row, duplicates added
 * in storage order, zeros of dia padding dropped. Index arrays are int32
 * unless the source used int64 or the sizes need it. scipy orders
 * duplicates with `std::sort`, which keeps storage order only for rows of at
 * most 16 entries; beyond that a float sum of duplicates may differ from
 * scipy's in the last bit.
 */
export function toCsrArrays(
  data: NDArray,
  shape: readonly number[],
  layout: Layout,
  indexItemsize: number,
): CsrArrays {
  if (shape.length > 2) {
    throw new SkopsError(
      'UNSUPPORTED_VALUE',
      `A ${shape.length}-D sparse array has no CSR form; CSR holds 1-D and 2-D matrices.`,
    );
  }
  const rows = shape.length === 1 ? 1 : (shape[0] ?? 0);
  const cols = shape[shape.length - 1] ?? 0;
  const source = valueArray(data);
  const rowOf: number[] = [];
  const colOf: number[] = [];
  const kOf: number[] = [];
  forEachEntry(layout, shape, (row, col, k) => {
    if (layout.format === 'dia' && isZero(source, k)) return;
    rowOf.push(row);
    colOf.push(col);
    kOf.push(k);
  });
  const counts = new Float64Array(rows + 1);
  for (const row of rowOf) counts[row + 1] = (counts[row + 1] as number) + 1;
  for (let i = 0; i < rows; i++) counts[i + 1] = (counts[i + 1] as number) + (counts[i] as number);
  const next = counts.slice(0, rows);
  const byRow = new Float64Array(rowOf.length);
  rowOf.forEach((row, t) => {
    byRow[next[row] as number] = t;
    next[row] = (next[row] as number) + 1;
  });
  const indptr: number[] = [0];
  const indices: number[] = [];
  const sources: number[][] = [];
  for (let i = 0; i < rows; i++) {
    const slice = Array.from(byRow.subarray(counts[i] as number, counts[i + 1] as number));
    slice.sort((a, b) => (colOf[a] as number) - (colOf[b] as number) || a - b);
    for (const t of slice) {
      const col = colOf[t] as number;
      if (indices.length > (indptr[i] as number) && indices[indices.length - 1] === col) {
        sources[sources.length - 1]?.push(kOf[t] as number);
      } else {
        indices.push(col);
        sources.push([kOf[t] as number]);
      }
    }
    indptr.push(indices.length);
  }
  const target = zeros(source, indices.length);
  const copy = copier(target, source);
  const add = adder(target, source);
  sources.forEach((ks, ti) => ks.forEach((k, n) => (n === 0 ? copy(ti, k) : add(ti, k))));
  const wide = indexItemsize > 4 || indices.length > INT32_MAX || cols > INT32_MAX;
  const values = new NDArray({
    dtype: source.dtype,
    shape: [indices.length],
    buffer: new Uint8Array(target.buffer, target.byteOffset, target.byteLength),
  });
  return { data: values, indices: indexArray(indices, wide), indptr: indexArray(indptr, wide) };
}
