import { SkopsError } from '@skops-ts/core';
import type { Tally } from './settings.js';

/** One call on a fuzz input longer than this is a hang in the making (inputs are a few KiB). */
export const SLOW_CALL_MS = 5_000;
/** Array buffers alive after a call on a few KiB of input: more means an allocation the limits should have stopped. */
const MAX_LIVE_ARRAY_BUFFERS = 512 * 1024 * 1024;

/** A call that returned, or the SkopsError it threw. */
export type Outcome<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: SkopsError };

/**
 * Runs one entry point on a fuzz input. A result or a SkopsError is
 * recorded and returned; any other exception, a call slower than
 * {@link SLOW_CALL_MS} or a huge allocation is thrown as the property's
 * failure, naming the call.
 */
export async function attempt<T>(
  tally: Tally,
  call: string,
  work: () => T | Promise<T>,
): Promise<Outcome<T>> {
  const started = performance.now();
  let outcome: Outcome<T>;
  try {
    outcome = { ok: true, value: await work() };
  } catch (error) {
    if (!SkopsError.isInstance(error)) {
      const e = error as Error | undefined;
      const failure = new Error(
        `${call} threw ${e?.constructor?.name ?? typeof error} instead of a SkopsError: ${String(e?.message ?? error)}`,
      );
      failure.stack = `${failure.message}\n${e?.stack ?? ''}`;
      throw failure;
    }
    const masked = maskedBug(error);
    if (masked)
      throw new Error(`${call} threw a SkopsError that hides a bug: ${masked}`, { cause: error });
    outcome = { ok: false, error };
  }
  const ms = performance.now() - started;
  tally.record(call, outcome.ok ? 'ok' : outcome.error.code, ms);
  if (ms > SLOW_CALL_MS) throw new Error(`${call} took ${Math.round(ms)} ms on a small input`);
  const live = process.memoryUsage().arrayBuffers;
  if (live > MAX_LIVE_ARRAY_BUFFERS) {
    throw new Error(
      `${call} left ${Math.round(live / 2 ** 20)} MiB of array buffers alive on a small input`,
    );
  }
  return outcome;
}

/**
 * A SkopsError can wrap a bug: core turns any exception of a handler into
 * PLUGIN_ERROR and a RangeError into LIMIT_EXCEEDED ("nested too deeply"),
 * decoders turn their own failures into INVALID_DATA. A TypeError or a
 * RangeError other than stack exhaustion underneath is a bug all the same.
 */
function maskedBug(error: SkopsError): string | undefined {
  const cause = error.cause;
  if (error.code === 'PLUGIN_ERROR' && !SkopsError.isInstance(cause)) {
    return `a handler threw ${describeCause(cause)}`;
  }
  if (cause instanceof RangeError && !/call stack/i.test(cause.message))
    return `it wraps ${describeCause(cause)}`;
  if (cause instanceof TypeError && !/encoded data was not valid/i.test(cause.message))
    return `it wraps ${describeCause(cause)}`;
  return undefined;
}

function describeCause(cause: unknown): string {
  return cause instanceof Error
    ? `${cause.constructor.name}: ${cause.message}\n${cause.stack ?? ''}`
    : String(cause);
}
