import type { Limits } from '@skops-ts/core';
import type { GlobalRef } from '../values/global-ref.js';
import type { Cursor } from './cursor.js';

/**
 * How the STRING / BINSTRING / SHORT_BINSTRING opcodes (Python 2 `str`)
 * become values, as `pickle.Unpickler(encoding=...)`: `'ASCII'` (Python's
 * default; refuses non-ASCII bytes), `'latin1'` (what numpy needs for
 * Python 2 array data: every byte survives as one char), `'utf-8'`, or
 * `'bytes'` (a `Uint8Array`).
 */
export type StringEncoding = 'ASCII' | 'latin1' | 'utf-8' | 'bytes';

/** What the opcode simulation saw, over a stream and any embedded streams. */
export interface StreamStats {
  /** Opcode names that occurred. */
  readonly opcodes: Set<string>;
  /** Every global named (GLOBAL, STACK_GLOBAL, INST), in stream order. */
  readonly globals: GlobalRef[];
  /** Codes of EXT1/EXT2/EXT4 opcodes, in stream order. */
  readonly extensionCodes: number[];
  /** Number of PERSID / BINPERSID opcodes. */
  persistentIds: number;
  /** Greatest number of MARKs open at once. */
  maxMarkDepth: number;
  /** Argument of the first PROTO opcode (null without one: protocol 0 or 1). */
  protocol: number | null;
  /** Number of Python 2 string opcodes, decoded with the `encoding` option. */
  legacyStrings: number;
}

/** Replaces the BUILD result on the stack (joblib arrays); `undefined` keeps it. */
export type BuildHook = (
  target: unknown,
  cursor: Cursor,
  ctx: UnpickleContext,
) => { value: unknown } | undefined;

/** Settings and shared counters of one read, embedded streams included. */
export interface UnpickleContext {
  readonly limits: Limits;
  readonly encoding: StringEncoding;
  readonly recordPersistentIds: boolean;
  readonly recordExtensions: boolean;
  readonly stats: StreamStats;
  /** Objects created so far, against `limits.maxNodes`. */
  readonly counter: { nodes: number };
  readonly onBuild: BuildHook | undefined;
}

export function emptyStats(): StreamStats {
  return {
    opcodes: new Set(),
    globals: [],
    extensionCodes: [],
    persistentIds: 0,
    maxMarkDepth: 0,
    protocol: null,
    legacyStrings: 0,
  };
}
