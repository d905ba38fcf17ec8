import { hasBrand } from '../values/brand.js';
import { pyJsonFloat } from './py-float.js';

const FLOAT_BRAND = Symbol.for('skops-ts/JsonFloat');

/** A float inside a schema state being written, so that `2.0` is not written as the int `2`. */
export class JsonFloat {
  readonly [FLOAT_BRAND] = true;
  constructor(readonly value: number) {}
  static is(value: unknown): value is JsonFloat {
    return hasBrand(value, FLOAT_BRAND);
  }
}

// Printable ASCII other than `"` and `\`: the strings (names, keys) that need no escaping.
const PLAIN = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/** Python's `json.dumps` escaping with `ensure_ascii=True`. */
export function pyJsonString(s: string): string {
  if (PLAIN.test(s)) return `"${s}"`;
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += '\\\\';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x09) out += '\\t';
    else if (c === 0x08) out += '\\b';
    else if (c === 0x0c) out += '\\f';
    else if (c < 0x20 || c > 0x7e) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += s[i];
  }
  return out + '"';
}

/** Options of {@link emitPyJson}. */
export interface EmitOptions {
  /** Indent width as `json.dumps(indent=...)`; compact `", "`/`": "` separators when absent. */
  readonly indent?: number;
  readonly sortKeys?: boolean;
}

/** An array or object being written: its items (and keys), the next one to write, and its closing text. */
interface OpenContainer {
  readonly values: readonly unknown[];
  readonly keys: readonly string[] | undefined;
  readonly close: string;
  next: number;
}

/**
 * Writes a value as Python's `json.dumps` would: bigint and integral numbers
 * as ints, {@link JsonFloat} as Python float reprs, strings ASCII-escaped,
 * plain objects in insertion order (or sorted), arrays. Iterative, so deep
 * values cannot overflow the stack. Maps (string keys) keep their order.
 */
export function emitPyJson(value: unknown, options: EmitOptions = {}): string {
  const indent = options.indent;
  const newlines: string[] = [];
  const nl = (depth: number): string =>
    indent === undefined ? '' : (newlines[depth] ??= '\n' + ' '.repeat(indent * depth));
  const itemSep = indent === undefined ? ', ' : ',';
  // One string grown by appending (V8 joins the pieces once, at the end) and
  // one frame per open container: schemas of many thousands of nodes are
  // written without a task object or a Map per value.
  const open: OpenContainer[] = [];
  let out = '';
  let v = value;
  for (;;) {
    if (v === null) out += 'null';
    else if (v === true) out += 'true';
    else if (v === false) out += 'false';
    else if (typeof v === 'string') out += pyJsonString(v);
    else if (typeof v === 'bigint') out += v.toString();
    else if (typeof v === 'number') {
      if (!Number.isInteger(v))
        throw new TypeError(`emitPyJson: non-integral number ${v} must be wrapped in JsonFloat`);
      out += v.toString();
    } else if (JsonFloat.is(v)) out += pyJsonFloat(v.value);
    else if (Array.isArray(v)) {
      if (v.length === 0) out += '[]';
      else {
        out += '[';
        open.push({ values: v, keys: undefined, close: nl(open.length) + ']', next: 0 });
      }
    } else if (typeof v === 'object') {
      // A Map keeps integer-like keys ("2", "10") in insertion order; plain objects would not.
      const map = v instanceof Map ? (v as Map<string, unknown>) : undefined;
      const keys = map ? [...map.keys()] : Object.keys(v);
      if (options.sortKeys) keys.sort();
      if (keys.length === 0) out += '{}';
      else {
        const record = v as Record<string, unknown>;
        const values = keys.map((k) => (map ? map.get(k) : record[k]));
        out += '{';
        open.push({ values, keys, close: nl(open.length) + '}', next: 0 });
      }
    } else {
      throw new TypeError(`emitPyJson: cannot write a ${typeof v}`);
    }
    // The next value to write is the next item of the innermost open container.
    for (;;) {
      const top = open[open.length - 1];
      if (top === undefined) return out;
      if (top.next === top.values.length) {
        out += top.close;
        open.pop();
        continue;
      }
      if (top.next > 0) out += itemSep;
      out += nl(open.length);
      if (top.keys) out += pyJsonString(top.keys[top.next]!) + ': ';
      v = top.values[top.next++];
      break;
    }
  }
}
