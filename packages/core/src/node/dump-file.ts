import { open, rename, rm } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { dumpChunks } from '../api/dumps.js';
import type { DumpOptions } from '../api/options.js';

// One write is limited to 2 GiB - 1 by Node; a larger chunk (an array's data) goes in slices.
const MAX_WRITE = 0x4000_0000;

/**
 * Writes a value to `path` as a skops file. The bytes go to a temporary file
 * beside it that is renamed into place, so a failure never leaves a
 * half-written file.
 */
export async function dump(value: unknown, path: string, options: DumpOptions = {}): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  const handle = await open(tmp, 'wx');
  try {
    for (const chunk of dumpChunks(value, options)) {
      for (let p = 0; p < chunk.length; p += MAX_WRITE)
        await handle.write(chunk.subarray(p, p + MAX_WRITE));
    }
    await handle.close();
    await rename(tmp, path);
  } catch (err) {
    await handle.close().catch(() => undefined);
    await rm(tmp, { force: true });
    throw err;
  }
}
