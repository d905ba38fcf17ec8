import type { NDArray } from '../array/ndarray.js';
import { formatHeaderText } from './header.js';

const ARRAY_ALIGN = 64;

function encodeHeader(text: string, version: 1 | 2 | 3): Uint8Array | null {
  let body: Uint8Array;
  if (version === 3) {
    body = new TextEncoder().encode(text);
  } else {
    body = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c > 0xff) return null;
      body[i] = c;
    }
  }
  const lenSize = version === 1 ? 2 : 4;
  const prefix = 8 + lenSize;
  const hlen = body.length + 1;
  const pad = ARRAY_ALIGN - ((prefix + hlen) % ARRAY_ALIGN);
  const total = hlen + pad;
  if (version === 1 && total > 0xffff) return null;
  const out = new Uint8Array(prefix + total);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, version, 0]);
  const view = new DataView(out.buffer);
  if (version === 1) view.setUint16(8, total, true);
  else view.setUint32(8, total, true);
  out.set(body, prefix);
  out.fill(0x20, prefix + body.length, out.length - 1);
  out[out.length - 1] = 0x0a;
  return out;
}

/**
 * The `.npy` file of an array as two chunks: its header, and its data as a
 * view of the array's own bytes where they are contiguous (a copy in C
 * order where they are not). Joined, they are {@link writeNpy}'s bytes;
 * apart, the data reaches an archive without being copied behind the header.
 */
export function npyChunks(array: NDArray): [header: Uint8Array, data: Uint8Array] {
  const fortranOrder = array.order === 'F';
  const text = formatHeaderText({ dtype: array.dtype, fortranOrder, shape: array.shape });
  const header =
    encodeHeader(text, 1) ?? encodeHeader(text, 2) ?? (encodeHeader(text, 3) as Uint8Array);
  return [header, array.bytes()];
}

/**
 * Writes an array as `numpy.save(f, a, allow_pickle=False)` does, byte for
 * byte: format 1.0 unless the header needs 2.0 (long) or 3.0 (non-Latin-1
 * field names), the header padded to 64 bytes, data in C order or, for
 * column-major arrays, Fortran order.
 */
export function writeNpy(array: NDArray): Uint8Array {
  const [header, data] = npyChunks(array);
  const out = new Uint8Array(header.length + data.length);
  out.set(header);
  out.set(data, header.length);
  return out;
}
