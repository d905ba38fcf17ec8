/** What `pyRepr` writes: strings, ints, bools, tuples and lists. */
export type PyReprValue =
  | string
  | number
  | bigint
  | boolean
  | { readonly tuple: readonly PyReprValue[] }
  | readonly PyReprValue[];

// Python's str.isprintable() is false for these categories, except ASCII space.
const NON_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

/** Python's `repr` of a str. */
export function reprString(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch !== ' ' && NON_PRINTABLE.test(ch)) {
      const code = ch.codePointAt(0) ?? 0;
      if (code < 0x100) out += `\\x${code.toString(16).padStart(2, '0')}`;
      else if (code < 0x10000) out += `\\u${code.toString(16).padStart(4, '0')}`;
      else out += `\\U${code.toString(16).padStart(8, '0')}`;
    } else out += ch;
  }
  return out + quote;
}

/** Python's `repr` of the header values numpy writes. */
export function pyRepr(value: PyReprValue): string {
  if (typeof value === 'string') return reprString(value);
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) return `[${(value as readonly PyReprValue[]).map(pyRepr).join(', ')}]`;
  const items = (value as { tuple: readonly PyReprValue[] }).tuple;
  if (items.length === 1) return `(${pyRepr(items[0] as PyReprValue)},)`;
  return `(${items.map(pyRepr).join(', ')})`;
}
