import { PyDict, PyTuple } from '@skops-ts/core';
import type { SparseMatrix } from '../sparse/sparse-matrix.js';

/** scipy's default `maxprint`, part of every sparse array's `__dict__`. */
const MAXPRINT = 50n;

/** The `__dict__` scipy >= 1.13 gives a sparse array of these arrays, in scipy's attribute order. */
export function arrayAttributes(m: SparseMatrix): PyDict {
  const entries: [string, unknown][] = [
    ['_shape', new PyTuple(m.shape.map((d) => BigInt(d)))],
    ['maxprint', MAXPRINT],
  ];
  if (m.format === 'coo') {
    entries.push(
      ['coords', new PyTuple(m.coords ?? [])],
      ['data', m.data],
      ['has_canonical_format', false],
    );
  } else if (m.format === 'dia') {
    entries.push(['data', m.data], ['offsets', m.offsets]);
  } else {
    entries.push(['indptr', m.indptr], ['indices', m.indices], ['data', m.data]);
  }
  return new PyDict(entries);
}
