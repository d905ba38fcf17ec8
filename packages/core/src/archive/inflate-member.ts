import { Inflate } from 'fflate';
import { SkopsError } from '../errors/skops-error.js';
import { invalidArchive, quoteName } from './archive-errors.js';
import type { MemberOutput } from './member-output.js';

// DEFLATE cannot expand input more than 1032-fold, so feeding at most
// remaining/1024 input bytes at a time (but at least 16 KiB, below which
// per-push overhead dominates) bounds what one push can produce before the
// output check runs to about the remaining budget, or 17 MiB.
const MAX_RATIO = 1024;
const MIN_STEP = 16 * 1024;
const MAX_STEP = 256 * 1024;

/** Inflates a raw DEFLATE stream given as compressed chunks into `out`, stopping as soon as it overflows. */
export async function inflateInto(
  chunks: AsyncIterable<Uint8Array>,
  out: MemberOutput,
): Promise<Uint8Array> {
  const inflater = new Inflate((data) => out.write(data));
  const push = (data: Uint8Array, final: boolean): void => {
    try {
      inflater.push(data, final);
    } catch (cause) {
      if (SkopsError.isInstance(cause)) throw cause;
      throw invalidArchive(
        `Member ${quoteName(out.name)} is not a valid DEFLATE stream (${cause instanceof Error ? cause.message : String(cause)}): the archive is corrupt.`,
        cause,
      );
    }
  };
  for await (const chunk of chunks) {
    let p = 0;
    while (p < chunk.length) {
      const step = Math.min(MAX_STEP, Math.max(MIN_STEP, Math.ceil(out.remaining / MAX_RATIO)));
      push(chunk.subarray(p, p + step), false);
      p += step;
    }
  }
  push(new Uint8Array(0), true);
  return out.finish();
}
