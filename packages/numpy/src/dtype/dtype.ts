import { SkopsError } from '@skops-ts/core';
import { DATETIME_UNIT, scalarType, type ScalarKind, type ScalarType } from './scalar-types.js';

const BRAND = Symbol.for('skops-ts/numpy/DType');

/** An element kind: a {@link ScalarKind}, or `O` for numpy's object dtype. */
export type DTypeKind = ScalarKind | 'O';

/** `<` little-endian, `>` big-endian, `|` not applicable (bytes, bool, strings of bytes). */
export type ByteOrder = '<' | '>' | '|';

/** A named field of a structured dtype. */
export interface DTypeField {
  readonly name: string;
  /** numpy field title, if the dtype was built with `(title, name)` pairs. */
  readonly title: string | null;
  readonly dtype: DType;
  /** Byte offset of the field inside one item. */
  readonly offset: number;
}

/** The element type and shape of a sub-array dtype (`('<f8', (2, 3))`). */
export interface SubArray {
  readonly base: DType;
  readonly shape: readonly number[];
}

const FLEXIBLE: ReadonlySet<ScalarKind> = new Set(['U', 'S', 'V']);
const SINGLE_BYTE_ORDER: ReadonlySet<ScalarKind> = new Set(['b', 'S', 'V']);

function invalid(message: string): SkopsError {
  return new SkopsError('INVALID_DATA', message);
}

/**
 * A numpy dtype: a scalar type with its byte order, a structured type with
 * named fields at byte offsets (unnamed padding is not a field), or a
 * sub-array type (only as a field). `str` is numpy's `dtype.str`.
 */
export class DType {
  readonly [BRAND] = true;
  /** Element kind; `V` for structured and sub-array dtypes, `O` for the object dtype. */
  readonly kind: DTypeKind;
  readonly byteOrder: ByteOrder;
  readonly itemsize: number;
  /** Datetime / timedelta unit (`ns`, `25s`); `''` for generic `M8`; null for other kinds. */
  readonly unit: string | null;
  /** Named fields in order, or null for a non-structured dtype. */
  readonly fields: readonly DTypeField[] | null;
  readonly subarray: SubArray | null;

  private constructor(
    kind: DTypeKind,
    byteOrder: ByteOrder,
    itemsize: number,
    unit: string | null,
    fields: readonly DTypeField[] | null,
    subarray: SubArray | null,
  ) {
    this.kind = kind;
    this.byteOrder = byteOrder;
    this.itemsize = itemsize;
    this.unit = unit;
    this.fields = fields;
    this.subarray = subarray;
  }

  /**
   * A scalar dtype from numpy's type string (`<f8`, `|b1`, `>i4`, `<U5`,
   * `|S3`, `<M8[ns]`). `=` and a missing order mean native (little-endian).
   */
  static parse(typestr: string): DType {
    const m = /^([<>|=]?)([biufcUSVMm])([0-9]+)(?:\[([^\]]*)\])?$/.exec(typestr);
    if (!m) {
      if (/^[<>|=]?O[0-9]*$/.test(typestr)) {
        throw invalid(
          `The dtype ${JSON.stringify(typestr)} is numpy's object dtype, which .npy stores only with pickle; ` +
            'skops never writes it (object arrays are stored as JSON), so the file was not written by skops.',
        );
      }
      throw invalid(`Unsupported numpy dtype ${JSON.stringify(typestr)}.`);
    }
    const [, order = '', kindChar, sizeText = '', unitText] = m;
    const kind = kindChar as ScalarKind;
    const count = Number(sizeText);
    if (!Number.isSafeInteger(count))
      throw invalid(`Item size of dtype ${JSON.stringify(typestr)} is too large.`);
    const itemsize = kind === 'U' ? count * 4 : count;
    if (!Number.isSafeInteger(itemsize))
      throw invalid(`Item size of dtype ${JSON.stringify(typestr)} is too large.`);
    if (!FLEXIBLE.has(kind) && !scalarType(kind, itemsize)) {
      throw invalid(
        `numpy has no dtype ${JSON.stringify(typestr)} (kind ${kind} with ${itemsize} bytes).`,
      );
    }
    let unit: string | null = null;
    if (kind === 'M' || kind === 'm') {
      unit = unitText ?? '';
      if (unit !== '' && !DATETIME_UNIT.test(unit)) {
        throw invalid(`Unknown datetime unit in dtype ${JSON.stringify(typestr)}.`);
      }
    } else if (unitText !== undefined) {
      throw invalid(`Unsupported numpy dtype ${JSON.stringify(typestr)}.`);
    }
    return new DType(
      kind,
      DType.#normaliseOrder(kind, itemsize, order),
      itemsize,
      unit,
      null,
      null,
    );
  }

  /** A scalar dtype by kind and itemsize (bytes; for `U`, 4 per character). */
  static of(
    kind: ScalarKind,
    itemsize: number,
    byteOrder: ByteOrder = '<',
    unit: string | null = null,
  ): DType {
    if (kind === 'U' && itemsize % 4 !== 0)
      throw invalid(`A U dtype needs a multiple of 4 bytes, got ${itemsize}.`);
    const spec = kind === 'U' ? `${itemsize / 4}` : `${itemsize}`;
    const unitPart = (kind === 'M' || kind === 'm') && unit ? `[${unit}]` : '';
    return DType.parse(`${byteOrder}${kind}${spec}${unitPart}`);
  }

  /**
   * A structured dtype. Offsets default to packed (each field after the
   * previous one); `itemsize` defaults to the end of the last field.
   */
  static structured(
    fields: readonly { name: string; dtype: DType; offset?: number; title?: string | null }[],
    itemsize?: number,
  ): DType {
    const out: DTypeField[] = [];
    const seen = new Set<string>();
    let end = 0;
    let packed = 0;
    for (const f of fields) {
      if (seen.has(f.name))
        throw invalid(`The structured dtype repeats the field name ${JSON.stringify(f.name)}.`);
      seen.add(f.name);
      if (f.dtype.isObject) {
        throw invalid(
          `The field ${JSON.stringify(f.name)} holds objects, which a structured dtype skops can write cannot.`,
        );
      }
      const offset = f.offset ?? packed;
      if (!Number.isSafeInteger(offset) || offset < 0)
        throw invalid(`Invalid offset ${offset} of field ${f.name}.`);
      out.push(Object.freeze({ name: f.name, title: f.title ?? null, dtype: f.dtype, offset }));
      packed = offset + f.dtype.itemsize;
      end = Math.max(end, packed);
    }
    const size = itemsize ?? end;
    if (!Number.isSafeInteger(size) || size < end) {
      throw invalid(
        `The structured dtype's itemsize ${size} is smaller than its fields (${end} bytes).`,
      );
    }
    return new DType('V', '|', size, null, Object.freeze(out), null);
  }

  /**
   * numpy's object dtype (`dtype('O')`, `dtype.str` `|O`): a pointer per
   * item. `parse` refuses it, since `.npy` stores it only with pickle; skops
   * stores object arrays as JSON, and this dtype on its own as a DTypeNode
   * around an empty object array.
   */
  static object(): DType {
    return new DType('O', '|', 8, null, null, null);
  }

  /** A sub-array dtype: `shape` elements of `base` per item. */
  static subarrayOf(base: DType, shape: readonly number[]): DType {
    if (base.isObject)
      throw invalid('A sub-array dtype of objects has no storage skops can write.');
    let count = 1;
    for (const d of shape) {
      if (!Number.isSafeInteger(d) || d < 0) throw invalid(`Invalid sub-array dimension ${d}.`);
      count *= d;
    }
    const size = count * base.itemsize;
    if (!Number.isSafeInteger(size)) throw invalid('The sub-array dtype is too large.');
    return new DType(
      'V',
      '|',
      size,
      null,
      null,
      Object.freeze({ base, shape: Object.freeze([...shape]) }),
    );
  }

  static #normaliseOrder(kind: ScalarKind, itemsize: number, order: string): ByteOrder {
    if (SINGLE_BYTE_ORDER.has(kind) || ((kind === 'i' || kind === 'u') && itemsize === 1))
      return '|';
    return order === '>' ? '>' : '<';
  }

  /** The table row of a scalar dtype; undefined for structured and sub-array dtypes. */
  get scalar(): ScalarType | undefined {
    if (this.fields || this.subarray || this.kind === 'O') return undefined;
    return scalarType(this.kind, this.itemsize);
  }

  /** True for numpy's object dtype. */
  get isObject(): boolean {
    return this.kind === 'O';
  }

  get isStructured(): boolean {
    return this.fields !== null;
  }

  /** Field names in order (numpy `dtype.names`), or null. */
  get names(): readonly string[] | null {
    return this.fields ? this.fields.map((f) => f.name) : null;
  }

  /** numpy's `dtype.str`: `<f8`, `|b1`, `<U5`, `<M8[ns]`, `|V64` for a structured dtype. */
  get str(): string {
    if (this.fields || this.subarray) return `|V${this.itemsize}`;
    if (this.kind === 'O') return '|O';
    const size = this.kind === 'U' ? this.itemsize / 4 : this.itemsize;
    const unit = this.unit ? `[${this.unit}]` : '';
    return `${this.byteOrder}${this.kind}${size}${unit}`;
  }

  /** The field called `name`; throws when there is none. */
  field(name: string): DTypeField {
    const f = this.fields?.find((x) => x.name === name);
    if (!f) {
      throw new SkopsError(
        'UNSUPPORTED_VALUE',
        `The dtype ${this.toString()} has no field ${JSON.stringify(name)}.`,
      );
    }
    return f;
  }

  /** True when both describe the same memory layout and names. */
  equals(other: DType): boolean {
    if (this.str !== other.str || this.itemsize !== other.itemsize) return false;
    if (this.subarray || other.subarray) {
      return (
        !!this.subarray &&
        !!other.subarray &&
        this.subarray.shape.join(',') === other.subarray.shape.join(',') &&
        this.subarray.base.equals(other.subarray.base)
      );
    }
    if (this.fields || other.fields) {
      if (!this.fields || !other.fields || this.fields.length !== other.fields.length) return false;
      return this.fields.every((f, i) => {
        const g = other.fields?.[i];
        return (
          !!g &&
          f.name === g.name &&
          f.title === g.title &&
          f.offset === g.offset &&
          f.dtype.equals(g.dtype)
        );
      });
    }
    return true;
  }

  /** A readable form: the type string, or the field list for structured dtypes. */
  toString(): string {
    if (this.subarray)
      return `(${this.subarray.base.toString()}, (${this.subarray.shape.join(', ')}))`;
    if (this.fields)
      return `[${this.fields.map((f) => `(${f.name}, ${f.dtype.toString()})`).join(', ')}]`;
    return this.str;
  }

  static is(value: unknown): value is DType {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[BRAND] === true
    );
  }
}
