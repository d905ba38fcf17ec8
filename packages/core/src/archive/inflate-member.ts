import { Inflate } from 'fflate';
import { SkopsError } from '../errors/skops-error.js';
import { invalidArchive, quoteName } from './archive-errors.js';
import type { MemberOutput } from './member-output.js';
import { NODE_ZLIB, type NodeZlib } from './node-zlib.js';

/**
 * Inflates a raw DEFLATE stream given as compressed chunks into `out`,
 * stopping as soon as it overflows. Uses the fastest inflater the platform
 * has: Node's zlib (found at run time, not imported, so browsers never see
 * it), else the browser's `DecompressionStream('deflate-raw')`, else fflate.
 */
export function inflateInto(
  chunks: AsyncIterable<Uint8Array>,
  out: MemberOutput,
): Promise<Uint8Array> {
  if (NODE_ZLIB) return inflateNodeZlib(NODE_ZLIB, chunks, out);
  const stream = nativeInflater();
  return stream ? inflateNative(stream, chunks, out) : inflateFflate(chunks, out);
}

/**
 * Inflates a member whose compressed bytes are all in hand (a small one).
 * Node's synchronous zlib call avoids a stream and its thread-pool round
 * trips per member, which dominate models of thousands of small arrays; it
 * stops at the declared size (`maxOutputLength`), so a bomb gets no further.
 */
export async function inflateWhole(data: Uint8Array, out: MemberOutput): Promise<Uint8Array> {
  if (!NODE_ZLIB) return inflateInto(once(data), out);
  let inflated: Uint8Array;
  try {
    inflated = NODE_ZLIB.inflateRawSync(data, { maxOutputLength: Math.max(out.remaining, 1) });
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code === 'ERR_BUFFER_TOO_LARGE') throw out.overflow();
    throw notDeflate(out, error);
  }
  out.write(inflated);
  return out.finish();
}

async function* once(chunk: Uint8Array): AsyncGenerator<Uint8Array> {
  yield chunk;
}

// Output pieces of 256 KiB keep the thread-pool round trips few (Node's
// default of 16 KiB costs one per 16 KiB) and bound what a zip bomb
// produces past its declared size to one piece.
const NODE_CHUNK = 256 * 1024;

/**
 * Node's zlib inflates on the thread pool while this thread copies and
 * checksums the previous piece.
 */
export async function inflateNodeZlib(
  zlib: NodeZlib,
  chunks: AsyncIterable<Uint8Array>,
  out: MemberOutput,
): Promise<Uint8Array> {
  const inflater = zlib.createInflateRaw({ chunkSize: NODE_CHUNK });
  let failure: unknown;
  let wake: (() => void) | undefined;
  const signal = (): void => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const ended = new Promise<void>((resolve) => {
    inflater.on('data', (piece) => {
      if (failure !== undefined) return;
      try {
        out.write(piece);
      } catch (error) {
        failure = error;
        inflater.destroy();
        resolve();
        signal();
      }
    });
    inflater.on('error', (error) => {
      failure ??= error;
      resolve();
      signal();
    });
    // 'close' follows 'end', 'error' and destroy() alike, so a stream torn
    // down for any reason cannot leave this waiting.
    inflater.on('end', resolve);
    inflater.on('close', () => {
      resolve();
      signal();
    });
  });
  inflater.on('drain', signal);
  try {
    for await (const chunk of chunks) {
      if (failure !== undefined) break;
      if (!inflater.write(chunk) && failure === undefined)
        await new Promise<void>((resolve) => (wake = resolve));
    }
  } catch (error) {
    failure ??= error;
    inflater.destroy();
  }
  if (failure === undefined) inflater.end();
  await ended;
  if (failure !== undefined) throw notDeflate(out, failure);
  return out.finish();
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
