import { resolveLimits, type Limits } from '@skops-ts/core';
import { readJoblib } from '../joblib/read-joblib.js';
import { readPickle } from '../read-pickle.js';
import type { StringEncoding } from '../reader/context.js';
import { convertGraph } from './convert-graph.js';
import type { PickleRecogniser } from './recogniser.js';
import { builtinRecognisers } from './recognisers/index.js';

/** Options of {@link convertPickle} and {@link convertJoblib}. */
export interface ConvertOptions {
  /**
   * The plugins' recognisers (`numpyRecognisers`, `sklearnRecognisers`, …).
   * The builtin and standard-library ones are always added after them.
   */
  readonly recognisers?: readonly PickleRecogniser[];
  readonly limits?: Partial<Limits>;
  /** How Python 2 strings decode (default `'ASCII'`, as `pickle.load`; `'latin1'` for Python 2 numpy pickles). */
  readonly encoding?: StringEncoding;
}

function recognisersOf(options: ConvertOptions): PickleRecogniser[] {
  return [...(options.recognisers ?? []), ...builtinRecognisers];
}

/**
 * Converts a plain pickle into the value Python skops would save for the
 * unpickled object, without executing anything. Pass the result to core's
 * `dumps` with every plugin. Throws {@link PickleRefusedError} naming every
 * global that would have to be called and that no recogniser claims, and
 * the reader's SkopsErrors for malformed or oversized streams.
 */
export function convertPickle(bytes: Uint8Array, options: ConvertOptions = {}): unknown {
  const graph = readPickle(bytes, { limits: options.limits, encoding: options.encoding });
  return convertGraph(graph.root, {
    recognisers: recognisersOf(options),
    limits: resolveLimits(options.limits),
  });
}

/**
 * {@link convertPickle} for `joblib.dump` files (compressed or not, detected
 * by magic bytes; plain pickles too): arrays joblib wrote raw after each
 * `NumpyArrayWrapper` come from the numpy recogniser of that wrapper.
 */
export function convertJoblib(bytes: Uint8Array, options: ConvertOptions = {}): unknown {
  const graph = readJoblib(bytes, { limits: options.limits, encoding: options.encoding });
  return convertGraph(graph.root, {
    recognisers: recognisersOf(options),
    limits: resolveLimits(options.limits),
  });
}
