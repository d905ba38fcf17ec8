/** The element kinds numpy can write to `.npy` without pickle. */
export type ScalarKind = 'b' | 'i' | 'u' | 'f' | 'c' | 'U' | 'S' | 'V' | 'M' | 'm';

/** A typed-array constructor that `NDArray.data` may use. */
export type TypedArrayConstructor =
  | Int8ArrayConstructor
  | Uint8ArrayConstructor
  | Int16ArrayConstructor
  | Uint16ArrayConstructor
  | Int32ArrayConstructor
  | Uint32ArrayConstructor
  | BigInt64ArrayConstructor
  | BigUint64ArrayConstructor
  | Float32ArrayConstructor
  | Float64ArrayConstructor;

/** One row of the dtype table: what a (kind, itemsize) pair is and how it is stored. */
export interface ScalarType {
  readonly kind: ScalarKind;
  /** Bytes per element; 0 for the flexible kinds U, S and V (any size). */
  readonly itemsize: number;
  /**
   * Size of the unit that byte order applies to: the whole item for numbers,
   * each half of a complex, each UTF-32 code unit of a U string; 1 where
   * byte order does not apply (bool, 1-byte ints, S, V) and 0 for the x87
   * extended types, whose bytes are kept exactly as stored.
   */
  readonly swapUnit: number;
  /** Element type of `NDArray.data`; raw bytes (Uint8Array) when null. */
  readonly typedArray: TypedArrayConstructor | null;
  /** Scalar class name on numpy 1.x (`numpy.<name>`). */
  readonly numpy1Name: string;
  /** Scalar class name on numpy 2.x. */
  readonly numpy2Name: string;
  /** Other scalar class names numpy uses for the same element type. */
  readonly aliases: readonly string[];
}

const row = (
  kind: ScalarKind,
  itemsize: number,
  swapUnit: number,
  typedArray: TypedArrayConstructor | null,
  numpy1Name: string,
  numpy2Name = numpy1Name,
  aliases: readonly string[] = [],
): ScalarType =>
  Object.freeze({ kind, itemsize, swapUnit, typedArray, numpy1Name, numpy2Name, aliases });

/**
 * THE dtype table. Parsing, `dtype.str`, typed-array views, element access,
 * hashing and writing all read it, so a type is added in one place.
 */
export const SCALAR_TYPES: readonly ScalarType[] = Object.freeze([
  row('b', 1, 1, Uint8Array, 'bool_', 'bool'),
  row('i', 1, 1, Int8Array, 'int8'),
  row('i', 2, 2, Int16Array, 'int16'),
  row('i', 4, 4, Int32Array, 'int32'),
  row('i', 8, 8, BigInt64Array, 'int64', 'int64', ['longlong']),
  row('u', 1, 1, Uint8Array, 'uint8'),
  row('u', 2, 2, Uint16Array, 'uint16'),
  row('u', 4, 4, Uint32Array, 'uint32'),
  row('u', 8, 8, BigUint64Array, 'uint64', 'uint64', ['ulonglong']),
  row('f', 2, 2, Uint16Array, 'float16'),
  row('f', 4, 4, Float32Array, 'float32'),
  row('f', 8, 8, Float64Array, 'float64'),
  row('f', 16, 0, null, 'float128', 'longdouble'),
  row('c', 8, 4, Float32Array, 'complex64'),
  row('c', 16, 8, Float64Array, 'complex128'),
  row('c', 32, 0, null, 'complex256', 'clongdouble'),
  row('U', 0, 4, null, 'str_'),
  row('S', 0, 1, null, 'bytes_'),
  row('V', 0, 1, null, 'void'),
  row('M', 8, 8, BigInt64Array, 'datetime64'),
  row('m', 8, 8, BigInt64Array, 'timedelta64'),
]);

/** The table row of a kind and itemsize, or undefined when numpy has no such type. */
export function scalarType(kind: ScalarKind, itemsize: number): ScalarType | undefined {
  return SCALAR_TYPES.find((t) => t.kind === kind && (t.itemsize === 0 || t.itemsize === itemsize));
}

/** The table row of a numpy scalar class name (`float64`, `bool_`, `longdouble`, …). */
export function scalarTypeByName(name: string): ScalarType | undefined {
  return SCALAR_TYPES.find(
    (t) => t.numpy1Name === name || t.numpy2Name === name || t.aliases.includes(name),
  );
}

/** Datetime units numpy writes in `M8[...]` / `m8[...]`, with an optional multiplier. */
export const DATETIME_UNIT = /^(?:[1-9][0-9]*)?(?:Y|M|W|D|h|m|s|ms|us|ns|ps|fs|as)$/;
