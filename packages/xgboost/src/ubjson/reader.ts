import { LimitExceededError, SkopsError } from '@skops-ts/core';
import type { XgbJson, XgbTypedArray } from '../json/xgb-json.js';

/** Options of {@link decodeUbjson}. */
export interface UbjsonOptions {
  /** Container nesting depth at which decoding stops with a LIMIT_EXCEEDED error. */
  readonly maxDepth?: number;
}

const DEFAULT_MAX_DEPTH = 1_000;

/** Bytes per element of the fixed-size UBJSON number types. */
const FIXED_SIZE: Readonly<Record<string, number>> = { i: 1, U: 1, I: 2, l: 4, L: 8, d: 4, D: 8 };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** JSON number grammar, for the text of a high-precision (`H`) value. */
const JSON_NUMBER = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/;
const JSON_INTEGER = /^-?(?:0|[1-9][0-9]*)$/;

/**
 * Decodes Universal Binary JSON (draft 12, big-endian) as XGBoost writes it
 * for models and pickled boosters: optimized containers with `#` counts and
 * `$` element types (float32 / int arrays become typed arrays), int64 lengths.
 * Every count is checked against the bytes left before anything is allocated;
 * malformed input gives an INVALID_DATA {@link SkopsError}.
 */
export function decodeUbjson(bytes: Uint8Array, options: UbjsonOptions = {}): XgbJson {
  const reader = new UbjsonReader(bytes, options.maxDepth ?? DEFAULT_MAX_DEPTH);
  const value = reader.value(0);
  reader.expectEnd();
  return value;
}

class UbjsonReader {
  readonly #bytes: Uint8Array;
  readonly #view: DataView;
  readonly #maxDepth: number;
  #pos = 0;

  constructor(bytes: Uint8Array, maxDepth: number) {
    this.#bytes = bytes;
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.#maxDepth = maxDepth;
  }

  expectEnd(): void {
    while (this.#pos < this.#bytes.length && this.#bytes[this.#pos] === 0x4e /* N */) this.#pos++;
    if (this.#pos !== this.#bytes.length) {
      throw this.#fail(`${this.#bytes.length - this.#pos} trailing bytes after the document`);
    }
  }

  value(depth: number): XgbJson {
    let marker = this.#marker();
    while (marker === 'N') marker = this.#marker();
    return this.#typed(marker, depth);
  }

  #typed(marker: string, depth: number): XgbJson {
    switch (marker) {
      case 'Z':
        return null;
      case 'T':
        return true;
      case 'F':
        return false;
      case 'i':
      case 'U':
      case 'I':
      case 'l':
      case 'L':
        return this.#integer(marker);
      case 'd':
        return this.#view.getFloat32(this.#take(4), false);
      case 'D':
        return this.#view.getFloat64(this.#take(8), false);
      case 'C':
        return String.fromCharCode(this.#bytes[this.#take(1)] as number);
      case 'S':
        return this.#string();
      case 'H':
        return this.#highPrecision();
      case '[':
        return this.#array(depth + 1);
      case '{':
        return this.#object(depth + 1);
      default:
        throw this.#fail(`unknown type marker ${describeMarker(marker)}`, this.#pos - 1);
    }
  }

  #integer(marker: string): bigint {
    switch (marker) {
      case 'i':
        return BigInt(this.#view.getInt8(this.#take(1)));
      case 'U':
        return BigInt(this.#view.getUint8(this.#take(1)));
      case 'I':
        return BigInt(this.#view.getInt16(this.#take(2), false));
      case 'l':
        return BigInt(this.#view.getInt32(this.#take(4), false));
      case 'L':
        return this.#view.getBigInt64(this.#take(8), false);
      default:
        throw this.#fail(
          `expected an integer type marker, found ${describeMarker(marker)}`,
          this.#pos - 1,
        );
    }
  }

  /** A length or count: an integer of any width, at most the bytes left times `perItem`. */
  #count(what: string, bytesPerItem: number): number {
    const at = this.#pos;
    const n = this.#integer(this.#marker());
    if (n < 0n) throw this.#fail(`negative ${what} ${n}`, at);
    const left = BigInt(this.#bytes.length - this.#pos);
    if (n * BigInt(bytesPerItem) > left) {
      throw this.#fail(`${what} ${n} exceeds the ${left} bytes left`, at);
    }
    return Number(n);
  }

  #string(): string {
    const n = this.#count('string length', 1);
    const start = this.#take(n);
    try {
      return utf8.decode(this.#bytes.subarray(start, start + n));
    } catch (cause) {
      throw new SkopsError(
        'INVALID_DATA',
        `Malformed XGBoost UBJSON: invalid UTF-8 in the string at byte ${start}.`,
        { cause },
      );
    }
  }

  #highPrecision(): number | bigint {
    const at = this.#pos;
    const text = this.#string();
    if (!JSON_NUMBER.test(text))
      throw this.#fail(`high-precision number "${text.slice(0, 40)}" is not a number`, at);
    return JSON_INTEGER.test(text) ? BigInt(text) : Number(text);
  }

  #enter(depth: number): void {
    if (depth > this.#maxDepth) {
      throw new LimitExceededError(
        'maxDepth',
        depth,
        this.#maxDepth,
        'Nesting of the XGBoost UBJSON document',
      );
    }
  }

  /** Reads the optional `$type` and `#count` after `[` or `{`. */
  #header(): { type: string | undefined; count: number | undefined } {
    let type: string | undefined;
    if (this.#peek() === '$') {
      this.#pos++;
      type = this.#marker();
      if (this.#peek() !== '#') throw this.#fail('a typed container ($) must have a count (#)');
    }
    if (this.#peek() !== '#') return { type, count: undefined };
    this.#pos++;
    // Zero-byte element types (Z, T, F, N) could declare billions of items in a few bytes.
    const size =
      type === undefined ? 1 : (FIXED_SIZE[type] ?? (type === 'S' || type === 'H' ? 2 : 1));
    if (type === 'Z' || type === 'T' || type === 'F' || type === 'N') {
      throw this.#fail(
        `containers of the zero-size type ${describeMarker(type)} are not supported`,
      );
    }
    return { type, count: this.#count('container count', size) };
  }

  #array(depth: number): XgbJson {
    this.#enter(depth);
    const { type, count } = this.#header();
    if (type !== undefined && count !== undefined) {
      const typedArray = this.#typedArray(type, count);
      if (typedArray) return typedArray;
    }
    const items: XgbJson[] = [];
    if (count !== undefined) {
      for (let i = 0; i < count; i++)
        items.push(type === undefined ? this.value(depth) : this.#typed(type, depth));
      return items;
    }
    for (;;) {
      const next = this.#peek();
      if (next === ']') {
        this.#pos++;
        return items;
      }
      if (next === 'N') {
        this.#pos++;
        continue;
      }
      items.push(this.value(depth));
    }
  }

  #typedArray(type: string, count: number): XgbTypedArray | undefined {
    const size = FIXED_SIZE[type];
    if (size === undefined) return undefined;
    const start = this.#take(count * size);
    const view = this.#view;
    switch (type) {
      case 'd': {
        const out = new Float32Array(count);
        for (let i = 0; i < count; i++) out[i] = view.getFloat32(start + 4 * i, false);
        return out;
      }
      case 'D': {
        const out = new Float64Array(count);
        for (let i = 0; i < count; i++) out[i] = view.getFloat64(start + 8 * i, false);
        return out;
      }
      case 'i':
        return new Int8Array(this.#bytes.slice(start, start + count).buffer);
      case 'U':
        return this.#bytes.slice(start, start + count);
      case 'I': {
        const out = new Int16Array(count);
        for (let i = 0; i < count; i++) out[i] = view.getInt16(start + 2 * i, false);
        return out;
      }
      case 'l': {
        const out = new Int32Array(count);
        for (let i = 0; i < count; i++) out[i] = view.getInt32(start + 4 * i, false);
        return out;
      }
      default: {
        const out = new BigInt64Array(count);
        for (let i = 0; i < count; i++) out[i] = view.getBigInt64(start + 8 * i, false);
        return out;
      }
    }
  }

  #object(depth: number): XgbJson {
    this.#enter(depth);
    const { type, count } = this.#header();
    const out = new Map<string, XgbJson>();
    const entry = () => {
      const at = this.#pos;
      const key = this.#string();
      if (out.has(key)) throw this.#fail(`duplicate key "${key.slice(0, 60)}"`, at);
      out.set(key, type === undefined ? this.value(depth) : this.#typed(type, depth));
    };
    if (count !== undefined) {
      for (let i = 0; i < count; i++) entry();
      return out;
    }
    for (;;) {
      const next = this.#peek();
      if (next === '}') {
        this.#pos++;
        return out;
      }
      if (next === 'N') {
        this.#pos++;
        continue;
      }
      entry();
    }
  }

  #peek(): string {
    if (this.#pos >= this.#bytes.length) throw this.#fail('unexpected end of data');
    return String.fromCharCode(this.#bytes[this.#pos] as number);
  }

  #marker(): string {
    const marker = this.#peek();
    this.#pos++;
    return marker;
  }

  /** Consumes `n` bytes and returns where they start. */
  #take(n: number): number {
    if (n > this.#bytes.length - this.#pos) throw this.#fail('unexpected end of data');
    const start = this.#pos;
    this.#pos += n;
    return start;
  }

  #fail(message: string, at = this.#pos): SkopsError {
    return new SkopsError('INVALID_DATA', `Malformed XGBoost UBJSON: ${message} at byte ${at}.`);
  }
}

function describeMarker(marker: string): string {
  const code = marker.charCodeAt(0);
  return code >= 0x21 && code < 0x7f ? `"${marker}"` : `0x${code.toString(16).padStart(2, '0')}`;
}
