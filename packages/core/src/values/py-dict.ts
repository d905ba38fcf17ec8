import { hasBrand } from './brand.js';

const BRAND = Symbol.for('skops-ts/PyDict');

/**
 * Python compares `True == 1 == 1.0`, so they are one dict key. This gives
 * such keys one lookup identity; other values (strings, objects) are their own.
 */
function lookupKey(key: unknown): unknown {
  if (typeof key === 'boolean') return key ? 1n : 0n;
  if (typeof key === 'number' && Number.isInteger(key)) return BigInt(key);
  return key;
}

/**
 * A Python dict (or `collections.OrderedDict`, `defaultdict`, `Counter`, …):
 * insertion-ordered, with keys of any Python type. Keys such as `__proto__`
 * are ordinary data: the entries live in a Map, never on an object.
 */
export class PyDict<V = unknown> implements Iterable<[unknown, V]> {
  readonly [BRAND] = true;
  readonly module: string;
  readonly name: string;
  /** The `default_factory` of a `collections.defaultdict` (null when it has none). */
  defaultFactory: unknown;
  readonly #entries = new Map<unknown, [unknown, V]>();

  constructor(
    entries: Iterable<readonly [unknown, NoInfer<V>]> = [],
    module = 'builtins',
    name = 'dict',
  ) {
    this.module = module;
    this.name = name;
    this.defaultFactory = null;
    for (const [k, v] of entries) this.set(k, v);
  }

  get size(): number {
    return this.#entries.size;
  }

  /** Python semantics: a repeated key keeps its first position and takes the last value. */
  set(key: unknown, value: V): this {
    const id = lookupKey(key);
    const existing = this.#entries.get(id);
    if (existing) existing[1] = value;
    else this.#entries.set(id, [key, value]);
    return this;
  }

  get(key: unknown): V | undefined {
    return this.#entries.get(lookupKey(key))?.[1];
  }

  has(key: unknown): boolean {
    return this.#entries.has(lookupKey(key));
  }

  delete(key: unknown): boolean {
    return this.#entries.delete(lookupKey(key));
  }

  *keys(): IterableIterator<unknown> {
    for (const [k] of this.#entries.values()) yield k;
  }

  *values(): IterableIterator<V> {
    for (const [, v] of this.#entries.values()) yield v;
  }

  *entries(): IterableIterator<[unknown, V]> {
    for (const [k, v] of this.#entries.values()) yield [k, v];
  }

  [Symbol.iterator](): IterableIterator<[unknown, V]> {
    return this.entries();
  }

  /** `module.name` of the dict class. */
  get className(): string {
    return `${this.module}.${this.name}`;
  }

  static is(value: unknown): value is PyDict {
    return hasBrand(value, BRAND);
  }
}
