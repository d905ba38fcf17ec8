import type { Dumper } from '@skops-ts/core';
import { writeSparseNpz } from '../npz/write-npz.js';
import { SparseMatrix } from '../sparse/sparse-matrix.js';
import { arrayAttributes } from './array-attributes.js';

/**
 * Sparse matrices as Python skops writes them: `*_matrix` (and arrays of
 * the old `scipy.sparse._arrays` module) as SparseMatrixNode with a `.npz`
 * member; sparse arrays as ObjectNodes of their attributes (the loaded
 * object itself when there is one).
 */
export const sparseMatrixDumper: Dumper = {
  name: 'scipy.sparse',
  test: (value) => SparseMatrix.is(value),
  dump(value, ctx) {
    const m = value as SparseMatrix;
    const dot = m.className.lastIndexOf('.');
    const module = m.className.slice(0, dot);
    const name = m.className.slice(dot + 1);
    if (m.source) {
      return {
        __class__: m.source.name,
        __module__: m.source.module,
        __loader__: 'ObjectNode',
        content: ctx.state(m.source.state),
      };
    }
    if (m.kind === 'array' && module !== 'scipy.sparse._arrays') {
      return {
        __class__: name,
        __module__: module,
        __loader__: 'ObjectNode',
        content: ctx.state(arrayAttributes(m)),
      };
    }
    const file = ctx.addMember(`${ctx.idOf(m)}.npz`, writeSparseNpz(m));
    return {
      __class__: name,
      __module__: module,
      __loader__: 'SparseMatrixNode',
      type: 'scipy',
      file,
    };
  },
};
