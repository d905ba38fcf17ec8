import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { dumpChunks } from '../api/dumps.js';
import type { DumpOptions } from '../api/options.js';

// Node refuses one buffer of 2 GiB or more; a larger chunk (an array's data) goes in slices.
const MAX_WRITE = 0x4000_0000;
// One writev call takes many chunks (one thread-pool round trip instead of one
// per header and per small member), at most IOV_MAX buffers and 1 GiB.
const MAX_BATCH_BUFFERS = 1024;
const MAX_BATCH_BYTES = MAX_WRITE;
// Gathered chunks go out once they reach this size, so array data is written
// while the next members' CRCs are computed.
const FLUSH_BYTES = 4 << 20;

async function writeBatch(handle: FileHandle, batch: Uint8Array[], size: number): Promise<void> {
  // libuv retries short writes itself; fewer bytes here means the file system stopped taking them.
  const { bytesWritten } = await handle.writev(batch);
  if (bytesWritten !== size) {
    throw Object.assign(
      new Error(
        `Wrote ${bytesWritten} of ${size} bytes: the file system took no more (disk full?).`,
      ),
      { code: 'EIO' },
    );
  }
}

/**
 * Writes the chunks in order with one write in flight at a time: while it
 * runs on the thread pool, the next chunks (and their CRCs) are computed.
 */
async function writeChunks(handle: FileHandle, chunks: Iterable<Uint8Array>): Promise<void> {
  let inFlight: Promise<void> = Promise.resolve();
  let batch: Uint8Array[] = [];
  let size = 0;
  const flush = async (): Promise<void> => {
    const out = batch;
    const outSize = size;
    batch = [];
    size = 0;
    await inFlight;
    inFlight = writeBatch(handle, out, outSize);
    // Awaited at the next flush; until then a failure must not count as unhandled.
    inFlight.catch(() => undefined);
  };
  try {
    for (const chunk of chunks) {
      for (let p = 0; p < chunk.length; p += MAX_WRITE) {
        const piece = chunk.subarray(p, p + MAX_WRITE);
        if (batch.length === MAX_BATCH_BUFFERS || size + piece.length > MAX_BATCH_BYTES)
          await flush();
        batch.push(piece);
        size += piece.length;
      }
      if (size >= FLUSH_BYTES) await flush();
    }
    if (batch.length) await flush();
  } finally {
    // Never leave a write running on a handle the caller is about to close.
    await inFlight.catch(() => undefined);
  }
  await inFlight;
}

/**
 * Writes a value to `path` as a skops file. The bytes go to a temporary file
 * beside it that is renamed into place, so a failure never leaves a
 * half-written file. Array data is written from the arrays' own memory while
 * the promise is pending: leave the value unchanged until it settles.
 */
export async function dump(value: unknown, path: string, options: DumpOptions = {}): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  const handle = await open(tmp, 'wx');
  try {
    await writeChunks(handle, dumpChunks(value, options));
    await handle.close();
    await rename(tmp, path);
  } catch (err) {
    await handle.close().catch(() => undefined);
    await rm(tmp, { force: true });
    throw err;
  }
}
