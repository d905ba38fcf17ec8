import { PyDict, PyObject, PyTuple, SkopsError } from '@skops-ts/core';
import { NDArray } from '@skops-ts/numpy';

/**
 * An INVALID_DATA error for a value whose indices cannot be trusted; `what`
 * names the object so the user knows which part of the file is broken.
 */
export function invalid(message: string, what: string, path: string | undefined): SkopsError {
  return new SkopsError(
    'INVALID_DATA',
    `${message} The ${what} is corrupted or was crafted; do not use this file.`,
    path ? { path } : {},
  );
}

/** The JSON path of the schema node holding a dict state's `key` (ObjectNode > DictNode > key). */
export const dictKeyPath = (path: string, key: string): string =>
  `${path}.content.content[${JSON.stringify(key)}]`;

/** The JSON path of item `index` of a tuple or list state (ObjectNode > TupleNode > item). */
export const itemPath = (path: string, index: number): string =>
  `${path}.content.content[${index}]`;

/** A short account of a value for error messages. */
export function kindOf(value: unknown): string {
  if (typeof value === 'bigint') return value.toString();
  if (value === null) return 'None';
  if (value === undefined) return 'nothing';
  if (NDArray.is(value))
    return `an array of dtype ${value.dtype.str} and shape (${value.shape.join(', ')})`;
  if (PyTuple.is(value)) return `a tuple of ${value.length}`;
  if (PyDict.is(value)) return 'a dict';
  if (PyObject.is(value)) return `a ${value.module}.${value.name} object`;
  if (Array.isArray(value)) return `a list of ${value.length}`;
  return typeof value;
}

/** A Python int as a safe integer >= `min`. */
export function intValue(
  value: unknown,
  name: string,
  what: string,
  path: string | undefined,
  min = 0,
): number {
  if (typeof value !== 'bigint' || value < BigInt(min) || value > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw invalid(`${name} must be an int >= ${min}, got ${kindOf(value)}.`, what, path);
  }
  return Number(value);
}

/** True for a plain integer dtype (no fields, no sub-array). */
export function isIntegerArray(value: NDArray): boolean {
  return (
    (value.dtype.kind === 'i' || value.dtype.kind === 'u') &&
    value.dtype.fields === null &&
    value.dtype.subarray === null
  );
}

/** True for a plain float dtype of 4 or 8 bytes. */
export function isFloatArray(value: NDArray): boolean {
  return (
    value.dtype.kind === 'f' &&
    (value.dtype.itemsize === 4 || value.dtype.itemsize === 8) &&
    value.dtype.subarray === null
  );
}

/**
 * The elements of an integer array in C order as numbers. 64-bit values
 * beyond 2^53 lose precision but stay far outside any valid index range, so
 * range checks on the result remain exact.
 */
export function integers(array: NDArray): Float64Array {
  const c = array.isCContiguous ? array : array.reshape(array.shape);
  const data = c.data as ArrayLike<number | bigint>;
  const out = new Float64Array(c.size);
  for (let i = 0; i < out.length; i++) out[i] = Number(data[i]);
  return out;
}

/**
 * A named integer field of a 1-D structured array, as numbers. Refuses a
 * missing field or one that is not a plain integer (a crafted dtype could
 * declare a float or sub-array there).
 */
export function intField(
  records: NDArray,
  name: string,
  what: string,
  path: string | undefined,
  required = true,
): Float64Array | undefined {
  const field = records.dtype.fields?.find((f) => f.name === name);
  if (!field) {
    if (!required) return undefined;
    throw invalid(`The ${what}'s records need an integer field "${name}".`, what, path);
  }
  if (
    !['i', 'u', 'b'].includes(field.dtype.kind) ||
    field.dtype.fields !== null ||
    field.dtype.subarray !== null
  ) {
    throw invalid(
      `The field "${name}" must be a plain integer, got dtype ${field.dtype.str}.`,
      what,
      path,
    );
  }
  const column = records.field(name);
  if (field.dtype.kind === 'b') return Float64Array.from(column.data as Uint8Array);
  return integers(column);
}

/** A named float field of a 1-D structured array, as numbers (undefined when absent). */
export function floatField(
  records: NDArray,
  name: string,
  what: string,
  path: string | undefined,
): Float64Array | undefined {
  const field = records.dtype.fields?.find((f) => f.name === name);
  if (!field) return undefined;
  if (
    field.dtype.kind !== 'f' ||
    field.dtype.subarray !== null ||
    (field.dtype.itemsize !== 4 && field.dtype.itemsize !== 8)
  ) {
    throw invalid(
      `The field "${name}" must be float32 or float64, got dtype ${field.dtype.str}.`,
      what,
      path,
    );
  }
  const column = records.field(name);
  return Float64Array.from(column.data as ArrayLike<number>);
}

/** A 1-D structured array, or an error. */
export function records(
  value: unknown,
  name: string,
  what: string,
  path: string | undefined,
): NDArray {
  if (!NDArray.is(value) || value.ndim !== 1 || value.dtype.fields === null) {
    throw invalid(`${name} must be a 1-D structured array, got ${kindOf(value)}.`, what, path);
  }
  return value;
}

/** The items of a tuple or list state. */
export function sequenceItems(value: unknown): readonly unknown[] | undefined {
  if (PyTuple.is(value)) return value.items;
  if (Array.isArray(value)) return value;
  return undefined;
}
