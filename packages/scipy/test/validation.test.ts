import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getUntrustedTypes, loads, resolveLimits, SkopsError, writeArchive } from '@skops-ts/core';
import { DType, NDArray, writeNpy } from '@skops-ts/numpy';
import {
  readSparseNpz,
  SparseMatrix,
  SparseValidationError,
  type SparseMatrixInit,
  type SparseProblem,
} from '@skops-ts/scipy';
import { FIXTURES, plugins } from './helpers.js';

const i32 = (values: number[]) => NDArray.fromValues('<i4', values);
const f64 = (values: number[]) => NDArray.fromValues('<f8', values);

/** The `problem` of the SparseValidationError that building `init` throws. */
function problemOf(init: SparseMatrixInit): SparseProblem | string {
  try {
    new SparseMatrix(init);
  } catch (error) {
    if (SparseValidationError.is(error)) {
      expect(error.code).toBe('INVALID_DATA');
      return error.problem;
    }
    throw error;
  }
  return 'accepted';
}

const csr = (over: Partial<SparseMatrixInit>): SparseMatrixInit => ({
  format: 'csr',
  shape: [3, 3],
  data: f64([1, 2, 3]),
  indices: i32([0, 2, 1]),
  indptr: i32([0, 2, 2, 3]),
  ...over,
});

describe('validation refuses inconsistent matrices before reading them', () => {
  it('accepts a well-formed csr matrix', () => {
    expect(problemOf(csr({}))).toBe('accepted');
  });

  it.each<[string, SparseMatrixInit, SparseProblem]>([
    ['an indptr of the wrong length', csr({ indptr: i32([0, 2, 3]) }), 'indptr-length'],
    ['an indptr that does not start at 0', csr({ indptr: i32([1, 2, 2, 3]) }), 'indptr-start'],
    ['a decreasing indptr', csr({ indptr: i32([0, 2, 1, 3]) }), 'indptr-decreasing'],
    ['an indptr that ends past the indices', csr({ indptr: i32([0, 2, 2, 4]) }), 'indptr-end'],
    ['a column index beyond the shape', csr({ indices: i32([0, 3, 1]) }), 'index-range'],
    ['a negative column index', csr({ indices: i32([0, -1, 1]) }), 'index-range'],
    [
      'an int64 index beyond 2**53',
      csr({ indices: NDArray.fromValues('<i8', [0n, 2n ** 62n, 1n]) }),
      'index-range',
    ],
    ['indices and data of different lengths', csr({ data: f64([1, 2]) }), 'length'],
    ['float indices', csr({ indices: f64([0, 2, 1]) }), 'index-dtype'],
    ['2-D data', csr({ data: NDArray.fromValues('<f8', [[1, 2, 3]]) }), 'ndim'],
    ['string data', csr({ data: NDArray.fromValues('<U1', ['a', 'b', 'c']) }), 'dtype'],
    ['a negative shape', csr({ shape: [3, -3] }), 'shape'],
    ['a 3-D shape', csr({ shape: [3, 3, 1] }), 'shape'],
    ['no indptr', csr({ indptr: undefined }), 'format'],
    [
      'a csc row index beyond the shape',
      { ...csr({}), format: 'csc', shape: [2, 3] },
      'index-range',
    ],
    [
      'coo rows beyond the shape',
      { format: 'coo', shape: [2, 2], data: f64([1, 2]), coords: [i32([0, 2]), i32([0, 1])] },
      'index-range',
    ],
    [
      'coo coordinates and data of different lengths',
      { format: 'coo', shape: [2, 2], data: f64([1, 2]), coords: [i32([0]), i32([0])] },
      'length',
    ],
    [
      'a coo matrix missing a coordinate array',
      { format: 'coo', shape: [2, 2], data: f64([1]), coords: [i32([0])] },
      'length',
    ],
    [
      'bsr blocks that do not tile the shape',
      {
        format: 'bsr',
        shape: [3, 4],
        data: NDArray.fromValues('<f8', [
          [
            [1, 2],
            [3, 4],
          ],
        ]),
        indices: i32([0]),
        indptr: i32([0, 1]),
      },
      'blocksize',
    ],
    [
      'a bsr block column beyond the shape',
      {
        format: 'bsr',
        shape: [2, 4],
        data: NDArray.fromValues('<f8', [
          [
            [1, 2],
            [3, 4],
          ],
        ]),
        indices: i32([2]),
        indptr: i32([0, 1]),
      },
      'index-range',
    ],
    [
      'bsr data that is not 3-D',
      { format: 'bsr', shape: [2, 2], data: f64([1, 2]), indices: i32([0]), indptr: i32([0, 1]) },
      'ndim',
    ],
    [
      'repeated dia offsets',
      {
        format: 'dia',
        shape: [3, 3],
        data: NDArray.fromValues('<f8', [
          [1, 2, 3],
          [4, 5, 6],
        ]),
        offsets: i32([1, 1]),
      },
      'offsets-duplicate',
    ],
    [
      'more dia diagonals than offsets',
      {
        format: 'dia',
        shape: [3, 3],
        data: NDArray.fromValues('<f8', [
          [1, 2, 3],
          [4, 5, 6],
        ]),
        offsets: i32([0]),
      },
      'length',
    ],
  ])('refuses %s', (_what, init, problem) => {
    expect(problemOf(init)).toBe(problem);
  });

  it('refuses a class name of another format', () => {
    expect(() => new SparseMatrix(csr({ className: 'scipy.sparse._coo.coo_matrix' }))).toThrow(
      expect.objectContaining({ code: 'UNSUPPORTED_VALUE' }),
    );
  });

  it('refuses to densify a matrix larger than the limits, before allocating', () => {
    const huge = new SparseMatrix({
      format: 'coo',
      shape: [1_000_000, 1_000_000],
      data: f64([]),
      coords: [i32([]), i32([])],
    });
    expect(() => huge.toDense()).toThrow(
      expect.objectContaining({ code: 'LIMIT_EXCEEDED', limit: 'maxArrayElements' }),
    );
    expect(() =>
      huge.toDense(resolveLimits({ maxArrayElements: 2 ** 40, maxArrayBytes: 1024 })),
    ).toThrow(expect.objectContaining({ code: 'LIMIT_EXCEEDED', limit: 'maxArrayBytes' }));
  });
});

/** A `.npz` of the given arrays, as numpy writes one. */
function npz(
  arrays: Record<string, NDArray>,
  compression: 'stored' | 'deflate' = 'deflate',
): Uint8Array {
  return writeArchive(
    Object.entries(arrays).map(([name, a]) => ({ name: `${name}.npy`, data: writeNpy(a) })),
    { compression },
  );
}

const bytesScalar = (text: string) =>
  new NDArray({
    dtype: DType.parse(`|S${text.length}`),
    shape: [],
    buffer: Uint8Array.from(text, (c) => c.charCodeAt(0)),
  });
const shape = (...dims: number[]) => NDArray.fromValues('<i8', dims.map(BigInt));

describe('reading a .npz', () => {
  const good = {
    indices: i32([0, 2, 1]),
    indptr: i32([0, 2, 2, 3]),
    format: bytesScalar('csr'),
    shape: shape(3, 3),
    data: f64([1, 2, 3]),
  };

  it('reads a stored or deflated .npz of a csr matrix', async () => {
    for (const compression of ['stored', 'deflate'] as const) {
      const m = await readSparseNpz(npz(good, compression));
      expect([m.format, m.shape, m.nnz, m.className, m.storage]).toEqual([
        'csr',
        [3, 3],
        3,
        'scipy.sparse._csr.csr_matrix',
        'npz',
      ]);
    }
  });

  it('refuses a format scipy cannot save', async () => {
    await expect(readSparseNpz(npz({ ...good, format: bytesScalar('lil') }))).rejects.toThrow(
      expect.objectContaining({ problem: 'format' }),
    );
  });

  it('refuses a .npz that misses an array of its format', async () => {
    const rest: Partial<typeof good> = { ...good };
    delete rest.indices;
    await expect(readSparseNpz(npz(rest as typeof good))).rejects.toThrow(
      expect.objectContaining({ problem: 'format' }),
    );
  });

  it('refuses a member whose CRC-32 does not match', async () => {
    const bytes = npz(good, 'stored');
    const at = bytes.length - 200;
    bytes[at] = (bytes[at] as number) ^ 0xff;
    await expect(readSparseNpz(bytes)).rejects.toThrow(SkopsError);
  });

  it('refuses bytes that are not a zip', async () => {
    await expect(readSparseNpz(new Uint8Array(100))).rejects.toThrow(
      expect.objectContaining({ code: 'INVALID_ARCHIVE' }),
    );
  });

  it('checks member sizes against the limits before inflating', async () => {
    const bytes = npz({ ...good, data: f64(Array.from({ length: 4096 }, (_, i) => i)) });
    await expect(
      readSparseNpz(bytes, { limits: resolveLimits({ maxMemberBytes: 4096 }) }),
    ).rejects.toThrow(expect.objectContaining({ code: 'LIMIT_EXCEEDED', limit: 'maxMemberBytes' }));
  });
});

describe('the hostile corpus', () => {
  const file = (name: string) => readFileSync(path.join(FIXTURES, 'hostile', `${name}.skops`));

  it('refuses a csr indptr of the wrong length even when the class is trusted, naming the node (the first list item)', async () => {
    const trusted = ['scipy.sparse._csr.csr_matrix'];
    expect(await getUntrustedTypes(file('skops_npz_mismatched_indptr'), { plugins })).toEqual(
      trusted,
    );
    const error = await loads(file('skops_npz_mismatched_indptr'), { plugins, trusted }).catch(
      (e: unknown) => e,
    );
    expect(SparseValidationError.is(error)).toBe(true);
    expect(error).toMatchObject({
      code: 'INVALID_DATA',
      problem: 'indptr-length',
      path: '$.content[0]',
    });
  });

  it('refuses a pickled object array inside the .npz', async () => {
    const trusted = ['scipy.sparse._csr.csr_matrix'];
    await expect(
      loads(file('skops_npz_object_pickle'), { plugins, trusted }),
    ).rejects.toMatchObject({ code: 'INVALID_DATA' });
  });

  it('refuses a SparseMatrixNode of type "pickle" already when auditing', async () => {
    await expect(
      getUntrustedTypes(file('skops_sparse_type_pickle'), { plugins }),
    ).rejects.toMatchObject({ code: 'INVALID_SCHEMA' });
  });
});
