import { PyTuple, SkopsError } from '@skops-ts/core';
import { checkShape, sizeOf } from '../array/layout.js';

const BRAND = Symbol.for('skops-ts/numpy/NDObjectArray');

/**
 * A numpy array of dtype object: arbitrary Python values in C order. skops
 * stores these as JSON content nodes, never as `.npy`.
 */
export class NDObjectArray {
  readonly [BRAND] = true;
  readonly shape: readonly number[];
  /** The elements in C (row-major) order. */
  readonly items: readonly unknown[];

  constructor(items: readonly unknown[], shape: readonly number[] = [items.length]) {
    checkShape(shape);
    if (sizeOf(shape) !== items.length) {
      throw new SkopsError(
        'UNSUPPORTED_VALUE',
        `${items.length} items do not fill shape (${shape.join(', ')}).`,
      );
    }
    this.shape = Object.freeze([...shape]);
    this.items = Object.freeze([...items]);
  }

  /**
   * What `numpy.array(nested, dtype=object)` builds: equal-length lists
   * (JavaScript arrays) or tuples at every position become dimensions.
   */
  static fromNested(values: readonly unknown[]): NDObjectArray {
    const shape = [values.length];
    let level: readonly unknown[] = values;
    for (;;) {
      const lengths = level.map((x) => sequenceItems(x)?.length);
      const first = lengths[0];
      if (level.length === 0 || first === undefined || lengths.some((n) => n !== first)) break;
      shape.push(first);
      level = level.flatMap((x) => sequenceItems(x) ?? []);
      if (first === 0) break;
    }
    return new NDObjectArray(level.length === sizeOf(shape) ? level : [], shape);
  }

  get ndim(): number {
    return this.shape.length;
  }

  get size(): number {
    return this.items.length;
  }

  /** One element (negative indices count from the end). */
  get(...index: number[]): unknown {
    if (index.length !== this.shape.length) {
      throw new SkopsError(
        'UNSUPPORTED_VALUE',
        `An index of a ${this.shape.length}-d array needs ${this.shape.length} numbers.`,
      );
    }
    let flat = 0;
    index.forEach((raw, axis) => {
      const d = this.shape[axis] ?? 0;
      const i = raw < 0 ? raw + d : raw;
      if (!Number.isInteger(i) || i < 0 || i >= d) {
        throw new SkopsError(
          'UNSUPPORTED_VALUE',
          `Index ${raw} is out of bounds for axis ${axis} with size ${d}.`,
        );
      }
      flat = flat * d + i;
    });
    return this.items[flat];
  }

  /** Nested JavaScript arrays of the elements (`tolist()`). */
  toArray(): unknown {
    let pos = 0;
    const build = (axis: number): unknown => {
      if (axis === this.shape.length) return this.items[pos++];
      return Array.from({ length: this.shape[axis] ?? 0 }, () => build(axis + 1));
    };
    return build(0);
  }

  static is(value: unknown): value is NDObjectArray {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[BRAND] === true
    );
  }
}

function sequenceItems(value: unknown): readonly unknown[] | undefined {
  if (Array.isArray(value)) return value;
  if (PyTuple.is(value)) return value.items;
  return undefined;
}
