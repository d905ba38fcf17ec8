import type { Describer } from '@skops-ts/core';
import { arrayHash, describeDType } from '@skops-ts/numpy';
import { SparseMatrix } from '../sparse/sparse-matrix.js';

/** Rule 12: class (as Python has it after loading), format, shape, dtype and the SHA-256 of the dense array. */
export const sparseDescriber: Describer = {
  name: 'scipy.sparse',
  test: (value) => SparseMatrix.is(value),
  describe(value) {
    const m = value as SparseMatrix;
    return {
      sparse: {
        class: m.loadedClassName,
        format: m.format,
        shape: [...m.shape],
        dtype: describeDType(m.dtype),
        dense_sha256: arrayHash(m.toDense()),
      },
    };
  },
};
