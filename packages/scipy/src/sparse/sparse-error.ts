import { SkopsError } from '@skops-ts/core';

const BRAND = Symbol.for('skops-ts/scipy/SparseValidationError');

/** What is wrong with a sparse matrix that fails validation. */
export type SparseProblem =
  /** The shape is not a list of non-negative integers of the rank the format needs. */
  | 'shape'
  /** `data` is not of a numeric dtype scipy stores. */
  | 'dtype'
  /** An index array (`indices`, `indptr`, `row`, `col`, `coords`, `offsets`) is not 1-D integers. */
  | 'index-dtype'
  /** An array has the wrong number of dimensions (`data` of bsr / dia, or of the others). */
  | 'ndim'
  /** Arrays whose lengths must agree do not (`data` vs `indices`, coords, offsets). */
  | 'length'
  /** `indptr` does not have one entry more than the major dimension. */
  | 'indptr-length'
  /** `indptr` does not start at 0. */
  | 'indptr-start'
  /** `indptr` decreases somewhere. */
  | 'indptr-decreasing'
  /** The last `indptr` entry is past the end of `indices` / `data`. */
  | 'indptr-end'
  /** An index lies outside the shape. */
  | 'index-range'
  /** bsr blocks do not tile the shape. */
  | 'blocksize'
  /** A dia offset appears twice. */
  | 'offsets-duplicate'
  /** The `.npz` names no format scipy can load, or misses an array of its format. */
  | 'format';

/**
 * A sparse matrix whose arrays are inconsistent: refused before any value is
 * read, so no access goes out of range. Code `INVALID_DATA`; `problem` says
 * which check failed.
 */
export class SparseValidationError extends SkopsError {
  readonly [BRAND] = true;
  readonly problem: SparseProblem;
  /** The message without the common prefix and path. */
  readonly detail: string;

  constructor(problem: SparseProblem, detail: string, path?: string) {
    super('INVALID_DATA', `Invalid sparse matrix: ${detail}`, { path });
    this.name = 'SparseValidationError';
    this.problem = problem;
    this.detail = detail;
  }

  /** The same error located at a schema path. */
  at(path: string): SparseValidationError {
    return new SparseValidationError(this.problem, this.detail, path);
  }

  static is(value: unknown): value is SparseValidationError {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[BRAND] === true
    );
  }
}
