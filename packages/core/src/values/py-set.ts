import { hasBrand } from './brand.js';

const BRAND = Symbol.for('skops-ts/PySet');

/** A Python set or frozenset; items keep the order in which they were stored. */
export class PySet<T = unknown> {
  readonly [BRAND] = true;
  readonly kind: 'set' | 'frozenset';
  readonly items: T[];

  constructor(items: T[], kind: 'set' | 'frozenset' = 'set') {
    this.items = items;
    this.kind = kind;
  }

  get size(): number {
    return this.items.length;
  }

  [Symbol.iterator](): Iterator<T> {
    return this.items[Symbol.iterator]();
  }

  static is(value: unknown): value is PySet {
    return hasBrand(value, BRAND);
  }
}
