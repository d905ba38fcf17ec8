import { SkopsError } from '../errors/skops-error.js';
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
import { isDuplicate, readEscapedString, type KeySets } from './parse.js';
import type { JsonParseOptions, JsonValue } from './types.js';

const FOUR_SPACES = 0x20202020;

/** Strings up to this length are looked up among those seen before; how many the table holds. */
const INTERN_MAX_LENGTH = 40;
const INTERN_SLOTS = 1024;

/** Thrown where the fast path gives up; {@link parseJsonUtf8} then answers undefined. */
class NotFast extends Error {}

function giveUp(): never {
  throw new NotFast();
}

/** What the scanner carries besides its position. */
interface Scan {
  readonly bytes: Uint8Array;
  /** The bytes as 32-bit words, `shift` bytes before `bytes` starts: whitespace is skipped four spaces at a time. */
  readonly words: Uint32Array;
  readonly shift: number;
  /** Short ASCII strings met so far, by {@link asciiString}'s hash. */
  readonly interned: string[];
  readonly decoder: { decode(bytes: Uint8Array): string };
  readonly keySets: KeySets;
  readonly rejectDuplicateKeys: boolean;
  /** The key {@link readKey} read last. */
  key: string;
}

/** The position of the first non-whitespace byte at or after `pos`. */
function skipWs(scan: Scan, pos: number): number {
  const bytes = scan.bytes;
  let c = bytes[pos];
  while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) {
    pos++;
    if (((pos + scan.shift) & 3) === 0) {
      const words = scan.words;
      let w = (pos + scan.shift) / 4;
      while (words[w] === FOUR_SPACES) w++;
      pos = w * 4 - scan.shift;
    }
    c = bytes[pos];
  }
  return pos;
}

function isDigit(c: number | undefined): boolean {
  return c !== undefined && c >= ZERO && c <= NINE;
}

function skipDigits(bytes: Uint8Array, pos: number): number {
  while (isDigit(bytes[pos])) pos++;
  return pos;
}

/** Where the number literal at `start` ends, as `numberEnd` in parse.ts finds it; -1 when none starts there. */
function numberEnd(bytes: Uint8Array, start: number): number {
  let pos = start;
  if (bytes[pos] === MINUS) pos++;
  const first = bytes[pos];
  if (first === ZERO) pos++;
  else if (first !== undefined && first > ZERO && first <= NINE) pos = skipDigits(bytes, pos + 1);
  else return -1;
  if (bytes[pos] === DOT && isDigit(bytes[pos + 1])) pos = skipDigits(bytes, pos + 2);
  const e = bytes[pos];
  if (e === 0x65 || e === 0x45) {
    let p = pos + 1;
    const sign = bytes[p];
    if (sign === PLUS || sign === MINUS) p++;
    if (isDigit(bytes[p])) pos = skipDigits(bytes, p + 1);
  }
  return pos;
}

/** Whether the ASCII `word` is spelled at `pos`. */
function spells(bytes: Uint8Array, pos: number, word: string): boolean {
  for (let i = 0; i < word.length; i++) if (bytes[pos + i] !== word.charCodeAt(i)) return false;
  return true;
}

/**
 * The ASCII bytes from `start` to `end` as a string, reusing an equal short
 * string met before: a schema repeats the same keys (`__class__`,
 * `__loader__`, …) and names (`builtins`, `JsonNode`) on every node, and one
 * string each instead of a copy per use keeps the tree small and cheap to
 * collect. The table keeps the last string per slot.
 */
function asciiString(scan: Scan, start: number, end: number): string {
  const bytes = scan.bytes;
  const length = end - start;
  if (length > INTERN_MAX_LENGTH) return scan.decoder.decode(bytes.subarray(start, end));
  if (length === 0) return '';
  const slot =
    (length * 31 +
      (bytes[start] as number) * 7 +
      (bytes[start + (length >> 1)] as number) * 3 +
      (bytes[end - 1] as number)) &
    (INTERN_SLOTS - 1);
  const seen = scan.interned[slot] as string;
  if (seen.length === length) {
    let i = 0;
    while (i < length && seen.charCodeAt(i) === bytes[start + i]) i++;
    if (i === length) return seen;
  }
  const fresh = scan.decoder.decode(bytes.subarray(start, end));
  scan.interned[slot] = fresh;
  return fresh;
}

/**
 * The string whose opening quote is at `pos - 1`, leaving where it ends in
 * `end[0]`. Plain ASCII strings are read straight from the bytes; others are
 * decoded (strict UTF-8) and unescaped.
 */
function readString(scan: Scan, pos: number, end: number[]): string {
  const bytes = scan.bytes;
  let close = pos;
  let c = bytes[close];
  while (c !== QUOTE && c !== BACKSLASH && c !== undefined && c >= 0x20 && c < 0x80) {
    c = bytes[++close];
  }
  if (c === QUOTE) {
    end[0] = close + 1;
    return asciiString(scan, pos, close);
  }
  // Escapes or bytes beyond ASCII: find the closing quote, then decode and unescape.
  let escaped = false;
  for (;;) {
    c = bytes[close];
    if (c === undefined || c < 0x20) giveUp();
    if (c === QUOTE) break;
    if (c === BACKSLASH) {
      escaped = true;
      close += 2;
    } else close++;
  }
  end[0] = close + 1;
  const raw = scan.decoder.decode(bytes.subarray(pos, close));
  return escaped ? readEscapedString(`${raw}"`, 0).value : raw;
}

/** Reads an object's next key and its `:` at `pos` into `scan.key`; returns where its value starts. */
function readKey(
  scan: Scan,
  pos: number,
  values: readonly (string | JsonValue)[],
  start: number,
  top: number,
  depth: number,
  end: number[],
): number {
  if (scan.bytes[pos] !== QUOTE) giveUp();
  const key = readString(scan, pos + 1, end);
  if (scan.rejectDuplicateKeys && isDuplicate(values, start, top, key, depth, scan.keySets)) {
    giveUp();
  }
  pos = skipWs(scan, end[0] as number);
  if (scan.bytes[pos] !== COLON) giveUp();
  scan.key = key;
  return skipWs(scan, pos + 1);
}

/**
 * Parses JSON from its UTF-8 bytes into exactly the tree that
 * `parseJson(new TextDecoder('utf-8', { fatal: true }).decode(bytes), options)`
 * gives, without decoding the whole text first: structure is read from the
 * bytes, whitespace four spaces at a time, and only strings become JavaScript
 * strings. For a schema of mostly indentation this saves the decode, a copy of
 * the text in memory, and half the scanning.
 *
 * Answers undefined wherever it does not succeed (malformed JSON or UTF-8, a
 * byte-order mark, a duplicate key, too deep): the caller then decodes and
 * parses the text, which reports the error exactly as before.
 */
export function parseJsonUtf8(
  bytes: Uint8Array,
  options: JsonParseOptions = {},
): JsonValue | undefined {
  const shift = bytes.byteOffset & 3;
  const scan: Scan = {
    bytes,
    words: new Uint32Array(
      bytes.buffer,
      bytes.byteOffset - shift,
      Math.floor((bytes.length + shift) / 4),
    ),
    shift,
    interned: new Array<string>(INTERN_SLOTS).fill(''),
    decoder: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }),
    keySets: [],
    rejectDuplicateKeys: options.rejectDuplicateKeys === true,
    key: '',
  };
  try {
    return parseScan(scan, options);
  } catch (err) {
    // TextDecoder refuses malformed UTF-8 with a TypeError; the unescaping step throws SkopsErrors.
    if (err instanceof NotFast || err instanceof TypeError || SkopsError.isInstance(err)) {
      return undefined;
    }
    throw err;
  }
}

function parseScan(scan: Scan, options: JsonParseOptions): JsonValue {
  const bytes = scan.bytes;
  const maxDepth = options.maxDepth ?? Infinity;
  const allowNonFinite = options.allowNonFinite === true;
  const length = bytes.length;
  const end = [0];
  // As in parse.ts: the values of the open containers (objects: keys and
  // values alternating), innermost last, up to `top`.
  const values: (string | JsonValue)[] = [];
  let top = 0;
  const starts: number[] = [];
  const isObject: boolean[] = [];
  let pos = skipWs(scan, 0);
  let value: JsonValue;
  for (;;) {
    const c = bytes[pos];
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      const depth = starts.length;
      if (depth + 1 > maxDepth) giveUp();
      pos = skipWs(scan, pos + 1);
      if (c === OPEN_BRACE) {
        if (bytes[pos] === CLOSE_BRACE) {
          pos++;
          value = jsonObjectFromFlat([]);
        } else {
          starts.push(top);
          isObject.push(true);
          scan.keySets[depth] = undefined;
          pos = readKey(scan, pos, values, top, top, depth, end);
          values[top++] = scan.key;
          continue;
        }
      } else if (bytes[pos] === CLOSE_BRACKET) {
        pos++;
        value = [];
      } else {
        starts.push(top);
        isObject.push(false);
        continue;
      }
    } else if (c === QUOTE) {
      value = readString(scan, pos + 1, end);
      pos = end[0] as number;
    } else {
      const numEnd = numberEnd(bytes, pos);
      if (numEnd >= 0) {
        value = { kind: 'number', text: asciiString(scan, pos, numEnd) };
        pos = numEnd;
      } else if (spells(bytes, pos, 'true')) {
        value = true;
        pos += 4;
      } else if (spells(bytes, pos, 'false')) {
        value = false;
        pos += 5;
      } else if (spells(bytes, pos, 'null')) {
        value = null;
        pos += 4;
      } else if (allowNonFinite && spells(bytes, pos, 'NaN')) {
        value = { kind: 'number', text: 'NaN' };
        pos += 3;
      } else if (allowNonFinite && spells(bytes, pos, 'Infinity')) {
        value = { kind: 'number', text: 'Infinity' };
        pos += 8;
      } else if (allowNonFinite && spells(bytes, pos, '-Infinity')) {
        value = { kind: 'number', text: '-Infinity' };
        pos += 9;
      } else {
        giveUp();
      }
    }

    for (;;) {
      const depth = starts.length - 1;
      if (depth < 0) {
        pos = skipWs(scan, pos);
        if (pos !== length) giveUp();
        return value;
      }
      values[top++] = value;
      pos = skipWs(scan, pos);
      const next = bytes[pos];
      const start = starts[depth] as number;
      if (isObject[depth]) {
        if (next === COMMA) {
          pos = readKey(scan, skipWs(scan, pos + 1), values, start, top, depth, end);
          values[top++] = scan.key;
          break;
        }
        if (next !== CLOSE_BRACE) giveUp();
        value = jsonObjectFromFlat(values.slice(start, top));
      } else {
        if (next === COMMA) {
          pos = skipWs(scan, pos + 1);
          break;
        }
        if (next !== CLOSE_BRACKET) giveUp();
        value = values.slice(start, top) as JsonValue[];
      }
      pos++;
      top = start;
      starts.pop();
      isObject.pop();
    }
  }
}
