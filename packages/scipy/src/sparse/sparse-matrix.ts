import { SkopsError, type Limits, type PyObject } from '@skops-ts/core';
import type { DType, NDArray } from '@skops-ts/numpy';
import { toDenseArray } from './dense.js';
import {
  parseSparseClass,
  sparseClassName,
  type SparseFormat,
  type SparseKind,
} from './formats.js';
import type { Layout, SparseArrays } from './layout.js';
import { toCsrArrays } from './to-csr.js';
import { validateSparse } from './validate.js';

const BRAND = Symbol.for('skops-ts/scipy/SparseMatrix');

/** How a loaded matrix was stored: a SparseMatrixNode `.npz` member or an ObjectNode of a sparse array's attributes. */
export type SparseStorage = 'npz' | 'object';

/** What {@link SparseMatrix}'s constructor takes. */
export interface SparseMatrixInit extends SparseArrays {
  /**
   * The Python class, e.g. `scipy.sparse._csr.csr_array`; defaults to the
   * `*_matrix` class of the format. Its format must match `format`.
   */
  readonly className?: string;
  /** Set by the loaders; leave it out for matrices built in JavaScript. */
  readonly storage?: SparseStorage;
  /** The ObjectNode value a sparse array was loaded from, written back unchanged by `dumps`. */
  readonly source?: PyObject;
}

/**
 * A scipy sparse matrix or array (csr, csc, coo, bsr, dia) over numpy
 * arrays. The arrays are validated on construction (see
 * {@link SparseValidationError}), so reading values never goes out of range.
 * Index arrays keep their dtype (int32 or int64). Treat it as read-only:
 * `dumps` writes the arrays (or the `source` object) as they are.
 */
export class SparseMatrix {
  readonly [BRAND] = true;
  readonly format: SparseFormat;
  readonly shape: readonly number[];
  /** The stored values: 1-D, or `(blocks, r, c)` for bsr, `(diagonals, length)` for dia. */
  readonly data: NDArray;
  readonly indices: NDArray | undefined;
  readonly indptr: NDArray | undefined;
  /** coo: one index array per dimension. */
  readonly coords: readonly NDArray[] | undefined;
  readonly offsets: NDArray | undefined;
  /** The Python class as stored, e.g. `scipy.sparse._csr.csr_matrix`. */
  readonly className: string;
  readonly storage: SparseStorage | undefined;
  readonly source: PyObject | undefined;
  readonly #layout: Layout;

  constructor(init: SparseMatrixInit) {
    const className = init.className ?? sparseClassName(init.format, 'matrix');
    const parsed = parseSparseClass(className);
    if (!parsed || parsed.format !== init.format) {
      throw new SkopsError(
        'UNSUPPORTED_VALUE',
        `${className} is not a scipy sparse class of format ${init.format}.`,
      );
    }
    this.#layout = validateSparse(init);
    this.format = init.format;
    this.shape = Object.freeze([...init.shape]);
    this.data = init.data;
    this.indices = init.indices;
    this.indptr = init.indptr;
    this.coords = init.coords ? Object.freeze([...init.coords]) : undefined;
    this.offsets = init.offsets;
    this.className = className;
    this.storage = init.storage;
    this.source = init.source;
  }

  /** `matrix` for the `spmatrix` classes, `array` for the sparse array classes. */
  get kind(): SparseKind {
    return (parseSparseClass(this.className) as { kind: SparseKind }).kind;
  }

  get ndim(): number {
    return this.shape.length;
  }

  /** The dtype of the values. */
  get dtype(): DType {
    return this.data.dtype;
  }

  /** Stored values, as scipy's `nnz` counts them (explicit zeros included; dia: in-shape diagonal positions). */
  get nnz(): number {
    return this.#layout.nnz;
  }

  /** coo row indices (2-D). */
  get row(): NDArray | undefined {
    return this.format === 'coo' && this.ndim === 2 ? this.coords?.[0] : undefined;
  }

  /** coo column indices (2-D). */
  get col(): NDArray | undefined {
    return this.format === 'coo' && this.ndim === 2 ? this.coords?.[1] : undefined;
  }

  /** bsr block size `[r, c]`. */
  get blockSize(): readonly [number, number] | undefined {
    const layout = this.#layout;
    return layout.format === 'bsr' ? [layout.r, layout.c] : undefined;
  }

  /**
   * The class Python has after loading: a SparseMatrixNode always loads as
   * the `*_matrix` class (scipy's `load_npz`), whatever class was stored.
   */
  get loadedClassName(): string {
    return this.storage === 'npz' ? sparseClassName(this.format, 'matrix') : this.className;
  }

  /**
   * scipy's `toarray()`: the dense values in a C-order array of the matrix's
   * shape, duplicates summed. Refused with a LimitExceededError before
   * allocating when larger than `limits.maxArrayElements` / `maxArrayBytes`.
   */
  toDense(limits?: Limits): NDArray {
    return toDenseArray(this.data, this.shape, this.#layout, limits);
  }

  /**
   * The matrix in CSR format of the same kind (`csr_matrix` or `csr_array`):
   * a CSR matrix as it is, anything else canonical (sorted indices,
   * duplicates summed). n-D coo arrays have no CSR form.
   */
  toCSR(): SparseMatrix {
    const className = sparseClassName('csr', this.kind);
    if (this.format === 'csr') {
      return new SparseMatrix({
        format: 'csr',
        shape: this.shape,
        data: this.data,
        indices: this.indices,
        indptr: this.indptr,
        className,
      });
    }
    const indexArray = this.indices ?? this.coords?.[0] ?? this.offsets;
    const arrays = toCsrArrays(
      this.data,
      this.shape,
      this.#layout,
      indexArray?.dtype.itemsize ?? 4,
    );
    return new SparseMatrix({ format: 'csr', shape: this.shape, ...arrays, className });
  }

  static is(value: unknown): value is SparseMatrix {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[BRAND] === true
    );
  }
}
