import { open } from 'node:fs/promises';
import type { ByteSource } from '../archive/types.js';
import { invalidArchive } from '../archive/archive-errors.js';

// One positional read is limited to 2 GiB - 1 by Node; larger reads loop.
const MAX_READ = 0x7fff_f000;

/**
 * A {@link ByteSource} over a file, read with positional reads so archives of
 * any size (beyond 4 GiB) are read without loading them. Close it (or the
 * archive reader opened on it) when done.
 */
export async function fileSource(path: string): Promise<ByteSource> {
  const handle = await open(path, 'r');
  let size: number;
  try {
    size = (await handle.stat()).size;
  } catch (error) {
    await handle.close();
    throw error;
  }
  let closed = false;

  const readInto = async (offset: number, target: Uint8Array): Promise<void> => {
    if (!(offset >= 0 && offset + target.length <= size)) {
      throw invalidArchive(
        `The archive is truncated: a read of ${target.length} bytes at offset ${offset} goes past its end (${size} bytes).`,
      );
    }
    let done = 0;
    while (done < target.length) {
      const want = Math.min(MAX_READ, target.length - done);
      const { bytesRead } = await handle.read(target, done, want, offset + done);
      if (bytesRead === 0) {
        throw invalidArchive(
          `The archive file shrank while being read (${offset + done} of ${size} bytes): read it again once it is complete.`,
        );
      }
      done += bytesRead;
    }
  };

  return {
    size,
    async read(offset: number, length: number): Promise<Uint8Array> {
      const target = new Uint8Array(length);
      await readInto(offset, target);
      return target;
    },
    readInto,
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await handle.close();
    },
  };
}
