import { Inflate } from 'fflate';
import { SkopsError } from '../errors/skops-error.js';
import { invalidArchive, quoteName } from './archive-errors.js';
import type { MemberOutput } from './member-output.js';

/**
 * Inflates a raw DEFLATE stream given as compressed chunks into `out`,
 * stopping as soon as it overflows. Uses the platform's native inflater
 * (`DecompressionStream('deflate-raw')`: zlib in Node, the browser's own)
 * where there is one, and fflate otherwise.
 */
export function inflateInto(
  chunks: AsyncIterable<Uint8Array>,
  out: MemberOutput,
): Promise<Uint8Array> {
  const stream = nativeInflater();
  return stream ? inflateNative(stream, chunks, out) : inflateFflate(chunks, out);
}

function nativeInflater(): TransformStream<Uint8Array, Uint8Array> | undefined {
  const Native = (globalThis as { DecompressionStream?: typeof DecompressionStream })
    .DecompressionStream;
  if (!Native) return undefined;
  try {
    return new Native('deflate-raw') as TransformStream<Uint8Array, Uint8Array>;
  } catch {
    // Older browsers know only 'deflate' and 'gzip'.
    return undefined;
  }
}

function notDeflate(out: MemberOutput, cause: unknown): SkopsError {
  if (SkopsError.isInstance(cause)) return cause;
  return invalidArchive(
    `Member ${quoteName(out.name)} is not a valid DEFLATE stream (${cause instanceof Error ? cause.message : String(cause)}): the archive is corrupt.`,
    cause,
  );
}

/**
 * The native stream produces output in small pieces (16 KiB in Node) and
 * holds back input while its output is unread, so the overflow check on each
 * piece stops a zip bomb after at most one piece too many.
 */
export async function inflateNative(
  stream: TransformStream<Uint8Array, Uint8Array>,
  chunks: AsyncIterable<Uint8Array>,
  out: MemberOutput,
): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  let feedError: unknown;
  const feed = (async () => {
    try {
      for await (const chunk of chunks) await writer.write(chunk);
      await writer.close();
    } catch (error) {
      feedError = error;
      await reader.cancel().catch(() => undefined);
    }
  })();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      out.write(value);
    }
  } catch (error) {
    // Cancelling the readable side errors the writable side too, which
    // releases a write blocked on output nobody will read.
    await reader.cancel(error).catch(() => undefined);
    await writer.abort(error).catch(() => undefined);
    await feed;
    // An overflow or a failed read says more than the stream's own complaint.
    const own = [error, feedError].find((e) => SkopsError.isInstance(e));
    throw notDeflate(out, own ?? error);
  }
  await feed;
  if (feedError !== undefined) throw notDeflate(out, feedError);
  return out.finish();
}

// DEFLATE cannot expand input more than 1032-fold, so feeding at most
// remaining/1024 input bytes at a time (but at least 16 KiB, below which
// per-push overhead dominates) bounds what one push can produce before the
// output check runs to about the remaining budget, or 17 MiB.
const MAX_RATIO = 1024;
const MIN_STEP = 16 * 1024;
const MAX_STEP = 256 * 1024;

/** fflate's synchronous inflater, fed in bounded pushes. */
export async function inflateFflate(
  chunks: AsyncIterable<Uint8Array>,
  out: MemberOutput,
): Promise<Uint8Array> {
  const inflater = new Inflate((data) => out.write(data));
  const push = (data: Uint8Array, final: boolean): void => {
    try {
      inflater.push(data, final);
    } catch (cause) {
      throw notDeflate(out, cause);
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
