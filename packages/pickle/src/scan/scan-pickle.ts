import type { Limits } from '@skops-ts/core';
import { runJoblib } from '../joblib/read-joblib.js';
import type { JoblibCompression } from '../joblib/compression.js';

/** What a non-executing scan of a pickle or joblib file found. */
export interface PickleScan {
  /** Sorted, de-duplicated `module.name` of every global, spelled as in the file. */
  readonly globals: readonly string[];
  /** The same after Python 3's `fix_imports` mapping: what `find_class` would import. */
  readonly globalsPy3: readonly string[];
  /** Sorted names of the opcodes that occur. */
  readonly opcodes: readonly string[];
  /** The first PROTO argument, null without one. */
  readonly protocol: number | null;
  /** EXT1/2/4 codes, in stream order. */
  readonly extensionCodes: readonly number[];
  /** Number of PERSID / BINPERSID opcodes. */
  readonly persistentIds: number;
  /** Greatest number of MARKs open at once. */
  readonly maxMarkDepth: number;
  /** The joblib compression found by magic bytes (`'none'` for plain pickles). */
  readonly compression: JoblibCompression;
}

function sortedUnique(values: Iterable<string>): string[] {
  return [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Lists what a pickle or joblib file references, simulating the opcodes
 * without executing anything (joblib: after decompression, skipping raw
 * array bytes, including the globals of embedded object-array pickles).
 * Persistent ids and extension codes are counted, not refused; malformed
 * streams still throw a typed SkopsError with the byte offset.
 */
export function scanPickle(
  bytes: Uint8Array,
  options: { readonly limits?: Partial<Limits> } = {},
): PickleScan {
  const graph = runJoblib(
    bytes,
    { limits: options.limits, encoding: 'latin1', persistentIds: 'record', extensions: 'record' },
    false,
  );
  const { stats } = graph;
  return {
    globals: sortedUnique(stats.globals.map((g) => g.fullName)),
    globalsPy3: sortedUnique(stats.globals.map((g) => g.py3FullName)),
    opcodes: sortedUnique(stats.opcodes),
    protocol: stats.protocol,
    extensionCodes: stats.extensionCodes,
    persistentIds: stats.persistentIds,
    maxMarkDepth: stats.maxMarkDepth,
    compression: graph.compression,
  };
}
