/** Python's `s.encode('latin-1')`; undefined when a character is above U+00FF. */
export function latin1Bytes(text: string): Uint8Array | undefined {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0xff) return undefined;
    out[i] = c;
  }
  return out;
}

/** Python's `s.encode('ascii')`; undefined for non-ASCII text. */
export function asciiBytes(text: string): Uint8Array | undefined {
  const out = latin1Bytes(text);
  return out && out.every((b) => b < 0x80) ? out : undefined;
}

/** Python's `s.encode(encoding)` for the codecs pickles use; undefined when it cannot encode. */
export function encodeText(text: string, encoding: string): Uint8Array | undefined {
  const e = encoding.toLowerCase().replaceAll('_', '-');
  if (e === 'latin1' || e === 'latin-1' || e === 'iso-8859-1' || e === 'iso8859-1' || e === 'l1')
    return latin1Bytes(text);
  if (e === 'ascii' || e === 'us-ascii') return asciiBytes(text);
  if (e === 'utf-8' || e === 'utf8') {
    if (/[\uD800-\uDFFF]/u.test(text.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, '')))
      return undefined;
    return new TextEncoder().encode(text);
  }
  return undefined;
}
