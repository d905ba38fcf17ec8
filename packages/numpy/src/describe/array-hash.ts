import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex } from '@noble/hashes/utils';
import type { NDArray } from '../array/ndarray.js';
import { packedLittleEndianBytes } from './packed-bytes.js';

/** `H(a)` of the describe spec: lowercase hex SHA-256 of the packed little-endian C-order element bytes. */
export function arrayHash(array: NDArray): string {
  return bytesToHex(sha256(packedLittleEndianBytes(array)));
}
