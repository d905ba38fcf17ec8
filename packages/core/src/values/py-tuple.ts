import { hasBrand } from './brand.js';

const BRAND = Symbol.for('skops-ts/PyTuple');

/** A Python tuple: an immutable sequence that must not come back as a list. */
export class PyTuple<T = unknown> {
  readonly [BRAND] = true;
  readonly items: readonly T[];
  /** Class of a tuple subclass (a named tuple), `builtins.tuple` otherwise. */
  readonly module: string;
  readonly name: string;

  constructor(items: readonly T[], module = 'builtins', name = 'tuple') {
    this.items = items;
    this.module = module;
    this.name = name;
  }

  get length(): number {
    return this.items.length;
  }

  [Symbol.iterator](): Iterator<T> {
    return this.items[Symbol.iterator]();
  }

  static is(value: unknown): value is PyTuple {
    return hasBrand(value, BRAND);
  }
}
