/**
 * Python's `repr(float)`: the shortest digits that round-trip (as JavaScript
 * finds them), laid out as Python does — fixed notation for decimal exponents
 * from -4 to 15 with at least one fractional digit, scientific otherwise with
 * a two-digit exponent (`1e-05`, `1e+16`), and `nan`, `inf`, `-inf`.
 */
export function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mantissa = '', expText = '0'] = x.toExponential().split('e');
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  const exp = Number(expText);
  const sign = negative ? '-' : '';
  if (exp < -4 || exp >= 16) {
    const frac = digits.length > 1 ? `.${digits.slice(1)}` : '';
    const e = Math.abs(exp).toString().padStart(2, '0');
    return `${sign}${digits[0]}${frac}e${exp < 0 ? '-' : '+'}${e}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
  const fracPart = digits.slice(exp + 1);
  return `${sign}${intPart}.${fracPart || '0'}`;
}

/** The token Python's `json.dumps` writes for a float (`NaN`, `Infinity`, repr otherwise). */
export function pyJsonFloat(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  return pyFloatRepr(x);
}

/** Parses a Python float literal as `float(s)` accepts it; undefined when it is not one. */
export function parsePyFloat(text: string): number | undefined {
  const s = text
    .trim()
    .replace(/(?<=\d)_(?=\d)/g, '')
    .toLowerCase();
  if (/^[+-]?nan$/.test(s)) return NaN;
  if (/^[+-]?inf(inity)?$/.test(s)) return s.startsWith('-') ? -Infinity : Infinity;
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(s)) return Number(s);
  return undefined;
}

/** Parses a Python int literal as `int(s)` accepts it (base 10); undefined when it is not one. */
export function parsePyInt(text: string): bigint | undefined {
  const s = text.trim();
  if (!/^[+-]?\d+(_\d+)*$/.test(s)) return undefined;
  return BigInt(s.replace(/_/g, ''));
}
