import type { ByteSource } from './types.js';
import { invalidArchive } from './archive-errors.js';

/**
 * A {@link ByteSource} over bytes already in memory. Reads return views into
 * `bytes` (no copy); the archive reader copies where a member must own its buffer.
 */
export function memorySource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    read(offset: number, length: number): Promise<Uint8Array> {
      if (!(offset >= 0 && length >= 0 && offset + length <= bytes.length)) {
        return Promise.reject(
          invalidArchive(
            `The archive is truncated: a read of ${length} bytes at offset ${offset} goes past its end (${bytes.length} bytes).`,
          ),
        );
      }
      return Promise.resolve(bytes.subarray(offset, offset + length));
    },
    readInto(offset: number, target: Uint8Array): Promise<void> {
      return this.read(offset, target.length).then((view) => target.set(view));
    },
  };
}
