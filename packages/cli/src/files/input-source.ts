import type { ByteSource } from '@skops-ts/core';
import { stat } from 'node:fs/promises';
import { fileSource } from '@skops-ts/core/node';
import { CliFailure } from '../failure.js';
import { EXIT } from '../exit-codes.js';
import { NO_PROGRESS, startProgress } from '../output/progress.js';
import { asFileFailure } from '../output/system-error.js';
import type { Terminal } from '../output/terminal.js';
import { visible } from '../output/safe-text.js';

const CHUNK = 8 * 1024 * 1024;

/**
 * Opens an input file for random access. A file that cannot be opened is a
 * {@link CliFailure} with exit code 2; a large file on a terminal shows a
 * progress bar of the bytes read, removed when the source is closed.
 */
export async function openInput(
  path: string,
  terminal: Terminal,
  options: { readonly progress?: boolean } = {},
): Promise<ByteSource> {
  const unreadable = (reason: string) => `cannot be read: ${reason}`;
  let source: ByteSource;
  try {
    if (!(await stat(path)).isFile())
      throw new CliFailure(EXIT.UNREADABLE, 'NOT_A_FILE', unreadable('not a regular file'));
    source = await fileSource(path);
  } catch (err) {
    throw asFileFailure(err, EXIT.UNREADABLE, unreadable);
  }
  const progress =
    options.progress === false
      ? NO_PROGRESS
      : startProgress(terminal.stderr, source.size, `reading ${visible(path)}`);
  const inner = source;
  return {
    size: inner.size,
    async read(offset: number, length: number): Promise<Uint8Array> {
      try {
        const bytes = await inner.read(offset, length);
        progress.advance(length);
        return bytes;
      } catch (err) {
        throw asFileFailure(err, EXIT.UNREADABLE, unreadable);
      }
    },
    async readInto(offset: number, target: Uint8Array): Promise<void> {
      try {
        // Stored members can be hundreds of MiB: fill them in chunks so the bar moves.
        for (let p = 0; p < target.length; p += CHUNK) {
          const part = target.subarray(p, Math.min(target.length, p + CHUNK));
          if (inner.readInto) await inner.readInto(offset + p, part);
          else part.set(await inner.read(offset + p, part.length));
          progress.advance(part.length);
        }
      } catch (err) {
        throw asFileFailure(err, EXIT.UNREADABLE, unreadable);
      }
    },
    async close(): Promise<void> {
      progress.stop();
      await inner.close?.();
    },
  };
}

/** Reads a whole input file into memory (with the same progress bar and errors as {@link openInput}). */
export async function readInput(path: string, terminal: Terminal): Promise<Uint8Array> {
  const source = await openInput(path, terminal);
  try {
    const bytes = new Uint8Array(source.size);
    await source.readInto?.(0, bytes);
    return bytes;
  } finally {
    await source.close?.();
  }
}
