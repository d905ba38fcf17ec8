import { SkopsError, resolveLimits } from '@skops-ts/core';
import { runStream, type PickleGraph, type ReadPickleOptions } from '../read-pickle.js';
import type { JoblibArray } from '../values/joblib-array.js';
import { joblibArrayHook } from './array-hook.js';
import { detectCompression, isLegacyZfile, type JoblibCompression } from './compression.js';
import { decompressJoblib } from './decompress.js';

/** A joblib file read into an inert graph. */
export interface JoblibGraph extends PickleGraph {
  /** What the magic bytes said. */
  readonly compression: JoblibCompression;
  /** The decompressed stream (offsets in the graph refer to it). */
  readonly stream: Uint8Array;
  /** Every NumpyArrayWrapper array, in stream order. */
  readonly arrays: readonly JoblibArray[];
}

/** Decompresses by magic bytes, then reads the stream with joblib's array handling. */
export function runJoblib(
  bytes: Uint8Array,
  options: ReadPickleOptions,
  measure: boolean,
): JoblibGraph {
  if (isLegacyZfile(bytes)) {
    throw new SkopsError(
      'UNSUPPORTED_VALUE',
      'This is a joblib < 0.10 compressed file ("ZF" header, arrays in separate files); load and re-save it with a current joblib.',
    );
  }
  const compression = detectCompression(bytes);
  const stream = decompressJoblib(bytes, compression, resolveLimits(options.limits));
  const arrays: JoblibArray[] = [];
  const graph = runStream(stream, options, joblibArrayHook(arrays), measure);
  return { ...graph, compression, stream, arrays };
}

/**
 * Reads a `joblib.dump` file (compressed or not; also any plain pickle) the
 * way `joblib.load` would, without executing anything: each
 * NumpyArrayWrapper becomes a {@link JoblibArray} over the raw bytes that
 * follow it. Same errors as {@link readPickle}, plus LIMIT_EXCEEDED when
 * decompression passes `maxMemberBytes` or `maxCompressionRatio`.
 */
export function readJoblib(bytes: Uint8Array, options: ReadPickleOptions = {}): JoblibGraph {
  return runJoblib(bytes, options, true);
}
