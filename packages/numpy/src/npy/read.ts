import { DEFAULT_LIMITS, LimitExceededError, SkopsError, type Limits } from '@skops-ts/core';
import { NDArray } from '../array/ndarray.js';
import { parseHeaderText, type NpyHeader } from './header.js';

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];
/** numpy refuses longer headers by default (`max_header_size`); so do we. */
export const NPY_MAX_HEADER_SIZE = 10_000;

/** Where the header ends and what it declares. */
export interface NpyLayout extends NpyHeader {
  readonly version: 1 | 2 | 3;
  /** Byte offset of the array data. */
  readonly dataOffset: number;
}

function invalid(message: string, path?: string): SkopsError {
  return new SkopsError('INVALID_DATA', `Invalid .npy data: ${message}`, { path });
}

// Headers are at most NPY_MAX_HEADER_SIZE bytes by default, but maxHeaderSize may raise that: decode in slices that stay far below engines' argument limits.
const LATIN1_SLICE = 8192;

function decodeLatin1(bytes: Uint8Array): string {
  let s = '';
  for (let p = 0; p < bytes.length; p += LATIN1_SLICE)
    s += String.fromCharCode.apply(
      null,
      bytes.subarray(p, p + LATIN1_SLICE) as unknown as number[],
    );
  return s;
}

/** Reads and checks the magic, version and header of a `.npy` file. */
export function readNpyHeader(bytes: Uint8Array, maxHeaderSize = NPY_MAX_HEADER_SIZE): NpyLayout {
  if (bytes.length < 10 || MAGIC.some((b, i) => bytes[i] !== b)) {
    throw invalid('the magic string \\x93NUMPY is missing.');
  }
  const major = bytes[6] ?? 0;
  const minor = bytes[7] ?? 0;
  if (major < 1 || major > 3 || minor !== 0) {
    throw invalid(`format version ${major}.${minor} is not one of 1.0, 2.0, 3.0.`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lenSize = major === 1 ? 2 : 4;
  if (bytes.length < 8 + lenSize) throw invalid('the header length is cut off.');
  const headerLen = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  if (headerLen > maxHeaderSize) {
    throw invalid(
      `the header has ${headerLen} bytes, more than the ${maxHeaderSize} allowed ` +
        '(numpy refuses such headers too unless given max_header_size; pass maxHeaderSize to read it).',
    );
  }
  const start = 8 + lenSize;
  const dataOffset = start + headerLen;
  if (dataOffset > bytes.length) throw invalid('the header is cut off.');
  const raw = bytes.subarray(start, dataOffset);
  let text: string;
  if (major === 3) {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
    } catch (cause) {
      throw new SkopsError(
        'INVALID_DATA',
        'Invalid .npy data: the version 3 header is not UTF-8.',
        { cause },
      );
    }
  } else {
    text = decodeLatin1(raw);
  }
  return { ...parseHeaderText(text), version: major as 1 | 2 | 3, dataOffset };
}

/** Options of {@link readNpy}. */
export interface ReadNpyOptions {
  readonly limits?: Limits;
  /** Schema path to report in errors (the NdArrayNode that names the member). */
  readonly path?: string;
  /** Longest header accepted, in bytes; numpy's default is {@link NPY_MAX_HEADER_SIZE}. */
  readonly maxHeaderSize?: number;
}

/**
 * Reads a `.npy` file (format 1.0, 2.0 or 3.0) without pickle. The array's
 * element count and byte size are checked against the limits and the data
 * length before anything is allocated; the result is a view of `bytes`.
 */
export function readNpy(bytes: Uint8Array, options: ReadNpyOptions = {}): NDArray {
  const { path } = options;
  const limits = options.limits ?? DEFAULT_LIMITS;
  let layout: NpyLayout;
  try {
    layout = readNpyHeader(bytes, options.maxHeaderSize);
  } catch (error) {
    if (path && SkopsError.isInstance(error) && !error.path) {
      throw new SkopsError(error.code, error.message, { path, cause: error });
    }
    throw error;
  }
  const { dtype, shape } = layout;
  // The array folds a sub-array dtype into its shape (as numpy does), so the
  // element limit applies to that shape: zero-size items make it free in bytes.
  const dims = [...shape];
  for (let d = dtype; d.subarray; d = d.subarray.base) dims.push(...d.subarray.shape);
  const elements = dims.includes(0) ? 0 : dims.reduce((n, d) => n * d, 1);
  if (elements > limits.maxArrayElements) {
    throw new LimitExceededError(
      'maxArrayElements',
      elements,
      limits.maxArrayElements,
      `A .npy array of shape (${dims.join(', ')})`,
      path,
    );
  }
  const count = shape.includes(0) ? 0 : shape.reduce((n, d) => n * d, 1);
  const nbytes = count * dtype.itemsize;
  if (nbytes > limits.maxArrayBytes) {
    throw new LimitExceededError(
      'maxArrayBytes',
      nbytes,
      limits.maxArrayBytes,
      `A .npy array of shape (${shape.join(', ')}) and dtype ${dtype.str}`,
      path,
    );
  }
  const available = bytes.length - layout.dataOffset;
  if (available !== nbytes) {
    throw invalid(
      `the header declares shape (${shape.join(', ')}) of ${dtype.str} (${nbytes} bytes) but ${available} bytes of data follow.`,
      path,
    );
  }
  return new NDArray({
    dtype,
    shape,
    order: layout.fortranOrder ? 'F' : 'C',
    buffer: bytes.subarray(layout.dataOffset),
  });
}
