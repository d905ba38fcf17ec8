import { resolveLimits, type Limits } from '@skops-ts/core';
import { measureGraph, type GraphMeasure } from './graph/measure.js';
import {
  emptyStats,
  type BuildHook,
  type StreamStats,
  type StringEncoding,
} from './reader/context.js';
import { unpickleStream } from './reader/unpickler.js';

/** Options of {@link readPickle} and {@link readJoblib}. */
export interface ReadPickleOptions {
  /** Overrides of the default limits (`maxDepth`, `maxNodes`, `maxArrayBytes`, `maxMemberBytes`, ...). */
  readonly limits?: Partial<Limits>;
  /** How Python 2 string opcodes decode; default `'ASCII'` as `pickle.load`. */
  readonly encoding?: StringEncoding;
  /** `'refuse'` (default, like `pickle.load` without `persistent_load`) or `'record'` as {@link PersistentRef}. */
  readonly persistentIds?: 'refuse' | 'record';
  /** `'refuse'` (default) or `'record'` EXT1/2/4 codes as {@link ExtensionRef}. */
  readonly extensions?: 'refuse' | 'record';
}

/** An inert object graph read from a pickle stream. */
export interface PickleGraph {
  /** The unpickled value, built from the graph classes and core values. */
  readonly root: unknown;
  /** The first PROTO argument (null for protocol 0/1 streams, which have none). */
  readonly protocol: number | null;
  /** Offset just past STOP; bytes after it are ignored, as by `pickle.loads`. */
  readonly end: number;
  /** Objects created while reading (against `maxNodes`). */
  readonly objectCount: number;
  /** Depth, expanded size and cycles of the graph (already checked against the limits). */
  readonly measure: GraphMeasure;
  /** What the opcode simulation saw (opcodes, globals, extension codes, persistent ids, MARK depth). */
  readonly stats: StreamStats;
}

/** Runs one top-level stream; `measure` is false for scans, which report rather than refuse shapes. */
export function runStream(
  bytes: Uint8Array,
  options: ReadPickleOptions,
  onBuild: BuildHook | undefined,
  measure: boolean,
): PickleGraph {
  const limits = resolveLimits(options.limits);
  const stats = emptyStats();
  const counter = { nodes: 0 };
  const { root, end } = unpickleStream(bytes, 0, {
    limits,
    encoding: options.encoding ?? 'ASCII',
    recordPersistentIds: options.persistentIds === 'record',
    recordExtensions: options.extensions === 'record',
    stats,
    counter,
    onBuild,
  });
  const shape = measure
    ? measureGraph(root, limits)
    : { objects: counter.nodes, depth: 0, expandedNodes: 0, hasCycles: false };
  return { root, protocol: stats.protocol, end, objectCount: counter.nodes, measure: shape, stats };
}

/**
 * Reads a plain pickle into an inert graph without importing, looking up or
 * calling anything. Throws SkopsError `INVALID_DATA` (with the byte offset)
 * for malformed streams, `UNSUPPORTED_VALUE` for persistent ids, extension
 * codes and out-of-band buffers unless asked to record them, and
 * `LIMIT_EXCEEDED` when nesting, object count or the tree with shared
 * references expanded pass the limits.
 */
export function readPickle(bytes: Uint8Array, options: ReadPickleOptions = {}): PickleGraph {
  return runStream(bytes, options, undefined, true);
}
