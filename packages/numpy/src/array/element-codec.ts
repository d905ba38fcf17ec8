import { PyComplex, PyTuple, SkopsError } from '@skops-ts/core';
import type { DType } from '../dtype/dtype.js';
import { extendedToNumber, halfToNumber, numberToExtended, numberToHalf } from './float-formats.js';

function unsupported(message: string): SkopsError {
  return new SkopsError('UNSUPPORTED_VALUE', message);
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function shapeSize(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

function nest(flat: unknown[], shape: readonly number[]): unknown {
  if (shape.length === 0) return flat[0];
  const [n = 0, ...rest] = shape;
  const step = shapeSize(rest);
  const out: unknown[] = [];
  for (let i = 0; i < n; i++) out.push(nest(flat.slice(i * step, (i + 1) * step), rest));
  return out;
}

function stripTrailingZeros(bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end--;
  return bytes.slice(0, end);
}

/**
 * The JavaScript value of one element, as numpy's `tolist()` gives it:
 * bool -> boolean; ints up to 32 bits -> number, 64-bit ints and
 * datetime64 / timedelta64 -> bigint; floats -> number; complex ->
 * PyComplex; U -> string; S -> bytes without trailing NULs; V -> bytes;
 * structured -> PyTuple of the fields; sub-array -> nested arrays.
 */
export function decodeElement(dtype: DType, bytes: Uint8Array, offset: number): unknown {
  if (dtype.subarray) {
    const { base, shape } = dtype.subarray;
    const flat: unknown[] = [];
    for (let i = 0; i < shapeSize(shape); i++)
      flat.push(decodeElement(base, bytes, offset + i * base.itemsize));
    return nest(flat, shape);
  }
  if (dtype.fields) {
    return new PyTuple(dtype.fields.map((f) => decodeElement(f.dtype, bytes, offset + f.offset)));
  }
  const le = dtype.byteOrder !== '>';
  const v = view(bytes);
  const size = dtype.itemsize;
  switch (dtype.kind) {
    case 'b':
      return v.getUint8(offset) !== 0;
    case 'i':
      if (size === 1) return v.getInt8(offset);
      if (size === 2) return v.getInt16(offset, le);
      if (size === 4) return v.getInt32(offset, le);
      return v.getBigInt64(offset, le);
    case 'u':
      if (size === 1) return v.getUint8(offset);
      if (size === 2) return v.getUint16(offset, le);
      if (size === 4) return v.getUint32(offset, le);
      return v.getBigUint64(offset, le);
    case 'f':
      return decodeFloat(bytes, v, offset, size, le);
    case 'c':
      return new PyComplex(
        decodeFloat(bytes, v, offset, size / 2, le),
        decodeFloat(bytes, v, offset + size / 2, size / 2, le),
      );
    case 'M':
    case 'm':
      return v.getBigInt64(offset, le);
    case 'U': {
      let out = '';
      let end = size / 4;
      while (end > 0 && v.getUint32(offset + (end - 1) * 4, le) === 0) end--;
      for (let i = 0; i < end; i++) {
        const code = v.getUint32(offset + i * 4, le);
        if (code > 0x10ffff) {
          throw new SkopsError(
            'INVALID_DATA',
            `A U string holds the invalid code point 0x${code.toString(16)}.`,
          );
        }
        out += String.fromCodePoint(code);
      }
      return out;
    }
    case 'S':
      return stripTrailingZeros(bytes.subarray(offset, offset + size));
    case 'V':
      return bytes.slice(offset, offset + size);
  }
}

function decodeFloat(
  bytes: Uint8Array,
  v: DataView,
  offset: number,
  size: number,
  le: boolean,
): number {
  if (size === 2) return halfToNumber(v.getUint16(offset, le));
  if (size === 4) return v.getFloat32(offset, le);
  if (size === 8) return v.getFloat64(offset, le);
  if (le) return extendedToNumber(bytes, offset);
  return extendedToNumber(bytes.slice(offset, offset + 16).reverse(), 0);
}

function toBigInt(value: unknown, what: string): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
  if (typeof value === 'boolean') return value ? 1n : 0n;
  throw unsupported(
    `Cannot store ${String(value)} in ${what}: it needs an integer (number or bigint).`,
  );
}

function toNumber(value: unknown, what: string): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  throw unsupported(`Cannot store ${String(value)} in ${what}: it needs a number.`);
}

function encodeFloat(
  x: number,
  bytes: Uint8Array,
  v: DataView,
  offset: number,
  size: number,
  le: boolean,
): void {
  if (size === 2) v.setUint16(offset, numberToHalf(x), le);
  else if (size === 4) v.setFloat32(offset, x, le);
  else if (size === 8) v.setFloat64(offset, x, le);
  else {
    numberToExtended(x, bytes, offset);
    if (!le) bytes.subarray(offset, offset + 16).reverse();
  }
}

/** Writes one element (the inverse of {@link decodeElement}; also accepts numbers for ints and records as objects). */
export function encodeElement(
  dtype: DType,
  value: unknown,
  bytes: Uint8Array,
  offset: number,
): void {
  if (dtype.subarray) {
    const { base, shape } = dtype.subarray;
    const flat = [value].flat(shape.length) as unknown[];
    if (flat.length !== shapeSize(shape))
      throw unsupported(`A sub-array field needs ${shapeSize(shape)} values.`);
    flat.forEach((x, i) => encodeElement(base, x, bytes, offset + i * base.itemsize));
    return;
  }
  if (dtype.fields) {
    const items = PyTuple.is(value) ? value.items : Array.isArray(value) ? value : null;
    dtype.fields.forEach((f, i) => {
      const x = items ? items[i] : (value as Record<string, unknown> | null)?.[f.name];
      if (x === undefined)
        throw unsupported(`The record has no value for field ${JSON.stringify(f.name)}.`);
      encodeElement(f.dtype, x, bytes, offset + f.offset);
    });
    return;
  }
  const le = dtype.byteOrder !== '>';
  const v = view(bytes);
  const size = dtype.itemsize;
  const what = `a ${dtype.str} element`;
  switch (dtype.kind) {
    case 'b':
      v.setUint8(offset, value ? 1 : 0);
      return;
    case 'i':
    case 'u': {
      const n = toBigInt(value, what);
      const bits = BigInt(size * 8);
      const min = dtype.kind === 'i' ? -(1n << (bits - 1n)) : 0n;
      const max = dtype.kind === 'i' ? (1n << (bits - 1n)) - 1n : (1n << bits) - 1n;
      if (n < min || n > max) throw unsupported(`${n} does not fit in ${what}.`);
      if (size === 8) v.setBigUint64(offset, BigInt.asUintN(64, n), le);
      else if (size === 4) v.setUint32(offset, Number(BigInt.asUintN(32, n)), le);
      else if (size === 2) v.setUint16(offset, Number(BigInt.asUintN(16, n)), le);
      else v.setUint8(offset, Number(BigInt.asUintN(8, n)));
      return;
    }
    case 'f':
      encodeFloat(toNumber(value, what), bytes, v, offset, size, le);
      return;
    case 'c': {
      const [re, im] = PyComplex.is(value) ? [value.real, value.imag] : [toNumber(value, what), 0];
      encodeFloat(re, bytes, v, offset, size / 2, le);
      encodeFloat(im, bytes, v, offset + size / 2, size / 2, le);
      return;
    }
    case 'M':
    case 'm':
      v.setBigInt64(offset, BigInt.asIntN(64, toBigInt(value, what)), le);
      return;
    case 'U': {
      if (typeof value !== 'string') throw unsupported(`${what} needs a string.`);
      const codes = Array.from(value, (ch) => ch.codePointAt(0) ?? 0);
      if (codes.length * 4 > size)
        throw unsupported(`${JSON.stringify(value)} is longer than ${what} holds.`);
      bytes.fill(0, offset, offset + size);
      codes.forEach((c, i) => v.setUint32(offset + i * 4, c, le));
      return;
    }
    case 'S':
    case 'V': {
      let data: Uint8Array;
      if (value instanceof Uint8Array) data = value;
      else if (dtype.kind === 'S' && typeof value === 'string' && isAscii(value)) {
        data = Uint8Array.from(value, (ch) => ch.charCodeAt(0));
      } else
        throw unsupported(
          `${what} needs bytes (a Uint8Array${dtype.kind === 'S' ? ' or an ASCII string' : ''}).`,
        );
      if (data.length > size)
        throw unsupported(`${data.length} bytes are more than ${what} holds.`);
      bytes.fill(0, offset, offset + size);
      bytes.set(data, offset);
      return;
    }
  }
}

/** True when every character is ASCII (what numpy.bytes_ accepts from a str). */
export function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}
