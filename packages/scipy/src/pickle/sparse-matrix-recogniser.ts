import { PyDict, PyTuple } from '@skops-ts/core';
import { NDArray } from '@skops-ts/numpy';
import type { BuildRecogniser, RecogniserContext } from '@skops-ts/pickle';
import { SPARSE_FORMATS, sparseClassName, type SparseFormat } from '../sparse/formats.js';
import { SparseValidationError } from '../sparse/sparse-error.js';
import { SparseMatrix } from '../sparse/sparse-matrix.js';

/** Where scipy defined the `*_matrix` classes: `scipy.sparse._csr` from 1.8, `scipy.sparse.csr` before. */
const CLASSES = SPARSE_FORMATS.flatMap((f) => [
  sparseClassName(f, 'matrix'),
  `scipy.sparse.${f}.${f}_matrix`,
]);

function shapeOf(value: unknown, ctx: RecogniserContext): number[] {
  const items = PyTuple.is(value) ? value.items : undefined;
  if (!items) throw ctx.fail('a pickled sparse matrix has no `_shape` tuple.');
  return items.map((d) => {
    if (typeof d !== 'bigint' || d < 0n || d > BigInt(Number.MAX_SAFE_INTEGER))
      throw ctx.fail('a sparse matrix shape holds something that is not a dimension.');
    return Number(d);
  });
}

/**
 * scipy sparse matrices pickle as an instance made without code plus their
 * `__dict__`; Python skops saves them with `save_npz` (a SparseMatrixNode),
 * so they become a validated {@link SparseMatrix}.
 */
export const sparseMatrixRecogniser: BuildRecogniser = {
  kind: 'build',
  globals: CLASSES,
  convert(node, ctx) {
    const format = node.name.slice(0, 3) as SparseFormat;
    const state = ctx.convert(node.state);
    if (!PyDict.is(state))
      throw ctx.fail(`a pickled ${node.module}.${node.name} has no attribute dict.`);
    const array = (key: string): NDArray | undefined => {
      const v = state.get(key);
      if (v === undefined) return undefined;
      if (!NDArray.is(v))
        throw ctx.fail(`the \`${key}\` of a pickled sparse matrix is not a numeric numpy array.`);
      return v;
    };
    const data = array('data');
    if (!data) throw ctx.fail(`a pickled ${node.name} has no \`data\`.`);
    let coords: NDArray[] | undefined;
    const stored = state.get('coords');
    if (PyTuple.is(stored)) {
      if (!stored.items.every((a) => NDArray.is(a)))
        throw ctx.fail('the `coords` of a pickled coo matrix are not arrays.');
      coords = [...stored.items] as NDArray[];
    } else if (format === 'coo') {
      const row = array('row');
      const col = array('col');
      if (!row || !col) throw ctx.fail('a pickled coo matrix has no `row` and `col`.');
      coords = [row, col];
    }
    try {
      return new SparseMatrix({
        format,
        shape: shapeOf(state.get('_shape') ?? state.get('shape'), ctx),
        data,
        indices: array('indices'),
        indptr: array('indptr'),
        coords,
        offsets: array('offsets'),
        // Python skops saves the class scipy loads back from the .npz: always the *_matrix of the format.
        className: sparseClassName(format, 'matrix'),
      });
    } catch (error) {
      throw SparseValidationError.is(error) && !error.path ? error.at(ctx.path) : error;
    }
  },
};
