import { isXgbObject, isXgbTypedArray, type XgbJson } from './xgb-json.js';

/**
 * Shortest decimal that reads back as the same float32 (XGBoost stores model
 * floats as float32 and prints them with `to_chars`), always with a `.` or an
 * exponent so that XGBoost's reader keeps it a `Number`, not an `Integer`.
 */
export function formatFloat32(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  let text = String(x);
  for (let digits = 1; digits <= 9; digits++) {
    const candidate = x.toPrecision(digits);
    if (Math.fround(Number(candidate)) === x) {
      text = String(Number(candidate));
      break;
    }
  }
  return withFraction(Object.is(x, -0) ? '-0' : text);
}

function formatFloat64(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  return withFraction(Object.is(x, -0) ? '-0' : String(x));
}

function withFraction(text: string): string {
  return /[.eE]/.test(text) ? text : `${text}.0`;
}

function formatNumber(x: number): string {
  return Math.fround(x) === x || Number.isNaN(x) ? formatFloat32(x) : formatFloat64(x);
}

function quote(s: string): string {
  return JSON.stringify(s);
}

/**
 * Writes the document model as compact JSON text the way XGBoost's
 * `JsonWriter` does: integers as integers, floats as shortest float32
 * decimals (`NaN` / `Infinity` for non-finite values), key order kept.
 */
export function encodeXgbJsonText(value: XgbJson): string {
  const parts: string[] = [];
  write(value, parts);
  return parts.join('');
}

function write(value: XgbJson, out: string[]): void {
  if (value === null) out.push('null');
  else if (typeof value === 'boolean') out.push(value ? 'true' : 'false');
  else if (typeof value === 'bigint') out.push(value.toString());
  else if (typeof value === 'number') out.push(formatNumber(value));
  else if (typeof value === 'string') out.push(quote(value));
  else if (isXgbTypedArray(value)) {
    out.push('[');
    const float32 = value instanceof Float32Array;
    const float64 = value instanceof Float64Array;
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.push(',');
      const item = value[i] as number | bigint;
      if (float32) out.push(formatFloat32(item as number));
      else if (float64) out.push(formatFloat64(item as number));
      else out.push(item.toString());
    }
    out.push(']');
  } else if (isXgbObject(value)) {
    out.push('{');
    let first = true;
    for (const [key, item] of value) {
      if (!first) out.push(',');
      first = false;
      out.push(quote(key), ':');
      write(item, out);
    }
    out.push('}');
  } else {
    out.push('[');
    value.forEach((item, i) => {
      if (i > 0) out.push(',');
      write(item, out);
    });
    out.push(']');
  }
}
