import { SkopsError } from '@skops-ts/core';
import { NDArray } from '../array/ndarray.js';
import { DType } from '../dtype/dtype.js';
import { scalarTypeByName } from '../dtype/scalar-types.js';

const BRAND = Symbol.for('skops-ts/numpy/NpScalar');

/**
 * A numpy scalar (`numpy.float64(1.5)`, `numpy.int64(3)`, `numpy.str_("a")`):
 * its class name and a 0-d array holding the value, so that it keeps its
 * class and exact dtype through a round trip.
 */
export class NpScalar {
  readonly [BRAND] = true;
  /** Class name in module `numpy`, e.g. `float64`, `bool_` (numpy 1) or `bool` (numpy 2). */
  readonly name: string;
  /** The value as a 0-d array. */
  readonly array: NDArray;

  constructor(name: string, array: NDArray) {
    if (array.ndim !== 0) {
      throw new SkopsError(
        'UNSUPPORTED_VALUE',
        `A numpy scalar holds a 0-d array, got shape (${array.shape.join(', ')}).`,
      );
    }
    const expected = scalarTypeByName(name);
    if (!expected)
      throw new SkopsError('UNSUPPORTED_VALUE', `numpy.${name} is not a numpy scalar type.`);
    const actual = array.dtype.fields ? 'V' : array.dtype.kind;
    if (
      expected.kind !== actual ||
      (expected.itemsize !== 0 && expected.itemsize !== array.dtype.itemsize)
    ) {
      throw new SkopsError(
        'INVALID_DATA',
        `A numpy.${name} scalar cannot hold an array of dtype ${array.dtype.str}.`,
      );
    }
    this.name = name;
    this.array = array;
  }

  /**
   * A scalar of class `numpy.<name>` from a JavaScript value. `dtype` is
   * needed for the sized kinds (`str_`, `bytes_`, `void`, `datetime64`,
   * `timedelta64`); otherwise the class decides it (little-endian).
   */
  static of(name: string, value: unknown, dtype?: DType | string): NpScalar {
    let dt: DType;
    if (dtype !== undefined) dt = typeof dtype === 'string' ? DType.parse(dtype) : dtype;
    else {
      const t = scalarTypeByName(name);
      if (!t)
        throw new SkopsError('UNSUPPORTED_VALUE', `numpy.${name} is not a numpy scalar type.`);
      if (t.kind === 'U' && typeof value === 'string') dt = DType.of('U', [...value].length * 4);
      else if (t.kind === 'S' && (typeof value === 'string' || value instanceof Uint8Array)) {
        dt = DType.of('S', value.length);
      } else if (t.itemsize === 0 || t.kind === 'M' || t.kind === 'm') {
        throw new SkopsError('UNSUPPORTED_VALUE', `numpy.${name} needs an explicit dtype.`);
      } else dt = DType.of(t.kind, t.itemsize);
    }
    return new NpScalar(name, NDArray.fromValues(dt, [value], []));
  }

  /** `numpy.<name>`. */
  get className(): string {
    return `numpy.${this.name}`;
  }

  get dtype(): DType {
    return this.array.dtype;
  }

  /** The value as JavaScript (see `NDArray.toArray` for the types). */
  get value(): unknown {
    return this.array.get();
  }

  static is(value: unknown): value is NpScalar {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[BRAND] === true
    );
  }
}
