import type { NDArray } from '@skops-ts/numpy';
import { indexValues } from './index-values.js';
import type {
  BlockLayout,
  CompressedLayout,
  CoordinateLayout,
  DiagonalLayout,
  Layout,
  SparseArrays,
} from './layout.js';
import { SparseValidationError } from './sparse-error.js';

const NUMERIC_KINDS = new Set(['b', 'i', 'u', 'f', 'c']);

function fail(
  problem: ConstructorParameters<typeof SparseValidationError>[0],
  message: string,
): never {
  throw new SparseValidationError(problem, message);
}

function need(array: NDArray | undefined, name: string, format: string): NDArray {
  if (!array) fail('format', `a ${format} matrix needs \`${name}\`.`);
  return array;
}

function checkShape(shape: readonly number[], ranks: readonly number[], format: string): void {
  if (!ranks.includes(shape.length)) {
    fail(
      'shape',
      `a ${format} matrix has ${ranks.join(' or ')} dimensions, but the shape is (${shape.join(', ')}).`,
    );
  }
  for (const d of shape) {
    if (!Number.isSafeInteger(d) || d < 0)
      fail(
        'shape',
        `the shape (${shape.join(', ')}) has an entry that is not a non-negative integer.`,
      );
  }
}

function checkData(data: NDArray, ndim: number, format: string): void {
  if (!NUMERIC_KINDS.has(data.dtype.kind)) {
    fail(
      'dtype',
      `\`data\` has dtype ${data.dtype.str}; scipy sparse matrices hold booleans, integers, floats or complex numbers.`,
    );
  }
  if (data.ndim !== ndim) {
    fail(
      'ndim',
      `\`data\` of a ${format} matrix is ${ndim}-D, but it has shape (${data.shape.join(', ')}).`,
    );
  }
}

/** indptr: `major + 1` entries, from 0, never decreasing, ending within `indices`. */
function checkIndptr(indptr: ArrayLike<number>, major: number, stored: number): number {
  if (indptr.length !== major + 1)
    fail('indptr-length', `index pointer size (${indptr.length}) should be (${major + 1}).`);
  if (indptr[0] !== 0)
    fail('indptr-start', `index pointer should start with 0, not ${String(indptr[0])}.`);
  for (let i = 1; i < indptr.length; i++) {
    if ((indptr[i] as number) < (indptr[i - 1] as number)) {
      fail(
        'indptr-decreasing',
        `index pointer decreases at position ${i} (${String(indptr[i - 1])} then ${String(indptr[i])}).`,
      );
    }
  }
  const end = indptr[major] as number;
  if (end > stored)
    fail('indptr-end', `the last index pointer (${end}) is past the ${stored} stored indices.`);
  return end;
}

function checkRange(values: ArrayLike<number>, count: number, bound: number, name: string): void {
  for (let k = 0; k < count; k++) {
    const v = values[k] as number;
    if (!(v >= 0 && v < bound))
      fail('index-range', `\`${name}\`[${k}] is ${v}, outside 0..${bound - 1}.`);
  }
}

function compressed(m: SparseArrays): CompressedLayout {
  const format = m.format as 'csr' | 'csc';
  checkShape(m.shape, format === 'csr' ? [1, 2] : [2], format);
  checkData(m.data, 1, format);
  const indptr = indexValues(need(m.indptr, 'indptr', format), 'indptr');
  const indices = indexValues(need(m.indices, 'indices', format), 'indices');
  const [a = 0, b = 0] = m.shape;
  // A 1-D csr array is stored as a single row.
  const [major, minor] = m.shape.length === 1 ? [1, a] : format === 'csr' ? [a, b] : [b, a];
  if (indices.length !== m.data.shape[0]) {
    fail(
      'length',
      `\`indices\` (${indices.length}) and \`data\` (${String(m.data.shape[0])}) should have the same size.`,
    );
  }
  const nnz = checkIndptr(indptr, major, indices.length);
  checkRange(indices, nnz, minor, 'indices');
  return { format, major, minor, indptr, indices, nnz };
}

function block(m: SparseArrays): BlockLayout {
  checkShape(m.shape, [2], 'bsr');
  checkData(m.data, 3, 'bsr');
  const [rows = 0, cols = 0] = m.shape;
  const [blocks = 0, r = 0, c = 0] = m.data.shape;
  if (r < 1 || c < 1 || rows % r !== 0 || cols % c !== 0) {
    fail(
      'blocksize',
      `blocks of ${r}x${c} (from \`data\`) do not tile the shape (${rows}, ${cols}).`,
    );
  }
  const indptr = indexValues(need(m.indptr, 'indptr', 'bsr'), 'indptr');
  const indices = indexValues(need(m.indices, 'indices', 'bsr'), 'indices');
  if (indices.length !== blocks)
    fail(
      'length',
      `\`indices\` (${indices.length}) and the blocks of \`data\` (${blocks}) should have the same size.`,
    );
  const blockRows = rows / r;
  const blockCols = cols / c;
  const used = checkIndptr(indptr, blockRows, indices.length);
  checkRange(indices, used, blockCols, 'indices');
  return { format: 'bsr', r, c, blockRows, blockCols, indptr, indices, nnz: used * r * c };
}

function coordinate(m: SparseArrays): CoordinateLayout {
  const ndim = m.shape.length;
  checkShape(m.shape, ndim >= 1 ? [ndim] : [1, 2], 'coo');
  checkData(m.data, 1, 'coo');
  const arrays =
    m.coords ??
    fail('format', 'a coo matrix needs its coordinate arrays (`row` / `col` or `coords`).');
  if (arrays.length !== ndim)
    fail(
      'length',
      `a coo matrix of shape (${m.shape.join(', ')}) needs ${ndim} coordinate arrays, got ${arrays.length}.`,
    );
  const nnz = m.data.shape[0] ?? 0;
  const coords = arrays.map((a, d) => {
    const name = ndim === 2 ? (d === 0 ? 'row' : 'col') : `coords[${d}]`;
    const values = indexValues(a, name);
    if (values.length !== nnz)
      fail(
        'length',
        `\`${name}\` (${values.length}) and \`data\` (${nnz}) should have the same size.`,
      );
    checkRange(values, nnz, m.shape[d] ?? 0, name);
    return values;
  });
  return { format: 'coo', coords, nnz };
}

function diagonal(m: SparseArrays): DiagonalLayout {
  checkShape(m.shape, [2], 'dia');
  checkData(m.data, 2, 'dia');
  const offsets = indexValues(need(m.offsets, 'offsets', 'dia'), 'offsets');
  const [diagonals = 0, length = 0] = m.data.shape;
  if (offsets.length !== diagonals) {
    fail(
      'length',
      `number of diagonals (${diagonals}) does not match the number of offsets (${offsets.length}).`,
    );
  }
  const seen = new Set<number>();
  for (let k = 0; k < offsets.length; k++) {
    const o = offsets[k] as number;
    if (seen.has(o)) fail('offsets-duplicate', `offset ${o} appears more than once.`);
    seen.add(o);
  }
  const [rows = 0, cols = 0] = m.shape;
  let nnz = 0;
  for (let k = 0; k < offsets.length; k++) {
    const o = offsets[k] as number;
    const start = Math.max(0, o);
    const end = Math.min(cols, rows + o, length);
    if (end > start) nnz += end - start;
  }
  return { format: 'dia', offsets, length, nnz };
}

/**
 * Checks a sparse matrix as scipy's `check_format(full_check=True)` would,
 * and more: every index array's dtype and length, `indptr` monotone and in
 * bounds, every stored index inside the shape. Throws a
 * {@link SparseValidationError}; returns the index arrays as numbers.
 */
export function validateSparse(m: SparseArrays): Layout {
  switch (m.format) {
    case 'csr':
    case 'csc':
      return compressed(m);
    case 'bsr':
      return block(m);
    case 'coo':
      return coordinate(m);
    case 'dia':
      return diagonal(m);
    default:
      return fail('format', `unknown sparse format ${JSON.stringify(m.format as unknown)}.`);
  }
}
