import { SkopsError } from '@skops-ts/core';
import { decodeUbjson } from '../ubjson/reader.js';
import { decodeXgbJsonText } from '../json/text-reader.js';
import { isXgbObject, type XgbJson, type XgbJsonObject } from '../json/xgb-json.js';

/** How the bytes of a booster were encoded. */
export type HandleFormat = 'ubjson' | 'json';

/** A decoded booster snapshot: XGBoost's `{"Config": …, "Model": …}` document. */
export interface BoosterSnapshot {
  readonly format: HandleFormat;
  /** The `Model` part: what `save_model("*.json")` writes (`learner`, `version`). */
  readonly model: XgbJsonObject;
  /** The `Config` part (training configuration), when present. */
  readonly config: XgbJsonObject | undefined;
}

const LEGACY_HEADER = 'CONFIG-offset:';

/** UBJSON object start followed by a key-length marker XGBoost writes (`L`) or any other integer marker. */
function looksLikeUbjson(bytes: Uint8Array): boolean {
  const second = bytes[1];
  return (
    bytes[0] === 0x7b && second !== undefined && 'LlIiU}N#$'.includes(String.fromCharCode(second))
  );
}

function looksLikeJsonText(bytes: Uint8Array): boolean {
  if (bytes[0] !== 0x7b) return false;
  for (let i = 1; i < bytes.length; i++) {
    const c = bytes[i];
    if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) continue;
    return c === 0x22 || c === 0x7d;
  }
  return false;
}

function startsWithAscii(bytes: Uint8Array, text: string): boolean {
  if (bytes.length < text.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[i] !== text.charCodeAt(i)) return false;
  return true;
}

/**
 * Decodes the bytes of `Booster.__getstate__()["handle"]` (or of a saved
 * model file): UBJSON (XGBoost ≥ 1.6 pickles, `*.ubj` models) or JSON text
 * (XGBoost 1.4–1.5 pickles, `*.json` models). The legacy binary formats of
 * older versions are refused with a message saying how to re-save the model.
 */
export function decodeBoosterBytes(
  bytes: Uint8Array,
  options: { readonly maxDepth?: number } = {},
): BoosterSnapshot {
  if (startsWithAscii(bytes, LEGACY_HEADER)) {
    throw new SkopsError(
      'UNSUPPORTED_VALUE',
      'This XGBoost booster was pickled by XGBoost 1.0–1.3 in its legacy binary format ("CONFIG-offset:" header), ' +
        'which skops-ts does not read. Load it with that XGBoost version in Python, call booster.save_model("model.json"), ' +
        'then load that file with a current XGBoost (or re-pickle it with XGBoost ≥ 1.6) and save it with skops again.',
    );
  }
  let format: HandleFormat;
  let doc: XgbJson;
  if (looksLikeJsonText(bytes)) {
    format = 'json';
    doc = decodeXgbJsonText(bytes, options);
  } else if (looksLikeUbjson(bytes)) {
    format = 'ubjson';
    doc = decodeUbjson(bytes, options);
  } else {
    throw new SkopsError(
      'UNSUPPORTED_VALUE',
      'These XGBoost booster bytes are neither UBJSON nor JSON: they look like the binary model format of XGBoost < 1.0 ' +
        '(or are not an XGBoost model at all). Load the model with the XGBoost version that wrote it, ' +
        'save it with booster.save_model("model.json"), and re-save the estimator with a current XGBoost.',
    );
  }
  if (!isXgbObject(doc))
    throw new SkopsError(
      'INVALID_DATA',
      'Malformed XGBoost model: the document is not a JSON object.',
    );
  const model = doc.get('Model');
  const config = doc.get('Config');
  if (isXgbObject(model)) {
    return { format, model, config: isXgbObject(config) ? config : undefined };
  }
  if (doc.has('learner')) return { format, model: doc, config: undefined };
  throw new SkopsError(
    'INVALID_DATA',
    'Malformed XGBoost model: the document has neither a "Model" nor a "learner" member.',
  );
}
