import { SkopsError } from '../errors/skops-error.js';
import { LimitExceededError } from '../errors/limit-exceeded-error.js';
import { jsonObjectFromFlat } from './json-object.js';
import {
  QUOTE,
  BACKSLASH,
  COMMA,
  COLON,
  OPEN_BRACE,
  CLOSE_BRACE,
  OPEN_BRACKET,
  CLOSE_BRACKET,
  MINUS,
  PLUS,
  DOT,
  ZERO,
  NINE,
} from './char-codes.js';
import type { JsonParseOptions, JsonValue } from './types.js';

function fail(message: string, pos: number): never {
  throw new SkopsError('INVALID_JSON', `${message} at offset ${pos} of the JSON text.`);
}

/** The position of the first non-whitespace character at or after `pos`. */
function skipWs(text: string, pos: number): number {
  let c = text.charCodeAt(pos);
  while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = text.charCodeAt(++pos);
  return pos;
}

function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}

/** Where a run of digits starting at `pos` ends. */
function skipDigits(text: string, pos: number): number {
  while (isDigit(text.charCodeAt(pos))) pos++;
  return pos;
}

/**
 * Where the longest number literal starting at `pos` ends (as the grammar
 * `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?` matches it), or -1 when
 * none starts there. A fraction or exponent without digits is left unread,
 * so the character after the number reports the error.
 */
function numberEnd(text: string, start: number): number {
  let pos = start;
  if (text.charCodeAt(pos) === MINUS) pos++;
  const first = text.charCodeAt(pos);
  if (first === ZERO) pos++;
  else if (first > ZERO && first <= NINE) pos = skipDigits(text, pos + 1);
  else return -1;
  if (text.charCodeAt(pos) === DOT && isDigit(text.charCodeAt(pos + 1))) {
    pos = skipDigits(text, pos + 2);
  }
  const e = text.charCodeAt(pos);
  if (e === 0x65 || e === 0x45) {
    let p = pos + 1;
    const sign = text.charCodeAt(p);
    if (sign === PLUS || sign === MINUS) p++;
    if (isDigit(text.charCodeAt(p))) pos = skipDigits(text, p + 1);
  }
  return pos;
}

function hexValue(c: number): number {
  if (c >= ZERO && c <= NINE) return c - ZERO;
  const lower = c | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : -1;
}

/** Where a string holding an escape ends and what it says; `start` is just after its opening quote. */
export function readEscapedString(text: string, start: number): { value: string; end: number } {
  let out = '';
  let run = start;
  let pos = start;
  for (;;) {
    const c = text.charCodeAt(pos);
    if (c === QUOTE) return { value: out + text.slice(run, pos), end: pos + 1 };
    if (!(c >= 0x20)) {
      if (pos >= text.length) fail('Unterminated string', pos);
      fail('Control character in string', pos);
    }
    if (c !== BACKSLASH) {
      pos++;
      continue;
    }
    out += text.slice(run, pos);
    const e = text.charCodeAt(pos + 1);
    switch (e) {
      case QUOTE:
        out += '"';
        break;
      case BACKSLASH:
        out += '\\';
        break;
      case 0x2f:
        out += '/';
        break;
      case 0x62:
        out += '\b';
        break;
      case 0x66:
        out += '\f';
        break;
      case 0x6e:
        out += '\n';
        break;
      case 0x72:
        out += '\r';
        break;
      case 0x74:
        out += '\t';
        break;
      case 0x75: {
        let code = 0;
        for (let i = 2; i < 6; i++) {
          const digit = hexValue(text.charCodeAt(pos + i));
          if (digit < 0) fail('Invalid \\u escape', pos);
          code = code * 16 + digit;
        }
        out += String.fromCharCode(code);
        pos += 4;
        break;
      }
      default:
        fail('Invalid escape', pos);
    }
    pos += 2;
    run = pos;
  }
}

/** Strings up to this length are looked up among those seen before; how many the table holds. */
const INTERN_MAX_LENGTH = 40;
const INTERN_SLOTS = 1024;
/** Texts shorter than this (a JsonNode's content) are parsed without the table. */
const INTERN_MIN_TEXT = 4096;

/**
 * `text.slice(start, end)`, reusing an equal short string met before: a
 * schema repeats the same keys (`__class__`, `__loader__`, …) and names
 * (`builtins`, `JsonNode`) on every node, and one string each instead of a
 * copy per use makes the tree much smaller and cheaper to collect. The table
 * keeps the last string per slot; a miss costs one comparison.
 */
function internedSlice(
  text: string,
  start: number,
  end: number,
  interned: string[] | undefined,
): string {
  const length = end - start;
  if (interned === undefined || length > INTERN_MAX_LENGTH) return text.slice(start, end);
  const slot =
    (length * 31 +
      text.charCodeAt(start) * 7 +
      text.charCodeAt(start + (length >> 1)) * 3 +
      text.charCodeAt(end - 1)) &
    (INTERN_SLOTS - 1);
  const seen = interned[slot] as string;
  if (seen.length === length && text.startsWith(seen, start)) return seen;
  const fresh = text.slice(start, end);
  interned[slot] = fresh;
  return fresh;
}

/** The key sets of the large open objects, by depth (see {@link isDuplicate}). */
export type KeySets = (Set<string> | undefined)[];

/** What reading keys needs besides the text: the options, and the key sets of large open objects by depth. */
interface KeyState {
  readonly keySets: KeySets;
  /** Short strings seen, by {@link internedSlice}'s hash; none for short texts, where a table costs more than it saves. */
  readonly interned: string[] | undefined;
  readonly rejectDuplicateKeys: boolean;
  /** The string {@link readString} read last (a key or a string value). */
  string: string;
}

/**
 * Whether `key` is among the keys of the open object whose keys and values
 * alternate in `values` from `start` to `end`; objects past 16 keys keep a set.
 */
export function isDuplicate(
  values: readonly (string | JsonValue)[],
  start: number,
  end: number,
  key: string,
  depth: number,
  keySets: KeySets,
): boolean {
  if (end - start < 32) {
    for (let i = start; i < end; i += 2) if (values[i] === key) return true;
    return false;
  }
  let keys = keySets[depth];
  if (keys === undefined) {
    keys = new Set();
    for (let i = start; i < end; i += 2) keys.add(values[i] as string);
    keySets[depth] = keys;
  }
  if (keys.has(key)) return true;
  keys.add(key);
  return false;
}

/**
 * Reads the string whose opening quote is at `pos` into `state.string`;
 * returns where it ends. A string without escapes is one (interned) slice.
 */
function readString(text: string, pos: number, state: KeyState): number {
  let close = pos + 1;
  let c = text.charCodeAt(close);
  while (c !== QUOTE && c !== BACKSLASH && c >= 0x20) c = text.charCodeAt(++close);
  if (c === QUOTE) {
    state.string = internedSlice(text, pos + 1, close, state.interned);
    return close + 1;
  }
  const read = readEscapedString(text, pos + 1);
  state.string = read.value;
  return read.end;
}

/**
 * Reads the key of an object's next entry and the `:` after it, at `pos`, into
 * `state.string`, refusing a duplicate when asked to; returns where its value starts.
 */
function readKey(
  text: string,
  pos: number,
  values: readonly (string | JsonValue)[],
  start: number,
  end: number,
  depth: number,
  state: KeyState,
): number {
  if (text.charCodeAt(pos) !== QUOTE) fail('Expected a string key', pos);
  pos = readString(text, pos, state);
  const key = state.string;
  if (state.rejectDuplicateKeys && isDuplicate(values, start, end, key, depth, state.keySets)) {
    throw new SkopsError(
      'INVALID_JSON',
      `Duplicate key "${key}" in a JSON object: a file could show one value to an audit and another to the loader, so it is refused.`,
    );
  }
  pos = skipWs(text, pos);
  if (text.charCodeAt(pos) !== COLON) fail("Expected ':'", pos);
  return skipWs(text, pos + 1);
}

/**
 * Parses JSON text into a lossless, order-preserving tree without recursion,
 * so that deep nesting ends in a typed error instead of a stack overflow.
 *
 * One loop over character codes; the values of all open containers sit on one
 * stack and each container is cut from it, at its exact size, when it closes.
 * Strings without escapes are one slice, numbers are scanned without a regular
 * expression, and duplicate keys are found by scanning the keys read so far
 * (a set only for large objects), because schema objects hold a handful of keys.
 */
export function parseJson(text: string, options: JsonParseOptions = {}): JsonValue {
  const maxDepth = options.maxDepth ?? Infinity;
  const allowNonFinite = options.allowNonFinite === true;
  const length = text.length;
  const keys: KeyState = {
    keySets: [],
    interned: length >= INTERN_MIN_TEXT ? new Array<string>(INTERN_SLOTS).fill('') : undefined,
    rejectDuplicateKeys: options.rejectDuplicateKeys === true,
    string: '',
  };
  // The values (objects: keys and values alternating) of the open containers,
  // innermost last, up to `top`; where each container's values start, and its kind.
  const values: (string | JsonValue)[] = [];
  let top = 0;
  const starts: number[] = [];
  const isObject: boolean[] = [];
  let pos = skipWs(text, 0);
  let value: JsonValue;
  for (;;) {
    // Read one value, or open a container and go on to its first value.
    const c = text.charCodeAt(pos);
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      const depth = starts.length;
      if (depth + 1 > maxDepth) {
        throw new LimitExceededError('maxDepth', depth + 1, maxDepth, 'JSON nesting');
      }
      pos = skipWs(text, pos + 1);
      if (c === OPEN_BRACE) {
        if (text.charCodeAt(pos) === CLOSE_BRACE) {
          pos++;
          value = jsonObjectFromFlat([]);
        } else {
          starts.push(top);
          isObject.push(true);
          keys.keySets[depth] = undefined;
          pos = readKey(text, pos, values, top, top, depth, keys);
          values[top++] = keys.string;
          continue;
        }
      } else if (text.charCodeAt(pos) === CLOSE_BRACKET) {
        pos++;
        value = [];
      } else {
        starts.push(top);
        isObject.push(false);
        continue;
      }
    } else if (c === QUOTE) {
      pos = readString(text, pos, keys);
      value = keys.string;
    } else {
      const end = numberEnd(text, pos);
      if (end >= 0) {
        value = { kind: 'number', text: text.slice(pos, end) };
        pos = end;
      } else if (text.startsWith('true', pos)) {
        value = true;
        pos += 4;
      } else if (text.startsWith('false', pos)) {
        value = false;
        pos += 5;
      } else if (text.startsWith('null', pos)) {
        value = null;
        pos += 4;
      } else if (allowNonFinite && text.startsWith('NaN', pos)) {
        value = { kind: 'number', text: 'NaN' };
        pos += 3;
      } else if (allowNonFinite && text.startsWith('Infinity', pos)) {
        value = { kind: 'number', text: 'Infinity' };
        pos += 8;
      } else if (allowNonFinite && text.startsWith('-Infinity', pos)) {
        value = { kind: 'number', text: '-Infinity' };
        pos += 9;
      } else {
        fail('Unexpected character', pos);
      }
    }

    // Add the value to its container; close every container that ends here.
    for (;;) {
      const depth = starts.length - 1;
      if (depth < 0) {
        pos = skipWs(text, pos);
        if (pos !== length) fail('Unexpected data after the JSON value', pos);
        return value;
      }
      values[top++] = value;
      pos = skipWs(text, pos);
      const next = text.charCodeAt(pos);
      const start = starts[depth] as number;
      if (isObject[depth]) {
        if (next === COMMA) {
          pos = readKey(text, skipWs(text, pos + 1), values, start, top, depth, keys);
          values[top++] = keys.string;
          break;
        }
        if (next !== CLOSE_BRACE) fail("Expected ',' or '}'", pos);
        value = jsonObjectFromFlat(values.slice(start, top));
      } else {
        if (next === COMMA) {
          pos = skipWs(text, pos + 1);
          break;
        }
        if (next !== CLOSE_BRACKET) fail("Expected ',' or ']'", pos);
        value = values.slice(start, top) as JsonValue[];
      }
      pos++;
      top = start;
      starts.pop();
      isObject.pop();
    }
  }
}
