import { SkopsError, writeArchive } from '@skops-ts/core';
import { DType, NDArray, writeNpy } from '@skops-ts/numpy';
import type { SparseMatrix } from '../sparse/sparse-matrix.js';

/** A 0-d `|S<n>` array, as `numpy.array(b"csr")`. */
function bytesScalar(text: string): NDArray {
  const buffer = Uint8Array.from(text, (ch) => ch.charCodeAt(0));
  return new NDArray({ dtype: DType.parse(`|S${buffer.length}`), shape: [], buffer });
}

/**
 * Writes a 2-D sparse matrix as `scipy.sparse.save_npz` does (DEFLATE
 * members `<index arrays>.npy`, `format.npy`, `shape.npy`, `data.npy`), so
 * `scipy.sparse.load_npz` reads back the same arrays.
 */
export function writeSparseNpz(matrix: SparseMatrix): Uint8Array {
  if (matrix.ndim !== 2) {
    throw new SkopsError(
      'UNSUPPORTED_VALUE',
      `scipy's .npz holds 2-D matrices; a ${matrix.ndim}-D sparse array is saved as an object node instead.`,
    );
  }
  const arrays: [string, NDArray][] = [];
  if (matrix.indices && matrix.indptr)
    arrays.push(['indices', matrix.indices], ['indptr', matrix.indptr]);
  if (matrix.offsets) arrays.push(['offsets', matrix.offsets]);
  if (matrix.row && matrix.col) arrays.push(['row', matrix.row], ['col', matrix.col]);
  arrays.push(
    ['format', bytesScalar(matrix.format)],
    ['shape', NDArray.fromTypedArray(BigInt64Array.from(matrix.shape, (d) => BigInt(d)))],
    ['data', matrix.data],
  );
  return writeArchive(
    arrays.map(([name, array]) => ({ name: `${name}.npy`, data: writeNpy(array) })),
    { compression: 'deflate' },
  );
}
