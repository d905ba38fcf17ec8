/** The sparse formats scipy stores without pickle. */
export type SparseFormat = 'csr' | 'csc' | 'coo' | 'bsr' | 'dia';

/** `*_matrix` (the `spmatrix` classes) or `*_array` (the sparse array classes). */
export type SparseKind = 'matrix' | 'array';

/** Every {@link SparseFormat}, in scipy's documentation order. */
export const SPARSE_FORMATS: readonly SparseFormat[] = Object.freeze([
  'csr',
  'csc',
  'coo',
  'bsr',
  'dia',
]);

export function isSparseFormat(value: unknown): value is SparseFormat {
  return typeof value === 'string' && (SPARSE_FORMATS as readonly string[]).includes(value);
}

/** The class scipy defines for a format and kind, e.g. `scipy.sparse._csr.csr_matrix`. */
export function sparseClassName(format: SparseFormat, kind: SparseKind): string {
  return `scipy.sparse._${format}.${format}_${kind}`;
}

/**
 * The format and kind a sparse class name stands for, whatever module it
 * was recorded under (`scipy.sparse._arrays.csr_array` on scipy 1.8–1.10,
 * `scipy.sparse._csr.csr_array` later, `scipy.sparse.csr.csr_matrix` before
 * 1.8), or undefined for any other class.
 */
export function parseSparseClass(
  className: string,
): { format: SparseFormat; kind: SparseKind } | undefined {
  const m = /^scipy\.sparse\.[A-Za-z_.]+\.(csr|csc|coo|bsr|dia)_(matrix|array)$/.exec(className);
  if (!m) return undefined;
  return { format: m[1] as SparseFormat, kind: m[2] as SparseKind };
}
