import type { JsonNumber, JsonObject, JsonValue } from './types.js';

type Entry = readonly [string, JsonValue];

/** Objects up to this many entries are searched directly; a key index would cost more than it saves. */
const LINEAR_LOOKUP_MAX = 12;

/**
 * A JSON object over its keys and values in file order, held flat
 * (`[key0, value0, key1, value1, …]`): most schema objects hold five or six
 * keys and are only looked up, and a `Map`, two closures and an entry pair
 * per key used to dominate parse time and memory. Lookups scan from the end
 * (so the last of duplicate keys wins); a key index is built only for large
 * objects, and the entry pairs only when asked for.
 */
class FlatObject implements JsonObject {
  readonly kind = 'object' as const;
  readonly #flat: readonly (string | JsonValue)[];
  #entries: readonly Entry[] | undefined;
  #index: Map<string, JsonValue> | undefined;

  constructor(flat: readonly (string | JsonValue)[], entries: readonly Entry[] | undefined) {
    this.#flat = flat;
    this.#entries = entries;
    this.#index = undefined;
  }

  get entries(): readonly Entry[] {
    if (this.#entries === undefined) {
      const flat = this.#flat;
      const entries: Entry[] = new Array<Entry>(flat.length / 2);
      for (let i = 0; i < flat.length; i += 2) {
        entries[i / 2] = [flat[i] as string, flat[i + 1] as JsonValue];
      }
      this.#entries = entries;
    }
    return this.#entries;
  }

  get(key: string): JsonValue | undefined {
    const flat = this.#flat;
    if (flat.length > 2 * LINEAR_LOOKUP_MAX) return this.#keyIndex().get(key);
    for (let i = flat.length - 2; i >= 0; i -= 2)
      if (flat[i] === key) return flat[i + 1] as JsonValue;
    return undefined;
  }

  has(key: string): boolean {
    const flat = this.#flat;
    if (flat.length > 2 * LINEAR_LOOKUP_MAX) return this.#keyIndex().has(key);
    for (let i = flat.length - 2; i >= 0; i -= 2) if (flat[i] === key) return true;
    return false;
  }

  /** What `JSON.stringify` shows (error messages quote odd schema values): the plain shape objects had before. */
  toJSON(): { kind: 'object'; entries: readonly Entry[] } {
    return { kind: 'object', entries: this.entries };
  }

  #keyIndex(): Map<string, JsonValue> {
    if (this.#index === undefined) {
      const flat = this.#flat;
      const index = new Map<string, JsonValue>();
      for (let i = 0; i < flat.length; i += 2)
        index.set(flat[i] as string, flat[i + 1] as JsonValue);
      this.#index = index;
    }
    return this.#index;
  }
}

/** Builds a {@link JsonObject}; with duplicate keys the index points at the last value. */
export function makeJsonObject(entries: (readonly [string, JsonValue])[]): JsonObject {
  return new FlatObject(entries.flat(), entries);
}

/**
 * A {@link JsonObject} over keys and values alternating in file order
 * (`[key0, value0, key1, value1, …]`), which it takes over: the parser's form.
 */
export function jsonObjectFromFlat(flat: (string | JsonValue)[]): JsonObject {
  return new FlatObject(flat, undefined);
}

/** True when `value` is a JSON object (not an array, number or string). */
export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    (value as JsonObject).kind === 'object'
  );
}

/** True when `value` is a JSON array. */
export function isJsonArray(value: JsonValue | undefined): value is readonly JsonValue[] {
  return Array.isArray(value);
}

/** True when `value` is a JSON number literal. */
export function isJsonNumber(value: JsonValue | undefined): value is JsonNumber {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    (value as { kind: string }).kind === 'number'
  );
}
