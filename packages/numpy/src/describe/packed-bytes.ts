import type { NDArray } from '../array/ndarray.js';
import type { DType } from '../dtype/dtype.js';
import { forEachOffsetC } from '../array/layout.js';

/** One run of bytes of an item, in packed order: where it is and how to make it little-endian. */
interface Leaf {
  readonly offset: number;
  readonly size: number;
  /** Group size to reverse (0 or 1: copy as is). */
  readonly swap: number;
  readonly bool: boolean;
}

function leaves(dtype: DType, base: number, out: Leaf[]): void {
  // Zero-size items have no bytes; a file can give them any sub-array shape
  // (2**50 copies of an empty record), so they must not be walked.
  if (dtype.itemsize === 0) return;
  if (dtype.subarray) {
    const { base: el, shape } = dtype.subarray;
    const n = shape.reduce((a, b) => a * b, 1);
    if (!el.subarray && !el.fields) {
      // A run of scalars is one leaf: the byte-order swap works group by group.
      out.push({ ...scalarLeaf(el, base), size: n * el.itemsize });
      return;
    }
    for (let i = 0; i < n; i++) leaves(el, base + i * el.itemsize, out);
    return;
  }
  if (dtype.fields) {
    for (const f of dtype.fields) leaves(f.dtype, base + f.offset, out);
    return;
  }
  out.push(scalarLeaf(dtype, base));
}

function scalarLeaf(dtype: DType, offset: number): Leaf {
  const unit = dtype.scalar?.swapUnit ?? 1;
  return {
    offset,
    size: dtype.itemsize,
    swap: dtype.byteOrder === '>' ? unit : 0,
    bool: dtype.kind === 'b',
  };
}

/**
 * The element bytes the `describe` hash covers: C order, every element
 * little-endian, structured items packed field by field without padding,
 * bools as 0 / 1, float128 / complex256 bytes as stored. A plain
 * little-endian C-contiguous array is returned without copying.
 */
export function packedLittleEndianBytes(array: NDArray): Uint8Array {
  // No bytes to pack: a shape of 2**32 zero-size records must not be walked element by element.
  if (array.size === 0 || array.dtype.itemsize === 0) return new Uint8Array(0);
  const parts: Leaf[] = [];
  leaves(array.dtype, 0, parts);
  const simple =
    parts.length === 1 && parts[0]?.swap === 0 && parts[0].size === array.dtype.itemsize;
  if (simple && array.isCContiguous) {
    const bytes = array.bytes();
    if (!parts[0]?.bool || bytes.every((b) => b <= 1)) return bytes;
  }
  const packed = parts.reduce((n, p) => n + p.size, 0);
  const out = new Uint8Array(array.size * packed);
  const src = array.buffer;
  let pos = 0;
  forEachOffsetC(array.shape, array.strides, array.offset, (at) => {
    for (const leaf of parts) {
      const start = at + leaf.offset;
      if (leaf.bool) {
        for (let k = 0; k < leaf.size; k++) out[pos + k] = src[start + k] ? 1 : 0;
      } else if (leaf.swap > 1) {
        for (let g = 0; g < leaf.size; g += leaf.swap) {
          for (let k = 0; k < leaf.swap; k++)
            out[pos + g + k] = src[start + g + leaf.swap - 1 - k] as number;
        }
      } else {
        out.set(src.subarray(start, start + leaf.size), pos);
      }
      pos += leaf.size;
    }
  });
  return out;
}
