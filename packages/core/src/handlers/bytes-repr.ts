/** Python's `repr(bytes)`: `b'...'`, double quotes only when the bytes hold `'` and no `"`. */
export function pyBytesRepr(data: Uint8Array): string {
  const quote = data.includes(0x27) && !data.includes(0x22) ? '"' : "'";
  let out = 'b' + quote;
  for (const b of data) {
    if (b === 0x5c) out += '\\\\';
    else if (b === quote.charCodeAt(0)) out += '\\' + quote;
    else if (b === 0x09) out += '\\t';
    else if (b === 0x0a) out += '\\n';
    else if (b === 0x0d) out += '\\r';
    else if (b < 0x20 || b >= 0x7f) out += '\\x' + b.toString(16).padStart(2, '0');
    else out += String.fromCharCode(b);
  }
  return out + quote;
}

/**
 * `reprlib.Repr(maxstring=24).repr(bytes)` as skops' visualize prints it:
 * bytes have no `repr_bytes`, so the generic rule cuts reprs longer than
 * `maxother` (30) to 13 characters, `...`, and the last 14.
 */
export function shortBytesRepr(data: Uint8Array): string {
  const s = pyBytesRepr(data);
  return s.length > 30 ? `${s.slice(0, 13)}...${s.slice(s.length - 14)}` : s;
}
