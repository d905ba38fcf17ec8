import type { NDArray } from '@skops-ts/numpy';
import type { SparseFormat } from './formats.js';

/** The arrays of a sparse matrix, as {@link SparseMatrix}'s constructor takes them. */
export interface SparseArrays {
  readonly format: SparseFormat;
  readonly shape: readonly number[];
  readonly data: NDArray;
  /** csr, csc, bsr. */
  readonly indices?: NDArray;
  /** csr, csc, bsr. */
  readonly indptr?: NDArray;
  /** coo: one index array per dimension (`row`, `col` for 2-D). */
  readonly coords?: readonly NDArray[];
  /** dia. */
  readonly offsets?: NDArray;
}

/** Compressed rows (csr, 1-D csr as one row) or columns (csc). */
export interface CompressedLayout {
  readonly format: 'csr' | 'csc';
  readonly major: number;
  readonly minor: number;
  readonly indptr: ArrayLike<number>;
  readonly indices: ArrayLike<number>;
  readonly nnz: number;
}

/** Block rows of `blockRows` x `blockCols` blocks, each `r` x `c`. */
export interface BlockLayout {
  readonly format: 'bsr';
  readonly r: number;
  readonly c: number;
  readonly blockRows: number;
  readonly blockCols: number;
  readonly indptr: ArrayLike<number>;
  readonly indices: ArrayLike<number>;
  readonly nnz: number;
}

export interface CoordinateLayout {
  readonly format: 'coo';
  readonly coords: readonly ArrayLike<number>[];
  readonly nnz: number;
}

/** Diagonals: `data[k, j]` is the element in column `j` of diagonal `offsets[k]`. */
export interface DiagonalLayout {
  readonly format: 'dia';
  readonly offsets: ArrayLike<number>;
  /** Length of each stored diagonal (`data.shape[1]`). */
  readonly length: number;
  readonly nnz: number;
}

/** A validated matrix's index arrays as numbers, ready for reading values. */
export type Layout = CompressedLayout | BlockLayout | CoordinateLayout | DiagonalLayout;
