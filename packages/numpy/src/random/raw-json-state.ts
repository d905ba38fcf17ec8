import {
  PyDict,
  SkopsError,
  isJsonArray,
  isJsonNumber,
  isJsonObject,
  type JsonValue,
} from '@skops-ts/core';

/**
 * The Python value of raw JSON inside schema.json (protocol-0 generator
 * state): integer literals of any size -> bigint, other numbers -> number,
 * objects -> dict, arrays -> list.
 */
export function rawJsonToPython(value: JsonValue, path: string): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (isJsonNumber(value))
    return /^-?[0-9]+$/.test(value.text) ? BigInt(value.text) : Number(value.text);
  if (isJsonArray(value)) return value.map((x, i) => rawJsonToPython(x, `${path}[${i}]`));
  if (isJsonObject(value)) {
    return new PyDict(
      value.entries.map(([k, v]) => [k, rawJsonToPython(v, `${path}.${k}`)] as const),
    );
  }
  throw new SkopsError('INVALID_SCHEMA', 'Unexpected JSON value.', { path });
}
