/**
 * A JSON number kept as its literal text, so that integers beyond 2^53 and the
 * int/float distinction (`1` vs `1.0`) survive parsing.
 */
export interface JsonNumber {
  readonly kind: 'number';
  readonly text: string;
}

/** A JSON object with its keys in file order. */
export interface JsonObject {
  readonly kind: 'object';
  readonly entries: readonly (readonly [string, JsonValue])[];
  get(key: string): JsonValue | undefined;
  has(key: string): boolean;
}

/** A parsed JSON value, lossless and order-preserving. */
export type JsonValue = JsonObject | JsonNumber | readonly JsonValue[] | string | boolean | null;

/** What the parser accepts. */
export interface JsonParseOptions {
  /** Accept Python's `NaN`, `Infinity` and `-Infinity` tokens (JsonNode content). */
  readonly allowNonFinite?: boolean;
  /** Refuse an object that repeats a key (schema.json); otherwise the last value wins. */
  readonly rejectDuplicateKeys?: boolean;
  /** Nesting depth at which parsing stops with a limit error. */
  readonly maxDepth?: number;
}
