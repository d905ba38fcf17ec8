import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PyComplex } from '@skops-ts/core';
import { arrayHash, describeDType, NDArray, type NDArray as Arr } from '@skops-ts/numpy';
import {
  readSparseNpz,
  SparseMatrix,
  writeSparseNpz,
  type SparseMatrixInit,
} from '@skops-ts/scipy';
import { findScipyPython, runPython } from './helpers.js';

const python = findScipyPython();
if (!python)
  console.warn(
    'SKIPPED scipy interop tests: no Python with scipy (apt-get install python3-scipy, or set SKOPS_PYTHON)',
  );

const dir = mkdtempSync(path.join(tmpdir(), 'skops-scipy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const a = (dtype: string, values: unknown) => NDArray.fromValues(dtype, values);
const i32 = (values: number[]) => a('<i4', values);
const i64 = (values: number[]) => a('<i8', values.map(BigInt));

/** Matrices built here, written with writeSparseNpz and read by scipy.sparse.load_npz. */
const OURS: Record<string, SparseMatrixInit> = {
  csr_f8: {
    format: 'csr',
    shape: [3, 4],
    data: a('<f8', [1.5, -2, 3e-300, -0]),
    indices: i32([3, 0, 1, 1]),
    indptr: i32([0, 2, 2, 4]),
  },
  csr_duplicates_i8_index: {
    format: 'csr',
    shape: [2, 3],
    data: a('<f8', [1, 2, 3]),
    indices: i64([2, 2, 0]),
    indptr: i64([0, 2, 3]),
  },
  csc_i8: {
    format: 'csc',
    shape: [4, 2],
    data: a('<i8', [9n, -9n, 2n ** 62n]),
    indices: i32([3, 0, 2]),
    indptr: i32([0, 1, 3]),
  },
  coo_f4_duplicates: {
    format: 'coo',
    shape: [2, 2],
    data: a('<f4', [0.1, 0.2, 0.3, 1e8]),
    coords: [i32([0, 0, 0, 1]), i32([1, 1, 1, 0])],
  },
  coo_int8_wraps: {
    format: 'coo',
    shape: [1, 2],
    data: a('|i1', [100, 100, -5]),
    coords: [i32([0, 0, 0]), i32([0, 0, 1])],
  },
  coo_c16: {
    format: 'coo',
    shape: [2, 3],
    data: a('<c16', [new PyComplex(1, -1), new PyComplex(0.5, 2), new PyComplex(-1, 0)]),
    coords: [i32([1, 0, 1]), i32([2, 0, 2])],
  },
  bsr_3x2: {
    format: 'bsr',
    shape: [6, 4],
    data: a('<f8', [
      [
        [1, 2],
        [3, 4],
        [5, 6],
      ],
      [
        [7, 8],
        [9, 10],
        [11, 12],
      ],
      [
        [0, 1],
        [0, 0],
        [2, 0],
      ],
    ]),
    indices: i32([1, 0, 1]),
    indptr: i32([0, 2, 3]),
  },
  dia_long_diagonals: {
    format: 'dia',
    shape: [3, 5],
    data: a('<f8', [
      [1, 2, 3, 4, 5, 6],
      [7, 8, 9, 10, 11, 12],
    ]),
    offsets: i32([-1, 2]),
  },
  bool_csr: {
    format: 'csr',
    shape: [2, 2],
    data: a('|b1', [true, true, false]),
    indices: i32([1, 1, 0]),
    indptr: i32([0, 2, 3]),
  },
  empty_csr: {
    format: 'csr',
    shape: [0, 5],
    data: a('<f8', []),
    indices: i32([]),
    indptr: i32([0]),
  },
  csr_array_class: {
    format: 'csr',
    shape: [1, 1],
    data: a('<u2', [7]),
    indices: i32([0]),
    indptr: i32([0, 1]),
    className: 'scipy.sparse._arrays.csr_array',
  },
};

const LOAD_SCRIPT = `
import hashlib, json, sys, os
import numpy as np, scipy.sparse as sp
def h(a):
    a = np.ascontiguousarray(a)
    return hashlib.sha256(a.astype(a.dtype.newbyteorder('<')).tobytes()).hexdigest()
out = {}
for name in json.loads(sys.argv[2]):
    m = sp.load_npz(os.path.join(sys.argv[1], name + '.npz'))
    arrays = {k: getattr(m, k).tolist() for k in ('indices', 'indptr', 'row', 'col', 'offsets') if hasattr(m, k) and isinstance(getattr(m, k), np.ndarray)}
    arrays['data'] = [m.data.dtype.str, list(m.data.shape), h(m.data)]
    out[name] = {'format': m.format, 'shape': list(m.shape), 'dtype': m.dtype.str, 'nnz': int(m.nnz), 'dense': h(m.toarray()), 'arrays': arrays}
print(json.dumps(out))
`;

const arrayInfo = (x: Arr) => [describeDType(x.dtype), [...x.shape], arrayHash(x)];

describe.skipIf(!python)('.npz interop with scipy', () => {
  it('writes .npz files that scipy.sparse.load_npz reads back with identical arrays and values', () => {
    const matrices = Object.fromEntries(
      Object.entries(OURS).map(([name, init]) => [name, new SparseMatrix(init)]),
    );
    for (const [name, m] of Object.entries(matrices))
      writeFileSync(path.join(dir, `${name}.npz`), writeSparseNpz(m));
    const results = JSON.parse(
      runPython(python as string, LOAD_SCRIPT, [dir, JSON.stringify(Object.keys(OURS))]),
    ) as Record<string, Record<string, unknown>>;
    for (const [name, m] of Object.entries(matrices)) {
      const stored: Record<string, Arr | undefined> = {
        data: m.data,
        indices: m.indices,
        indptr: m.indptr,
        row: m.row,
        col: m.col,
        offsets: m.offsets,
      };
      // scipy may narrow int64 index arrays to int32 when it builds the matrix, so indices compare by value.
      const arrays = Object.fromEntries(
        Object.entries(stored).flatMap(([k, v]) =>
          v ? [[k, k === 'data' ? arrayInfo(v) : (v.toArray() as unknown[]).map(Number)]] : [],
        ),
      );
      expect({ name, ...results[name] }).toEqual({
        name,
        format: m.format,
        shape: [...m.shape],
        dtype: describeDType(m.dtype),
        nnz: m.nnz,
        dense: arrayHash(m.toDense()),
        arrays,
      });
    }
  });

  it('reads .npz files of scipy.sparse.save_npz: dense values, nnz and canonical CSR as scipy computes them', async () => {
    const script = `
import hashlib, json, sys, os
import numpy as np, scipy.sparse as sp
def h(a):
    a = np.ascontiguousarray(a)
    return hashlib.sha256(a.astype(a.dtype.newbyteorder('<')).tobytes()).hexdigest()
rng = np.random.default_rng(7)
cases = {
  'random_csr': sp.random(6, 7, density=0.4, format='csr', random_state=1),
  'csr_unsorted_duplicates': sp.csr_matrix((np.array([1.0, 2.0, 3.0, 4.0]), np.array([2, 0, 2, 1]), np.array([0, 3, 4])), shape=(2, 3)),
  'csc_int64_indices': sp.csc_matrix((np.arange(1, 6, dtype=np.int64), np.array([0, 4, 1, 2, 4], dtype=np.int64), np.array([0, 2, 2, 5], dtype=np.int64)), shape=(5, 3)),
  # at most 16 entries per row: scipy then sorts duplicates stably (std::sort's insertion-sort range), as we do
  'coo_f4_duplicates': sp.coo_matrix((rng.standard_normal(30).astype(np.float32), (np.arange(30) % 3, rng.integers(0, 4, 30))), shape=(3, 4)),
  'coo_int8_duplicates': sp.coo_matrix((np.array([100, 100, 27, -128], dtype=np.int8), (np.array([0, 0, 1, 1]), np.array([1, 1, 0, 0]))), shape=(2, 2)),
  'coo_complex': sp.coo_matrix((np.array([1+2j, -1j, 3, 0.5j]), (np.array([0, 1, 0, 0]), np.array([0, 1, 2, 0]))), shape=(2, 3)),
  'bsr_3x2_blocks': sp.bsr_matrix(np.arange(1, 25, dtype=np.float64).reshape(6, 4) * (np.arange(24).reshape(6, 4) % 3 == 0), blocksize=(3, 2)),
  'dia_offsets': sp.dia_matrix((np.arange(1, 19, dtype=np.float64).reshape(3, 6), np.array([-2, 0, 3])), shape=(4, 5)),
  'dia_with_zeros': sp.dia_matrix((np.array([[0.0, 1, 0, 2]]), np.array([1])), shape=(4, 4)),
  'bool_csc': sp.csc_matrix(np.array([[True, False], [True, True]])),
  'uint16_coo': sp.coo_matrix(np.array([[0, 65535], [3, 0]], dtype=np.uint16)),
  'empty': sp.csr_matrix((0, 4)),
}
out = {}
for name, m in cases.items():
    sp.save_npz(os.path.join(sys.argv[1], name + '.npz'), m)
    c = m.tocsr(copy=True)
    c.sum_duplicates()
    c.sort_indices()
    out[name] = {'format': m.format, 'shape': list(m.shape), 'dtype': m.dtype.str, 'nnz': int(m.nnz), 'dense': h(m.toarray()),
                 'csr': {'data': h(c.data), 'indices': c.indices.tolist(), 'indptr': c.indptr.tolist()}}
print(json.dumps(out))
`;
    const expected = JSON.parse(runPython(python as string, script, [dir])) as Record<
      string,
      Record<string, unknown>
    >;
    expect(Object.keys(expected).length).toBeGreaterThan(10);
    for (const [name, e] of Object.entries(expected)) {
      const m = await readSparseNpz(readFileSync(path.join(dir, `${name}.npz`)));
      const csr = m.format === 'csr' ? undefined : m.toCSR();
      const got = {
        format: m.format,
        shape: [...m.shape],
        dtype: describeDType(m.dtype),
        nnz: m.nnz,
        dense: arrayHash(m.toDense()),
        csr: csr
          ? {
              data: arrayHash(csr.data),
              indices: (csr.indices as Arr).toArray(),
              indptr: (csr.indptr as Arr).toArray(),
            }
          : (e.csr as unknown),
      };
      const norm = (v: unknown) =>
        JSON.parse(
          JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? Number(x) : x)),
        ) as unknown;
      expect(norm({ name, ...got })).toEqual({ name, ...e });
    }
  });
});
