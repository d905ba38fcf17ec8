/** A typed array as XGBoost's UBJSON writer emits it (`[$d#L…`, `[$l#L…`, …). */
export type XgbTypedArray =
  Float32Array | Float64Array | Int8Array | Uint8Array | Int16Array | Int32Array | BigInt64Array;

/**
 * A value of XGBoost's JSON document model, decoded from UBJSON or JSON text.
 * Integers are `bigint` and floats `number`, so the two stay apart (XGBoost's
 * `Integer` and `Number`); objects are `Map`s, so keys such as `__proto__`
 * are plain data and key order is kept.
 */
export type XgbJson =
  null | boolean | number | bigint | string | XgbTypedArray | readonly XgbJson[] | XgbJsonObject;

/** A JSON object of the XGBoost document model, in file key order. */
export type XgbJsonObject = ReadonlyMap<string, XgbJson>;

/** True for the typed arrays of the document model. */
export function isXgbTypedArray(value: XgbJson | undefined): value is XgbTypedArray {
  return ArrayBuffer.isView(value);
}

/** True for a JSON object of the document model. */
export function isXgbObject(value: XgbJson | undefined): value is XgbJsonObject {
  return value instanceof Map;
}
