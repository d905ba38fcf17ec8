/** The scipy plugin: pass it (with the numpy plugin) to `loads`, `dumps`, `describe` and `getUntrustedTypes`. */
export { scipyPlugin } from './plugin.js';
/** A scipy sparse matrix or array (csr, csc, coo, bsr, dia) with validation, `toDense()` and `toCSR()`. */
export { SparseMatrix, type SparseMatrixInit, type SparseStorage } from './sparse/sparse-matrix.js';
/** The arrays a sparse matrix is built from. */
export type { SparseArrays } from './sparse/layout.js';
/** Sparse formats and kinds, and the scipy class names they give. */
export {
  SPARSE_FORMATS,
  sparseClassName,
  parseSparseClass,
  type SparseFormat,
  type SparseKind,
} from './sparse/formats.js';
/** The error a sparse matrix with inconsistent arrays raises, naming the failed check. */
export { SparseValidationError, type SparseProblem } from './sparse/sparse-error.js';
/** Reads the `.npz` of `scipy.sparse.save_npz` without pickle, validating it. */
export {
  readSparseNpz,
  readNpzMembers,
  sparseFromNpzMembers,
  type ReadSparseNpzOptions,
} from './npz/read-npz.js';
/** Writes a 2-D sparse matrix as a `.npz` that `scipy.sparse.load_npz` reads. */
export { writeSparseNpz } from './npz/write-npz.js';
/** Python skops' SCIPY_UFUNC_TYPE_NAMES on scipy 1.10 and 1.17. */
export { SCIPY_UFUNC_TYPE_NAMES_1_10 } from './trust/ufunc-names-1-10.js';
export { SCIPY_UFUNC_TYPE_NAMES_1_17 } from './trust/ufunc-names-1-17.js';
/** Recognisers that convert scipy's pickled sparse matrices (for `@skops-ts/pickle`'s `convertPickle`). */
export { scipyRecognisers } from './pickle/recognisers.js';
