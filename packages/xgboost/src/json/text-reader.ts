import { SkopsError, isJsonArray, isJsonNumber, isJsonObject, parseJson } from '@skops-ts/core';
import type { JsonValue } from '@skops-ts/core';
import type { XgbJson } from './xgb-json.js';

const INTEGER = /^-?[0-9]+$/;

/**
 * Decodes XGBoost's JSON text (pickles of XGBoost 1.4–1.5, `save_model("*.json")`)
 * into the document model: integer literals become `bigint`, other numbers
 * `number`, as XGBoost's own reader tells `Integer` from `Number`.
 */
export function decodeXgbJsonText(
  bytes: Uint8Array,
  options: { readonly maxDepth?: number } = {},
): XgbJson {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (cause) {
    throw new SkopsError(
      'INVALID_DATA',
      'Malformed XGBoost JSON model: the text is not valid UTF-8.',
      { cause },
    );
  }
  const parsed = parseJson(text, {
    allowNonFinite: true,
    rejectDuplicateKeys: true,
    maxDepth: options.maxDepth ?? 1_000,
  });
  return convert(parsed);
}

function convert(value: JsonValue): XgbJson {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return value;
  if (isJsonNumber(value))
    return INTEGER.test(value.text) ? BigInt(value.text) : Number(value.text);
  if (isJsonArray(value)) return value.map(convert);
  if (isJsonObject(value)) {
    const out = new Map<string, XgbJson>();
    for (const [key, item] of value.entries) out.set(key, convert(item));
    return out;
  }
  throw new SkopsError('INVALID_DATA', 'Malformed XGBoost JSON model: unexpected value.');
}
