import type { JsonNumber, JsonObject, JsonValue } from './types.js';

/** Builds a {@link JsonObject}; with duplicate keys the index points at the last value. */
export function makeJsonObject(entries: (readonly [string, JsonValue])[]): JsonObject {
  const index = new Map<string, JsonValue>();
  for (const [key, value] of entries) index.set(key, value);
  return {
    kind: 'object',
    entries,
    get: (key) => index.get(key),
    has: (key) => index.has(key),
  };
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
