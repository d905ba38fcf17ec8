const strict = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes UTF-8 the way the unpickler does (`'surrogatepass'`): Python
 * pickles lone surrogates as their 3-byte encodings, which a strict decoder
 * rejects. Returns `undefined` for bytes that are not UTF-8 even so.
 */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return strict.decode(bytes);
  } catch {
    return decodeWithSurrogates(bytes);
  }
}

function decodeWithSurrogates(b: Uint8Array): string | undefined {
  const units: number[] = [];
  let out = '';
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    let cp: number;
    let n: number;
    if (c < 0x80) [cp, n] = [c, 0];
    else if (c >= 0xc2 && c < 0xe0) [cp, n] = [c & 0x1f, 1];
    else if (c >= 0xe0 && c < 0xf0) [cp, n] = [c & 0x0f, 2];
    else if (c >= 0xf0 && c < 0xf5) [cp, n] = [c & 0x07, 3];
    else return undefined;
    for (let k = 1; k <= n; k++) {
      const cc = b[i + k];
      if (cc === undefined || (cc & 0xc0) !== 0x80) return undefined;
      cp = (cp << 6) | (cc & 0x3f);
    }
    if ((n === 2 && cp < 0x800) || (n === 3 && (cp < 0x10000 || cp > 0x10ffff))) return undefined;
    if (cp >= 0x10000) {
      const v = cp - 0x10000;
      units.push(0xd800 + (v >> 10), 0xdc00 + (v & 0x3ff));
    } else units.push(cp);
    i += n + 1;
    if (units.length >= 4096) {
      out += String.fromCharCode(...units);
      units.length = 0;
    }
  }
  return out + String.fromCharCode(...units);
}
