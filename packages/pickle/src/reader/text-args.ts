/**
 * Parsers for the text arguments of protocol 0 opcodes, following what
 * CPython's unpickler does with them (`int(s, 0)`, `float(s)`,
 * `codecs.escape_decode`, `'raw-unicode-escape'`). Each returns `undefined`
 * where Python would raise.
 */

/** Python 3.11 refuses decimal conversions longer than this (`sys.int_info.str_digits_check_threshold` default). */
export const MAX_INT_DIGITS = 4300;

const BASE_PREFIX: Record<string, bigint> = { x: 16n, o: 8n, b: 2n };
const DIGITS: Record<string, RegExp> = {
  '16': /^[0-9a-f]+(_[0-9a-f]+)*$/i,
  '8': /^[0-7]+(_[0-7]+)*$/,
  '2': /^[01]+(_[01]+)*$/,
};

/** `int(text, 0)` when `anyBase`, else `int(text)` (base 10, leading zeros allowed). */
export function parsePythonInt(text: string, anyBase: boolean): bigint | undefined {
  let s = text.trim();
  let negative = false;
  if (s.startsWith('-') || s.startsWith('+')) {
    negative = s.startsWith('-');
    s = s.slice(1);
  }
  let value: bigint;
  const prefix =
    anyBase && s.length > 2 && s[0] === '0' ? BASE_PREFIX[s[1]!.toLowerCase()] : undefined;
  if (prefix !== undefined) {
    let body = s.slice(2);
    if (body.startsWith('_')) body = body.slice(1);
    if (!DIGITS[String(prefix)]!.test(body) || body.length > MAX_INT_DIGITS * 4) return undefined;
    const p = prefix === 16n ? '0x' : prefix === 8n ? '0o' : '0b';
    value = BigInt(p + body.replaceAll('_', ''));
  } else {
    if (!/^[0-9]+(_[0-9]+)*$/.test(s)) return undefined;
    const digits = s.replaceAll('_', '');
    if (digits.length > MAX_INT_DIGITS) return undefined;
    // Base 0 refuses leading zeros on non-zero decimals, as Python's literal syntax does.
    if (anyBase && digits.length > 1 && digits[0] === '0' && /[1-9]/.test(digits)) return undefined;
    value = BigInt(digits);
  }
  return negative ? -value : value;
}

/** `float(text)`: decimal literals with optional underscores, `inf`, `infinity`, `nan`. */
export function parsePythonFloat(text: string): number | undefined {
  const s = text.trim();
  const special = /^([+-]?)(inf|infinity|nan)$/i.exec(s);
  if (special) {
    if (special[2]!.toLowerCase() === 'nan') return Number.NaN;
    return special[1] === '-' ? -Infinity : Infinity;
  }
  if (!/^[+-]?(\d(_?\d)*(\.(\d(_?\d)*)?)?|\.\d(_?\d)*)([eE][+-]?\d(_?\d)*)?$/.test(s))
    return undefined;
  return Number(s.replaceAll('_', ''));
}

const SIMPLE_ESCAPES: Record<number, number> = {
  0x5c: 0x5c,
  0x27: 0x27,
  0x22: 0x22,
  0x61: 0x07,
  0x62: 0x08,
  0x66: 0x0c,
  0x6e: 0x0a,
  0x72: 0x0d,
  0x74: 0x09,
  0x76: 0x0b,
};

function hexValue(c: number | undefined): number {
  if (c === undefined) return -1;
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  return -1;
}

/** `codecs.escape_decode` (the body of a protocol 0 STRING, quotes removed). */
export function escapeDecode(src: Uint8Array): Uint8Array | undefined {
  const out = new Uint8Array(src.length);
  let n = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c !== 0x5c) {
      out[n++] = c;
      continue;
    }
    const e = src[++i];
    if (e === undefined) return undefined;
    const simple = SIMPLE_ESCAPES[e];
    if (simple !== undefined) out[n++] = simple;
    else if (e === 0x0a) continue;
    else if (e >= 0x30 && e <= 0x37) {
      let v = e - 0x30;
      for (
        let k = 0;
        k < 2 && src[i + 1] !== undefined && src[i + 1]! >= 0x30 && src[i + 1]! <= 0x37;
        k++
      )
        v = v * 8 + (src[++i]! - 0x30);
      out[n++] = v & 0xff;
    } else if (e === 0x78) {
      const hi = hexValue(src[i + 1]);
      const lo = hexValue(src[i + 2]);
      if (hi < 0 || lo < 0) return undefined;
      out[n++] = hi * 16 + lo;
      i += 2;
    } else {
      out[n++] = 0x5c;
      out[n++] = e;
    }
  }
  return out.subarray(0, n);
}

/** `str(src, 'raw-unicode-escape')`: latin-1 except `\uXXXX` / `\UXXXXXXXX` after an odd run of backslashes. */
export function rawUnicodeEscapeDecode(src: Uint8Array): string | undefined {
  const parts: string[] = [];
  const units: number[] = [];
  const flush = (): void => {
    parts.push(String.fromCharCode(...units));
    units.length = 0;
  };
  let i = 0;
  while (i < src.length) {
    if (units.length >= 4096) flush();
    const c = src[i]!;
    if (c !== 0x5c) {
      units.push(c);
      i++;
      continue;
    }
    let run = 0;
    while (src[i + run] === 0x5c) run++;
    const next = src[i + run];
    if (run % 2 === 0 || (next !== 0x75 && next !== 0x55)) {
      for (let k = 0; k < run; k++) units.push(0x5c);
      i += run;
      continue;
    }
    for (let k = 0; k < run - 1; k++) units.push(0x5c);
    const width = next === 0x75 ? 4 : 8;
    let cp = 0;
    for (let k = 0; k < width; k++) {
      const h = hexValue(src[i + run + 1 + k]);
      if (h < 0) return undefined;
      cp = cp * 16 + h;
    }
    if (cp > 0x10ffff) return undefined;
    if (cp >= 0x10000)
      units.push(0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff));
    else units.push(cp);
    i += run + 1 + width;
  }
  flush();
  return parts.join('');
}
