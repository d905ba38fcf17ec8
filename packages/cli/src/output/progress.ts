import { Presets, SingleBar } from 'cli-progress';
import type { OutputStream } from './terminal.js';

/** Files above this size show a progress bar while they are read (on a terminal only). */
export const PROGRESS_MIN_BYTES = 50 * 1024 * 1024;

const MiB = 1024 * 1024;

/** Progress of reading a file; a no-op where no bar is shown. */
export interface Progress {
  advance(bytes: number): void;
  stop(): void;
}

/** Progress that shows nothing. */
export const NO_PROGRESS: Progress = Object.freeze({
  advance: () => undefined,
  stop: () => undefined,
});

/** A bar only on an interactive stderr and for a large file, so pipes and logs never get one. */
export function wantsProgress(stream: OutputStream, size: number): boolean {
  return stream.isTTY === true && size > PROGRESS_MIN_BYTES;
}

/** Starts a progress bar on `stream` for reading `total` bytes, or a silent one when none is wanted. */
export function startProgress(stream: OutputStream, total: number, label: string): Progress {
  if (!wantsProgress(stream, total)) return NO_PROGRESS;
  const bar = new SingleBar(
    {
      stream: stream as NodeJS.WritableStream,
      format: `${label} [{bar}] {percentage}% | {value}/{total} MiB | {eta_formatted}`,
      formatValue: (value, _options, type) =>
        type === 'value' || type === 'total' ? (value / MiB).toFixed(0) : String(value),
      hideCursor: true,
      clearOnComplete: true,
    },
    Presets.shades_classic,
  );
  let done = 0;
  bar.start(total, 0);
  return {
    advance(bytes: number) {
      done = Math.min(total, done + bytes);
      bar.update(done);
    },
    stop() {
      bar.stop();
    },
  };
}
