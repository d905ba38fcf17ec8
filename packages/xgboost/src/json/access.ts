import { SkopsError } from '@skops-ts/core';
import {
  isXgbObject,
  isXgbTypedArray,
  type XgbJson,
  type XgbJsonObject,
  type XgbTypedArray,
} from './xgb-json.js';

/** An INVALID_DATA error naming the member of the XGBoost document at fault. */
export function modelError(path: string, message: string): SkopsError {
  return new SkopsError('INVALID_DATA', `Malformed XGBoost model at ${path}: ${message}.`);
}

/** Typed reads of one object of the XGBoost document, with its path for errors. */
export class ModelReader {
  readonly object: XgbJsonObject;
  readonly path: string;

  constructor(object: XgbJsonObject, path: string) {
    this.object = object;
    this.path = path;
  }

  static of(value: XgbJson | undefined, path: string): ModelReader {
    if (!isXgbObject(value)) throw modelError(path, 'expected an object');
    return new ModelReader(value, path);
  }

  has(key: string): boolean {
    return this.object.has(key);
  }

  raw(key: string): XgbJson | undefined {
    return this.object.get(key);
  }

  child(key: string): ModelReader {
    return ModelReader.of(this.object.get(key), `${this.path}.${key}`);
  }

  optionalChild(key: string): ModelReader | undefined {
    return this.object.has(key) ? this.child(key) : undefined;
  }

  string(key: string): string {
    const value = this.object.get(key);
    if (typeof value !== 'string') throw modelError(`${this.path}.${key}`, 'expected a string');
    return value;
  }

  optionalString(key: string): string | undefined {
    return this.object.has(key) ? this.string(key) : undefined;
  }

  /** An integer stored as a number or as decimal text (XGBoost stores parameters as strings). */
  integer(key: string, fallback?: number): number {
    const value = this.object.get(key);
    if (value === undefined && fallback !== undefined) return fallback;
    const n =
      typeof value === 'bigint'
        ? Number(value)
        : typeof value === 'string' && /^-?[0-9]+$/.test(value)
          ? Number(value)
          : NaN;
    if (!Number.isSafeInteger(n)) throw modelError(`${this.path}.${key}`, 'expected an integer');
    return n;
  }

  array(key: string): readonly XgbJson[] | XgbTypedArray {
    const value = this.object.get(key);
    if (Array.isArray(value) || isXgbTypedArray(value))
      return value as readonly XgbJson[] | XgbTypedArray;
    throw modelError(`${this.path}.${key}`, 'expected an array');
  }

  optionalArray(key: string): readonly XgbJson[] | XgbTypedArray | undefined {
    return this.object.has(key) ? this.array(key) : undefined;
  }

  /** A numeric array as float32 values (XGBoost's `bst_float`). */
  float32s(key: string, length?: number): Float32Array {
    const arr = this.array(key);
    this.#checkLength(key, arr.length, length);
    if (arr instanceof Float32Array) return arr;
    const out = new Float32Array(arr.length);
    for (let i = 0; i < arr.length; i++) {
      const v = arr[i];
      if (typeof v === 'number') out[i] = v;
      else if (typeof v === 'bigint') out[i] = Number(v);
      else throw modelError(`${this.path}.${key}[${i}]`, 'expected a number');
    }
    return out;
  }

  /** An integer array within int32 range (node ids, feature indices, categories). */
  int32s(key: string, length?: number): Int32Array {
    const arr = this.array(key);
    this.#checkLength(key, arr.length, length);
    if (arr instanceof Int32Array) return arr;
    const out = new Int32Array(arr.length);
    for (let i = 0; i < arr.length; i++) {
      const v = arr[i];
      const n =
        typeof v === 'bigint' ? Number(v) : typeof v === 'number' && Number.isInteger(v) ? v : NaN;
      if (!(n >= -2147483648 && n <= 2147483647))
        throw modelError(`${this.path}.${key}[${i}]`, 'expected an int32 integer');
      out[i] = n;
    }
    return out;
  }

  /** Non-negative integers that fit a JavaScript number (sizes, offsets, 64-bit feature indices). */
  indices(key: string, length?: number): Float64Array {
    const arr = this.array(key);
    this.#checkLength(key, arr.length, length);
    const out = new Float64Array(arr.length);
    for (let i = 0; i < arr.length; i++) {
      const v = arr[i];
      const n =
        typeof v === 'bigint' ? Number(v) : typeof v === 'number' && Number.isInteger(v) ? v : NaN;
      if (!(n >= 0 && Number.isSafeInteger(n)))
        throw modelError(`${this.path}.${key}[${i}]`, 'expected a non-negative integer');
      out[i] = n;
    }
    return out;
  }

  /** 0/1 flags (`default_left`, `split_type`). */
  uint8s(key: string, length?: number): Uint8Array {
    const arr = this.array(key);
    this.#checkLength(key, arr.length, length);
    if (arr instanceof Uint8Array) return arr;
    const out = new Uint8Array(arr.length);
    for (let i = 0; i < arr.length; i++) {
      const v = arr[i];
      const n =
        typeof v === 'bigint'
          ? Number(v)
          : typeof v === 'boolean'
            ? Number(v)
            : typeof v === 'number'
              ? v
              : NaN;
      if (!(n >= 0 && n <= 255 && Number.isInteger(n)))
        throw modelError(`${this.path}.${key}[${i}]`, 'expected a byte');
      out[i] = n;
    }
    return out;
  }

  #checkLength(key: string, actual: number, expected: number | undefined): void {
    if (expected !== undefined && actual !== expected) {
      throw modelError(`${this.path}.${key}`, `expected ${expected} items, found ${actual}`);
    }
  }
}
