import { PyDict, type PyTuple } from '@skops-ts/core';
import { hasBrand } from './brand.js';
import { GlobalRef } from './global-ref.js';

const BRAND = Symbol.for('skops-ts/pickle/PickleCall');

/**
 * How the stream asked for the object: `REDUCE` is `callable(*args)`,
 * `NEWOBJ`/`NEWOBJ_EX` are `cls.__new__(cls, *args, **kwargs)`, `INST`/`OBJ`
 * are protocol 0/1 instantiations `cls(*args)`.
 */
export type CallKind = 'REDUCE' | 'NEWOBJ' | 'NEWOBJ_EX' | 'INST' | 'OBJ';

/**
 * An object the stream would have created by calling something. The call is
 * recorded, never made. The node is mutable and keeps its identity through
 * the memo: BUILD sets `state`, APPEND(S) / SETITEM(S) / ADDITEMS on it
 * (list, dict and set subclasses such as `OrderedDict`) fill `listItems`,
 * `dictItems` and `setItems`, exactly where Python would mutate the object.
 */
export class PickleCall {
  readonly [BRAND] = true;
  /** Every BUILD state applied, in order (almost always zero or one). */
  readonly states: unknown[] = [];
  readonly listItems: unknown[] = [];
  readonly dictItems: PyDict = new PyDict();
  readonly setItems: unknown[] = [];

  constructor(
    readonly kind: CallKind,
    /** What is called: usually a {@link GlobalRef}; any graph value in hostile streams. */
    readonly callable: unknown,
    readonly args: PyTuple,
    /** Keyword arguments (NEWOBJ_EX only). */
    readonly kwargs: PyDict | null,
    /** Byte offset of the opcode in the (decompressed) stream. */
    readonly offset: number,
  ) {}

  /** The last BUILD state, `undefined` when the stream applied none. */
  get state(): unknown {
    return this.states.length === 0 ? undefined : this.states[this.states.length - 1];
  }

  /** The callable when it is a named global. */
  get target(): GlobalRef | undefined {
    return GlobalRef.is(this.callable) ? this.callable : undefined;
  }

  /** True when the callable is the global `fullName` (spelled or Python 3 name). */
  calls(fullName: string): boolean {
    return this.target?.isNamed(fullName) ?? false;
  }

  static is(value: unknown): value is PickleCall {
    return hasBrand(value, BRAND);
  }
}
