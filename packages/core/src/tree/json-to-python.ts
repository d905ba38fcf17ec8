import { isJsonArray, isJsonNumber } from '../json/json-object.js';
import type { JsonValue } from '../json/types.js';
import { PyDict } from '../values/py-dict.js';

/** A JSON number literal as Python's `json.loads` reads it: int (bigint) without `.`/exponent, float otherwise. */
export function jsonNumberToPython(text: string): bigint | number {
  if (text === 'NaN') return NaN;
  if (text === 'Infinity') return Infinity;
  if (text === '-Infinity') return -Infinity;
  return /[.eE]/.test(text) ? Number(text) : BigInt(text);
}

/**
 * A parsed JSON value as Python's `json.loads` gives it: ints stay exact,
 * arrays become lists, objects become dicts with string keys (last duplicate wins).
 */
export function jsonToPython(value: JsonValue): unknown {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (isJsonNumber(value)) return jsonNumberToPython(value.text);
  if (isJsonArray(value)) return value.map(jsonToPython);
  return new PyDict(value.entries.map(([k, v]) => [k, jsonToPython(v)] as const));
}
