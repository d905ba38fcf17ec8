import { describe, expect, it } from 'vitest';
import {
  describe as describeValue,
  dumps,
  getUntrustedTypes,
  loads,
  openArchive,
  memorySource,
  resolveLimits,
} from '@skops-ts/core';
import { arrayHash, NDArray } from '@skops-ts/numpy';
import { SparseMatrix, type SparseMatrixInit } from '@skops-ts/scipy';
import { plugins } from './helpers.js';

const a = (dtype: string, values: unknown) => NDArray.fromValues(dtype, values);
const i32 = (values: number[]) => a('<i4', values);

const INITS: Record<string, SparseMatrixInit> = {
  csr: {
    format: 'csr',
    shape: [2, 3],
    data: a('<f8', [1, 2, 3]),
    indices: i32([0, 2, 1]),
    indptr: i32([0, 2, 3]),
  },
  csc: {
    format: 'csc',
    shape: [3, 2],
    data: a('<i8', [4n, 5n]),
    indices: a('<i8', [2n, 0n]),
    indptr: a('<i8', [0n, 1n, 2n]),
  },
  coo: {
    format: 'coo',
    shape: [2, 2],
    data: a('<f4', [1, 2, 3]),
    coords: [i32([0, 0, 1]), i32([1, 1, 0])],
  },
  bsr: {
    format: 'bsr',
    shape: [2, 4],
    data: a('<f8', [
      [
        [1, 2],
        [3, 4],
      ],
    ]),
    indices: i32([1]),
    indptr: i32([0, 1]),
  },
  dia: { format: 'dia', shape: [3, 3], data: a('<f8', [[1, 2, 3]]), offsets: i32([1]) },
};

/** The schema nodes of a written file: loader and class of the root's values. */
async function schemaOf(bytes: Uint8Array): Promise<Record<string, unknown>> {
  const archive = await openArchive(memorySource(bytes), { limits: resolveLimits(undefined) });
  const text = new TextDecoder().decode(await archive.read('schema.json'));
  return JSON.parse(text) as Record<string, unknown>;
}

describe('sparse matrices survive dumps and loads', () => {
  it.each(Object.entries(INITS))(
    'a %s_matrix is written as a SparseMatrixNode and read back with the same arrays',
    async (format, init) => {
      const m = new SparseMatrix(init);
      const bytes = await dumps(m, { plugins });
      const schema = await schemaOf(bytes);
      expect([schema.__loader__, schema.__module__, schema.__class__]).toEqual([
        'SparseMatrixNode',
        `scipy.sparse._${format}`,
        `${format}_matrix`,
      ]);
      const trusted = await getUntrustedTypes(bytes, { plugins });
      expect(trusted).toEqual([`scipy.sparse._${format}.${format}_matrix`]);
      const back = (await loads(bytes, { plugins, trusted })) as SparseMatrix;
      expect(SparseMatrix.is(back)).toBe(true);
      expect(back.storage).toBe('npz');
      const arrays = (x: SparseMatrix) =>
        [x.data, x.indices, x.indptr, x.offsets, ...(x.coords ?? [])].map(
          (v) => v && [v.dtype.str, arrayHash(v)],
        );
      expect(arrays(back)).toEqual(arrays(m));
      expect(describeValue(back, { plugins })).toEqual(describeValue(m, { plugins }));
    },
  );

  it.each(Object.entries(INITS))(
    'a %s_array is written as an ObjectNode of its attributes and read back as the same array',
    async (format, init) => {
      const m = new SparseMatrix({ ...init, className: `scipy.sparse._${format}.${format}_array` });
      const bytes = await dumps(m, { plugins });
      const schema = await schemaOf(bytes);
      expect([schema.__loader__, schema.__class__]).toEqual(['ObjectNode', `${format}_array`]);
      const trusted = await getUntrustedTypes(bytes, { plugins });
      expect(trusted).toEqual([`scipy.sparse._${format}.${format}_array`]);
      const back = (await loads(bytes, { plugins, trusted })) as SparseMatrix;
      expect([back.storage, back.className, back.kind]).toEqual(['object', m.className, 'array']);
      expect(describeValue(back, { plugins })).toEqual(describeValue(m, { plugins }));
      // The loaded object is written back as it was read.
      const again = await dumps(back, { plugins });
      expect(stripIds(await schemaOf(again))).toEqual(stripIds(schema));
    },
  );

  it('keeps 1-D and n-D coo arrays and a 1-D csr array', async () => {
    const values = [
      new SparseMatrix({
        format: 'coo',
        shape: [5],
        data: a('<f8', [1, 2]),
        coords: [i32([4, 4])],
        className: 'scipy.sparse._coo.coo_array',
      }),
      new SparseMatrix({
        format: 'coo',
        shape: [2, 3, 4],
        data: a('<i4', [7, 8]),
        coords: [i32([1, 0]), i32([2, 0]), i32([3, 1])],
        className: 'scipy.sparse._coo.coo_array',
      }),
      new SparseMatrix({
        format: 'csr',
        shape: [4],
        data: a('<f8', [3]),
        indices: i32([2]),
        indptr: i32([0, 1]),
        className: 'scipy.sparse._csr.csr_array',
      }),
    ];
    const bytes = await dumps(values, { plugins });
    const back = (await loads(bytes, {
      plugins,
      trusted: await getUntrustedTypes(bytes, { plugins }),
    })) as SparseMatrix[];
    expect(back.map((m) => [...m.toDense().shape])).toEqual([[5], [2, 3, 4], [4]]);
    expect(describeValue(back, { plugins })).toEqual(describeValue(values, { plugins }));
    // Hand-computed dense values: duplicates at position 4 add up; (1, 2, 3) and (0, 0, 1) in C order.
    expect(back[0]?.toDense().toArray()).toEqual([0, 0, 0, 0, 3]);
    expect((back[1]?.toDense().toArray() as number[][][])[1]?.[2]?.[3]).toBe(7);
    expect((back[1]?.toDense().toArray() as number[][][])[0]?.[0]?.[1]).toBe(8);
  });

  it('writes arrays of the old scipy.sparse._arrays module as SparseMatrixNode, which Python loads as *_matrix', async () => {
    const m = new SparseMatrix({
      ...(INITS.csr as SparseMatrixInit),
      className: 'scipy.sparse._arrays.csr_array',
    });
    const bytes = await dumps(m, { plugins });
    expect((await schemaOf(bytes)).__loader__).toBe('SparseMatrixNode');
    const back = (await loads(bytes, {
      plugins,
      trusted: ['scipy.sparse._arrays.csr_array'],
    })) as SparseMatrix;
    expect(back.className).toBe('scipy.sparse._arrays.csr_array');
    expect((describeValue(back, { plugins }) as { sparse: { class: string } }).sparse.class).toBe(
      'scipy.sparse._csr.csr_matrix',
    );
  });
});

describe('densifying follows numpy arithmetic', () => {
  it('adds duplicate entries in the dtype: int8 wraps, bool is a logical or, float32 rounds, -0.0 becomes 0.0', () => {
    const coo = (data: NDArray, n: number) =>
      new SparseMatrix({
        format: 'coo',
        shape: [1, 1],
        data,
        coords: [i32(Array(n).fill(0)), i32(Array(n).fill(0))],
      });
    expect(
      coo(a('|i1', [100, 100]), 2)
        .toDense()
        .toArray(),
    ).toEqual([[-56]]);
    expect(
      coo(a('|b1', [true, true]), 2)
        .toDense()
        .toArray(),
    ).toEqual([[true]]);
    expect(
      coo(a('<f4', [1, 2 ** -24]), 2)
        .toDense()
        .toArray(),
    ).toEqual([[1]]);
    expect(
      Object.is(
        (
          coo(a('<f8', [-0]), 1)
            .toDense()
            .toArray() as number[][]
        )[0]?.[0],
        0,
      ),
    ).toBe(true);
  });
});

function stripIds(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stripIds);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.entries(v as Record<string, unknown>)
        .filter(([k]) => k !== '__id__' && k !== 'file')
        .map(([k, x]) => [k, stripIds(x)]),
    );
  }
  return v;
}
