import { DEFAULT_LIMITS, memorySource, openArchive, type Limits } from '@skops-ts/core';
import { readNpy, type NDArray } from '@skops-ts/numpy';
import {
  isSparseFormat,
  parseSparseClass,
  sparseClassName,
  type SparseFormat,
} from '../sparse/formats.js';
import { indexValues } from '../sparse/index-values.js';
import { SparseValidationError } from '../sparse/sparse-error.js';
import { SparseMatrix } from '../sparse/sparse-matrix.js';

/** Options of {@link readSparseNpz}. */
export interface ReadSparseNpzOptions {
  readonly limits?: Limits;
  /** The class the schema names (kept for the round trip when it matches the `.npz` format). */
  readonly className?: string;
  /** Schema path to report in errors. */
  readonly path?: string;
}

function formatOf(array: NDArray | undefined): SparseFormat {
  const value = array?.ndim === 0 ? array.toArray() : undefined;
  const text =
    value instanceof Uint8Array
      ? String.fromCharCode(...value)
      : typeof value === 'string'
        ? value
        : undefined;
  if (text === undefined)
    throw new SparseValidationError('format', 'the .npz has no 0-d `format` string array.');
  if (!isSparseFormat(text))
    throw new SparseValidationError(
      'format',
      `unknown matrix format ${JSON.stringify(text)}; scipy saves csr, csc, coo, bsr and dia.`,
    );
  return text;
}

/**
 * The members of a `.npz` (a zip inside the skops archive), read with the
 * core archive reader, so the same limits, CRC checks and refusals apply.
 */
export async function readNpzMembers(
  bytes: Uint8Array,
  limits: Limits = DEFAULT_LIMITS,
): Promise<Map<string, Uint8Array>> {
  const archive = await openArchive(memorySource(bytes), { limits });
  try {
    const members = new Map<string, Uint8Array>();
    for (const { name } of archive.entries) members.set(name, await archive.read(name));
    return members;
  } finally {
    await archive.close();
  }
}

/**
 * Reads a `.npz` written by `scipy.sparse.save_npz` (what a SparseMatrixNode
 * member holds) as `scipy.sparse.load_npz` does, but without pickle and with
 * full validation. Members and arrays are checked against the limits before
 * they are allocated.
 */
export async function readSparseNpz(
  bytes: Uint8Array,
  options: ReadSparseNpzOptions = {},
): Promise<SparseMatrix> {
  try {
    return sparseFromNpzMembers(await readNpzMembers(bytes, options.limits), options);
  } catch (error) {
    throw options.path && SparseValidationError.is(error) && !error.path
      ? error.at(options.path)
      : error;
  }
}

/** {@link readSparseNpz} on members already read. */
export function sparseFromNpzMembers(
  members: ReadonlyMap<string, Uint8Array>,
  options: ReadSparseNpzOptions = {},
): SparseMatrix {
  const limits = options.limits ?? DEFAULT_LIMITS;
  const { path } = options;
  try {
    const array = (key: string): NDArray | undefined => {
      const member = members.get(`${key}.npy`) ?? members.get(key);
      return member ? readNpy(member, { limits, path }) : undefined;
    };
    const required = (key: string): NDArray =>
      array(key) ??
      (() => {
        throw new SparseValidationError('format', `the .npz has no \`${key}\` array.`);
      })();
    const format = formatOf(array('format'));
    const shape = Array.from(indexValues(required('shape'), 'shape'));
    const data = required('data');
    const parsed = options.className ? parseSparseClass(options.className) : undefined;
    const className =
      parsed?.format === format ? (options.className as string) : sparseClassName(format, 'matrix');
    const common = { format, shape, data, className, storage: 'npz' as const };
    switch (format) {
      case 'coo':
        return new SparseMatrix({ ...common, coords: [required('row'), required('col')] });
      case 'dia':
        return new SparseMatrix({ ...common, offsets: required('offsets') });
      default:
        return new SparseMatrix({
          ...common,
          indices: required('indices'),
          indptr: required('indptr'),
        });
    }
  } catch (error) {
    throw path && SparseValidationError.is(error) && !error.path ? error.at(path) : error;
  }
}
