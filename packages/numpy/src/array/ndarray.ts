import { SkopsError } from '@skops-ts/core';
import { DType } from '../dtype/dtype.js';
import { HOST_LITTLE_ENDIAN, swapInPlace } from './byte-swap.js';
import { decodeElement, encodeElement } from './element-codec.js';
import { checkShape, contiguousStrides, forEachOffsetC, isContiguous, sizeOf } from './layout.js';

const BRAND = Symbol.for('skops-ts/numpy/NDArray');

/** The typed arrays `NDArray.data` may be. */
export type NDArrayData =
  | Int8Array
  | Uint8Array
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | BigInt64Array
  | BigUint64Array
  | Float32Array
  | Float64Array;

/** The Python class of an array: `numpy.ndarray` or the `numpy.matrix` subclass. */
export type NDArrayClass = 'numpy.ndarray' | 'numpy.matrix';

/** What {@link NDArray}'s constructor takes. */
export interface NDArrayInit {
  readonly dtype: DType;
  readonly shape: readonly number[];
  /** The bytes the elements live in, in the dtype's byte order. */
  readonly buffer: Uint8Array;
  /** Memory order of a contiguous array; ignored when `strides` is given. */
  readonly order?: 'C' | 'F';
  /** Byte strides, for views such as a structured field. */
  readonly strides?: readonly number[];
  /** Byte offset of the first element in `buffer`. */
  readonly offset?: number;
  readonly className?: NDArrayClass;
}

function unsupported(message: string): SkopsError {
  return new SkopsError('UNSUPPORTED_VALUE', message);
}

/**
 * A numpy array of any dtype `.npy` stores without pickle. Elements stay in
 * their bytes (with the stored byte order) and are decoded on access.
 */
export class NDArray {
  readonly [BRAND] = true;
  readonly dtype: DType;
  readonly shape: readonly number[];
  /** Byte step per axis. */
  readonly strides: readonly number[];
  /** Byte offset of the first element in {@link buffer}. */
  readonly offset: number;
  /** The underlying bytes (shared with views and, after loading, with the archive member). */
  readonly buffer: Uint8Array;
  readonly className: NDArrayClass;
  #data: NDArrayData | undefined;

  constructor(init: NDArrayInit) {
    let dtype = init.dtype;
    if (dtype.isObject)
      throw unsupported('An array of dtype object holds Python values: use NDObjectArray.');
    let shape = [...init.shape];
    checkShape(shape);
    let strides = init.strides
      ? [...init.strides]
      : contiguousStrides(shape, dtype.itemsize, init.order ?? 'C');
    if (strides.length !== shape.length)
      throw unsupported('An array needs one stride per dimension.');
    // numpy folds a sub-array dtype into the array's shape.
    while (dtype.subarray) {
      const { base, shape: sub } = dtype.subarray;
      strides = [...strides, ...contiguousStrides(sub, base.itemsize, 'C')];
      shape = [...shape, ...sub];
      dtype = base;
    }
    const offset = init.offset ?? 0;
    if (sizeOf(shape) > 0) {
      let low = offset;
      let high = offset + dtype.itemsize;
      shape.forEach((d, i) => {
        const reach = (d - 1) * (strides[i] ?? 0);
        if (reach < 0) low += reach;
        else high += reach;
      });
      if (low < 0 || high > init.buffer.length || !Number.isSafeInteger(high)) {
        throw unsupported(
          `The buffer holds ${init.buffer.length} bytes but shape (${shape.join(', ')}) of ${dtype.str} needs ${high}.`,
        );
      }
    }
    this.dtype = dtype;
    this.shape = Object.freeze(shape);
    this.strides = Object.freeze(strides);
    this.offset = offset;
    this.buffer = init.buffer;
    this.className = init.className ?? 'numpy.ndarray';
  }

  /**
   * An array of `dtype` from values: a flat C-order list when `shape` is
   * given, otherwise nested JavaScript arrays whose nesting is the shape.
   */
  static fromValues(dtype: DType | string, values: unknown, shape?: readonly number[]): NDArray {
    const dt = typeof dtype === 'string' ? DType.parse(dtype) : dtype;
    let flat: unknown[];
    let dims: number[];
    if (shape) {
      dims = [...shape];
      flat = values as unknown[];
    } else {
      dims = [];
      let level: unknown = values;
      while (Array.isArray(level)) {
        dims.push(level.length);
        level = level[0];
      }
      flat = dims.length ? (values as unknown[]).flat(dims.length - 1) : [values];
    }
    checkShape(dims);
    if (flat.length !== sizeOf(dims)) {
      throw unsupported(
        `${flat.length} values do not fill shape (${dims.join(', ')}); nested arrays must not be ragged.`,
      );
    }
    const buffer = new Uint8Array(flat.length * dt.itemsize);
    flat.forEach((x, i) => encodeElement(dt, x, buffer, i * dt.itemsize));
    return new NDArray({ dtype: dt, shape: dims, buffer });
  }

  /** A 1-D (or `shape`d, C-order) array over a typed array's memory, without copying. */
  static fromTypedArray(data: NDArrayData, shape?: readonly number[]): NDArray {
    const dtype = typedArrayDType(data);
    const buffer = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    return new NDArray({ dtype, shape: shape ?? [data.length], buffer });
  }

  get ndim(): number {
    return this.shape.length;
  }

  /** Number of elements. */
  get size(): number {
    return sizeOf(this.shape);
  }

  get nbytes(): number {
    return this.size * this.dtype.itemsize;
  }

  get isCContiguous(): boolean {
    return isContiguous(this.shape, this.strides, this.dtype.itemsize, 'C');
  }

  get isFContiguous(): boolean {
    return isContiguous(this.shape, this.strides, this.dtype.itemsize, 'F');
  }

  /** `F` for column-major data that is not also row-major (what `.npy` calls `fortran_order`), `C` otherwise. */
  get order(): 'C' | 'F' {
    return !this.isCContiguous && this.isFContiguous ? 'F' : 'C';
  }

  /**
   * The element bytes in {@link order}, as stored (byte order unchanged): a
   * view when the array is contiguous, else one C-order copy.
   */
  bytes(): Uint8Array {
    if (this.isCContiguous || this.isFContiguous) {
      return this.buffer.subarray(this.offset, this.offset + this.nbytes);
    }
    return this.#gatherC();
  }

  /** A fresh copy of the element bytes in C order. */
  #gatherC(): Uint8Array {
    const size = this.dtype.itemsize;
    const out = new Uint8Array(this.nbytes);
    let pos = 0;
    forEachOffsetC(this.shape, this.strides, this.offset, (o) => {
      out.set(this.buffer.subarray(o, o + size), pos);
      pos += size;
    });
    return out;
  }

  /**
   * The elements as a typed array in {@link order}: a view of the buffer when
   * the dtype is native-endian and the data contiguous and aligned, else one
   * copy. 64-bit ints and datetime64 / timedelta64 are BigInt64Array /
   * BigUint64Array, float16 the raw bits (Uint16Array), complex interleaved
   * real / imaginary parts; float128, complex256, U, S, V and structured
   * dtypes give their raw bytes (Uint8Array).
   */
  get data(): NDArrayData {
    this.#data ??= this.#makeData();
    return this.#data;
  }

  #makeData(): NDArrayData {
    const scalar = this.dtype.scalar;
    const Typed = scalar?.typedArray;
    const contiguous = this.isCContiguous || this.isFContiguous;
    const raw = this.bytes();
    if (!scalar || !Typed) return raw;
    const foreign = this.dtype.byteOrder === (HOST_LITTLE_ENDIAN ? '>' : '<');
    const aligned = raw.byteOffset % Typed.BYTES_PER_ELEMENT === 0;
    const length = raw.byteLength / Typed.BYTES_PER_ELEMENT;
    if (!foreign && aligned) return new Typed(raw.buffer as ArrayBuffer, raw.byteOffset, length);
    // bytes() shares memory only for contiguous arrays; never swap the caller's buffer.
    const own = contiguous ? raw.slice() : raw;
    if (foreign) swapInPlace(own, scalar.swapUnit);
    return new Typed(own.buffer as ArrayBuffer, own.byteOffset, length);
  }

  /** Byte offset of the element at `index` (negative indices count from the end). */
  #offsetOf(index: readonly number[]): number {
    if (index.length !== this.shape.length) {
      throw unsupported(
        `An index of a ${this.shape.length}-d array needs ${this.shape.length} numbers, got ${index.length}.`,
      );
    }
    let pos = this.offset;
    index.forEach((raw, axis) => {
      const d = this.shape[axis] ?? 0;
      const i = raw < 0 ? raw + d : raw;
      if (!Number.isInteger(i) || i < 0 || i >= d) {
        throw unsupported(`Index ${raw} is out of bounds for axis ${axis} with size ${d}.`);
      }
      pos += i * (this.strides[axis] ?? 0);
    });
    return pos;
  }

  /** One element (see {@link toArray} for the JavaScript types). */
  get(...index: number[]): unknown {
    return decodeElement(this.dtype, this.buffer, this.#offsetOf(index));
  }

  /**
   * numpy's `tolist()`: nested arrays of elements. bool -> boolean, ints up
   * to 32 bits and floats -> number, 64-bit ints and datetimes -> bigint,
   * complex -> PyComplex, U -> string, S / V -> Uint8Array, records -> PyTuple.
   * A 0-d array gives its element.
   *
   * Refuses (`LIMIT_EXCEEDED`) before building anything when the nested
   * lists and elements together would exceed `options.maxItems` (default
   * 2^27): a shape like (1, 2^31, 3, 0) holds no elements yet asks for
   * billions of empty lists.
   */
  toArray(options: { readonly maxItems?: number } = {}): unknown {
    const maxItems = options.maxItems ?? DEFAULT_MAX_ITEMS;
    const items = nestedItemCount(this.shape);
    if (items > maxItems) {
      throw new SkopsError(
        'LIMIT_EXCEEDED',
        `toArray of an array of shape (${this.shape.join(', ')}) would create ${items} JavaScript values (nested lists and elements), more than maxItems ${maxItems}. ` +
          'Read the elements with get() or the typed data instead, or pass toArray({ maxItems }) if you have the memory.',
      );
    }
    const flat: unknown[] = [];
    forEachOffsetC(this.shape, this.strides, this.offset, (o) =>
      flat.push(decodeElement(this.dtype, this.buffer, o)),
    );
    const build = (axis: number, start: number): [unknown, number] => {
      if (axis === this.shape.length) return [flat[start], start + 1];
      const out: unknown[] = [];
      let pos = start;
      for (let i = 0; i < (this.shape[axis] ?? 0); i++) {
        const [v, next] = build(axis + 1, pos);
        out.push(v);
        pos = next;
      }
      return [out, pos];
    };
    return build(0, 0)[0];
  }

  /** A view of one field of a structured array (no copy); sub-array fields add their dimensions. */
  field(name: string): NDArray {
    const f = this.dtype.field(name);
    return new NDArray({
      dtype: f.dtype,
      shape: this.shape,
      strides: this.strides,
      offset: this.offset + f.offset,
      buffer: this.buffer,
    });
  }

  /** The same elements with another shape (C order), or another class; views when contiguous. */
  reshape(shape: readonly number[], className: NDArrayClass = this.className): NDArray {
    checkShape(shape);
    if (sizeOf(shape) !== this.size) {
      throw unsupported(`Cannot reshape ${this.size} elements to (${shape.join(', ')}).`);
    }
    const contiguousC = this.isCContiguous;
    return new NDArray({
      dtype: this.dtype,
      shape,
      buffer: contiguousC ? this.buffer : this.#gatherC(),
      offset: contiguousC ? this.offset : 0,
      className,
    });
  }

  static is(value: unknown): value is NDArray {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[BRAND] === true
    );
  }
}

/** The dtype a typed array's elements have, in host byte order. */
export function typedArrayDType(data: ArrayBufferView): DType {
  const order = HOST_LITTLE_ENDIAN ? '<' : '>';
  const name = Object.prototype.toString.call(data).slice(8, -1);
  const table: Record<string, string> = {
    Int8Array: 'i1',
    Uint8Array: 'u1',
    Uint8ClampedArray: 'u1',
    Int16Array: 'i2',
    Uint16Array: 'u2',
    Int32Array: 'i4',
    Uint32Array: 'u4',
    BigInt64Array: 'i8',
    BigUint64Array: 'u8',
    Float32Array: 'f4',
    Float64Array: 'f8',
  };
  const code = table[name];
  if (!code) throw unsupported(`A ${name} has no numpy dtype.`);
  return DType.parse(`${order}${code}`);
}

const DEFAULT_MAX_ITEMS = 2 ** 27;

/** How many lists and elements `toArray` builds for a shape: each axis adds one list per index of the axes before it. */
function nestedItemCount(shape: readonly number[]): number {
  let lists = 0;
  let prefix = 1;
  for (const dim of shape) {
    lists += prefix;
    prefix *= dim;
    if (prefix === 0) break;
  }
  return lists + prefix;
}
