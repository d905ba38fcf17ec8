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

/** Python's `json.dumps` escaping with `ensure_ascii=True`. */
export function pyJsonString(s: string): string {
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

/**
 * Writes a value as Python's `json.dumps` would: bigint and integral numbers
 * as ints, {@link JsonFloat} as Python float reprs, strings ASCII-escaped,
 * plain objects in insertion order (or sorted), arrays. Iterative, so deep
 * values cannot overflow the stack. Maps (string keys) keep their order.
 */
export function emitPyJson(value: unknown, options: EmitOptions = {}): string {
  const parts: string[] = [];
  const indent = options.indent;
  type Task = { v: unknown; depth: number } | string;
  const tasks: Task[] = [{ v: value, depth: 0 }];
  const nl = (depth: number) => (indent === undefined ? '' : '\n' + ' '.repeat(indent * depth));
  const itemSep = indent === undefined ? ', ' : ',';
  while (tasks.length > 0) {
    const task = tasks.pop() as Task;
    if (typeof task === 'string') {
      parts.push(task);
      continue;
    }
    const { v, depth } = task;
    if (v === null) parts.push('null');
    else if (v === true) parts.push('true');
    else if (v === false) parts.push('false');
    else if (typeof v === 'bigint') parts.push(v.toString());
    else if (typeof v === 'number') {
      if (!Number.isInteger(v))
        throw new TypeError(`emitPyJson: non-integral number ${v} must be wrapped in JsonFloat`);
      parts.push(v.toString());
    } else if (typeof v === 'string') parts.push(pyJsonString(v));
    else if (JsonFloat.is(v)) parts.push(pyJsonFloat(v.value));
    else if (Array.isArray(v)) {
      if (v.length === 0) {
        parts.push('[]');
        continue;
      }
      parts.push('[');
      const sub: Task[] = [];
      v.forEach((item, i) => {
        if (i > 0) sub.push(itemSep);
        sub.push(nl(depth + 1));
        sub.push({ v: item, depth: depth + 1 });
      });
      sub.push(nl(depth) + ']');
      for (let i = sub.length - 1; i >= 0; i--) tasks.push(sub[i] as Task);
    } else if (typeof v === 'object') {
      // A Map keeps integer-like keys ("2", "10") in insertion order; plain objects would not.
      const source = v instanceof Map ? v : new Map(Object.entries(v as object));
      let keys = [...source.keys()] as string[];
      if (options.sortKeys) keys = [...keys].sort();
      if (keys.length === 0) {
        parts.push('{}');
        continue;
      }
      parts.push('{');
      const sub: Task[] = [];
      keys.forEach((key, i) => {
        if (i > 0) sub.push(itemSep);
        sub.push(nl(depth + 1) + pyJsonString(key) + ': ');
        sub.push({ v: source.get(key), depth: depth + 1 });
      });
      sub.push(nl(depth) + '}');
      for (let i = sub.length - 1; i >= 0; i--) tasks.push(sub[i] as Task);
    } else {
      throw new TypeError(`emitPyJson: cannot write a ${typeof v}`);
    }
  }
  return parts.join('');
}
