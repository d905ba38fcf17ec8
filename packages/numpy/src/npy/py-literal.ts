import { SkopsError } from '@skops-ts/core';

/** A Python literal of the kinds a `.npy` header uses. Tuples and lists stay apart. */
export type PyLiteral =
  | { readonly kind: 'str'; readonly value: string }
  | { readonly kind: 'int'; readonly value: bigint }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'none' }
  | { readonly kind: 'tuple'; readonly items: readonly PyLiteral[] }
  | { readonly kind: 'list'; readonly items: readonly PyLiteral[] }
  | { readonly kind: 'dict'; readonly entries: readonly (readonly [PyLiteral, PyLiteral])[] };

const MAX_NESTING = 64;

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\',
  "'": "'",
  '"': '"',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\n': '',
};

/**
 * Parses the Python literal of a `.npy` header: dicts, tuples, lists,
 * strings, integers, `True` / `False` / `None`. It reads data only; nothing
 * is evaluated, and anything else (names, calls, floats, operators) is refused.
 */
export function parsePyLiteral(text: string): PyLiteral {
  let pos = 0;
  const fail = (what: string): never => {
    throw new SkopsError(
      'INVALID_DATA',
      `Invalid .npy header: ${what} at offset ${pos} of ${JSON.stringify(text)}.`,
    );
  };
  const skipWs = () => {
    while (pos < text.length && ' \t\r\n'.includes(text.charAt(pos))) pos++;
  };

  const readString = (): PyLiteral => {
    const quote = text.charAt(pos);
    pos++;
    let out = '';
    for (;;) {
      if (pos >= text.length) fail('unterminated string');
      const c = text.charAt(pos);
      if (c === quote) {
        pos++;
        return { kind: 'str', value: out };
      }
      if (c === '\n') fail('newline in a string');
      if (c !== '\\') {
        out += c;
        pos++;
        continue;
      }
      const e = text.charAt(pos + 1);
      const simple = SIMPLE_ESCAPES[e];
      if (simple !== undefined) {
        out += simple;
        pos += 2;
        continue;
      }
      const width = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
      if (width === 0) fail('unsupported escape');
      const hex = text.slice(pos + 2, pos + 2 + width);
      if (hex.length !== width || !/^[0-9a-fA-F]+$/.test(hex)) fail('invalid escape');
      const code = parseInt(hex, 16);
      if (code > 0x10ffff) fail('invalid code point');
      out += String.fromCodePoint(code);
      pos += 2 + width;
    }
  };

  /** Items up to `close`, and whether a comma was seen (`(x,)` is a tuple, `(x)` is not). */
  const readSequence = (close: string, depth: number): { items: PyLiteral[]; comma: boolean } => {
    const items: PyLiteral[] = [];
    let comma = false;
    for (;;) {
      skipWs();
      if (text.charAt(pos) === close) {
        pos++;
        return { items, comma };
      }
      items.push(readValue(depth + 1));
      skipWs();
      if (text.charAt(pos) === ',') {
        pos++;
        comma = true;
      } else if (text.charAt(pos) !== close) {
        fail(`expected ',' or '${close}'`);
      }
    }
  };

  const readValue = (depth: number): PyLiteral => {
    if (depth > MAX_NESTING) fail('nesting too deep');
    skipWs();
    const c = text.charAt(pos);
    if (c === "'" || c === '"') return readString();
    if (c === '(') {
      pos++;
      const { items, comma } = readSequence(')', depth);
      if (items.length === 1 && !comma) return items[0] as PyLiteral;
      return { kind: 'tuple', items };
    }
    if (c === '[') {
      pos++;
      return { kind: 'list', items: readSequence(']', depth).items };
    }
    if (c === '{') {
      pos++;
      const entries: [PyLiteral, PyLiteral][] = [];
      for (;;) {
        skipWs();
        if (text.charAt(pos) === '}') {
          pos++;
          return { kind: 'dict', entries };
        }
        const key = readValue(depth + 1);
        skipWs();
        if (text.charAt(pos) !== ':') fail("expected ':'");
        pos++;
        entries.push([key, readValue(depth + 1)]);
        skipWs();
        if (text.charAt(pos) === ',') pos++;
        else if (text.charAt(pos) !== '}') fail("expected ',' or '}'");
      }
    }
    const int = /^[+-]?[0-9]+L?/.exec(text.slice(pos, pos + 64));
    if (int) {
      pos += int[0].length;
      if (/[0-9A-Za-z_.]/.test(text.charAt(pos))) fail('unsupported number');
      return { kind: 'int', value: BigInt(int[0].replace(/L$/, '')) };
    }
    for (const [word, value] of [
      ['True', { kind: 'bool', value: true }],
      ['False', { kind: 'bool', value: false }],
      ['None', { kind: 'none' }],
    ] as const) {
      if (text.startsWith(word, pos) && !/[0-9A-Za-z_]/.test(text.charAt(pos + word.length))) {
        pos += word.length;
        return value;
      }
    }
    return fail('unexpected token');
  };

  const value = readValue(0);
  skipWs();
  if (pos !== text.length) fail('unexpected data after the header');
  return value;
}
