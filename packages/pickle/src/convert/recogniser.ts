import type { Limits, SkopsError } from '@skops-ts/core';
import type { GlobalRef } from '../values/global-ref.js';
import type { JoblibArray } from '../values/joblib-array.js';
import type { PickleCall } from '../values/pickle-call.js';

/**
 * When a recogniser is asked:
 * - `call`: the claimed global is what a REDUCE / NEWOBJ / INST / OBJ calls
 *   (`numpy.dtype('f8', False, True)`, `collections.OrderedDict()`); the node
 *   is the {@link PickleCall} (or, for `joblib.numpy_pickle.NumpyArrayWrapper`,
 *   the {@link JoblibArray} joblib puts in its place).
 * - `build`: the claimed class is instantiated without running its code
 *   (`copyreg.__newobj__` / NEWOBJ without arguments, `copyreg._reconstructor`
 *   over `object`) and filled by BUILD; the node is an {@link InstanceNode}.
 * - `global`: the claimed global is referenced as a value, not called (a
 *   class or function stored in a parameter); the node is the {@link GlobalRef}.
 */
export type RecogniserKind = 'call' | 'build' | 'global';

/** A class instantiated without calling its code, with what BUILD gave it. */
export interface InstanceNode {
  /** `module` and `name` after Python 3's `fix_imports`. */
  readonly module: string;
  readonly name: string;
  /** The BUILD state as read (not converted); `undefined` when the stream applied none. */
  readonly state: unknown;
  /** The recorded call that created the instance (NEWOBJ, or a REDUCE of a copyreg helper). */
  readonly call: PickleCall;
}

/** What a recogniser gets besides its node. */
export interface RecogniserContext {
  /** Where the node sits in the unpickled object, e.g. `root.steps[1][1]`. */
  readonly path: string;
  readonly limits: Limits;
  /** Converts a value of the graph (memoised: a shared object converts to one value). */
  convert(value: unknown): unknown;
  /**
   * Creates an instance of a class without its code, as `copyreg.__newobj__`
   * does: through the `build` recogniser of the class or as a plain object.
   * `cls` is a graph value; anything but a named global is refused.
   */
  instantiate(cls: unknown, state: unknown, call: PickleCall): unknown;
  /** `module.name` (Python 3 spelling) when `value` is a global of the graph. */
  globalName(value: unknown): string | undefined;
  /** The graph call `value` when it calls a global named one of `names`. */
  callOf(value: unknown, ...names: string[]): PickleCall | undefined;
  /** Bytes from bytes, a bytearray or a latin-1 str (how Python 2 pickles carry binary data). */
  bytesOf(value: unknown): Uint8Array | undefined;
  /** An INVALID_DATA error naming this node's path. */
  fail(message: string): SkopsError;
}

/** What every recogniser has: the full names it claims (`module.name`, Python 3 spelling). */
interface RecogniserBase {
  readonly globals: readonly string[];
}

/** Claims calls of its globals (see {@link RecogniserKind}). */
export interface CallRecogniser extends RecogniserBase {
  readonly kind: 'call';
  convert(node: PickleCall | JoblibArray, ctx: RecogniserContext): unknown;
}

/** Claims classes instantiated without their code (see {@link RecogniserKind}). */
export interface BuildRecogniser extends RecogniserBase {
  readonly kind: 'build';
  convert(node: InstanceNode, ctx: RecogniserContext): unknown;
}

/** Claims globals referenced as values (see {@link RecogniserKind}). */
export interface GlobalRecogniser extends RecogniserBase {
  readonly kind: 'global';
  convert(node: GlobalRef, ctx: RecogniserContext): unknown;
}

/**
 * Turns one known pickle pattern into the value the skops loader produces
 * for the same object. Structural: plugins implement it with `import type`
 * only, so they need no runtime dependency on this package.
 */
export type PickleRecogniser = CallRecogniser | BuildRecogniser | GlobalRecogniser;
