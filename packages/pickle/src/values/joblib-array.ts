import { hasBrand } from './brand.js';
import type { PickleCall } from './pickle-call.js';

const BRAND = Symbol.for('skops-ts/pickle/JoblibArray');

/**
 * What this package knows of a numpy dtype from its pickled form: enough to
 * size the raw bytes of a joblib array. The numpy plugin owns the full dtype
 * model; `node` is the pickled `numpy.dtype` call for it to read.
 */
export interface DtypeSummary {
  /** numpy's `dtype.str` (`'<f8'`, `'|b1'`, `'<U5'`, `'|V16'`, `'|O'`), without datetime units. */
  readonly str: string;
  /** numpy's `dtype.kind` letter. */
  readonly kind: string;
  /** Bytes per element. */
  readonly itemsize: number;
  /** True for object dtypes and structured dtypes holding objects. */
  readonly hasObject: boolean;
  /** The pickled `numpy.dtype` value itself. */
  readonly node: unknown;
}

/**
 * A numpy array as joblib stores it: a `joblib.numpy_pickle.NumpyArrayWrapper`
 * followed by raw bytes outside any opcode. It replaces the wrapper on the
 * stack, as `joblib.load` does; the memo keeps the wrapper.
 */
export class JoblibArray {
  readonly [BRAND] = true;
  constructor(
    /** The wrapper object (its BUILD state holds shape, order, dtype, alignment). */
    readonly wrapper: PickleCall,
    readonly shape: readonly number[],
    readonly order: 'C' | 'F',
    readonly dtype: DtypeSummary,
    /** Offset in the decompressed stream right after the wrapper's BUILD opcode. */
    readonly offset: number,
    /** The padding-length byte (null when alignment is off or for object arrays). */
    readonly padding: number | null,
    /** Offset of the first data byte (object arrays: of the embedded pickle). */
    readonly dataOffset: number,
    /** Bytes of array data (object arrays: 0). */
    readonly nbytes: number,
    /** Offset just past the array data (or past the embedded pickle's STOP). */
    readonly end: number,
    /** The raw element bytes in `order`, as written (a view into the stream); null for object arrays. */
    readonly data: Uint8Array | null,
    /** Object arrays only: the root of the embedded protocol 2 pickle (an ndarray of objects). */
    readonly embedded: unknown,
  ) {}

  get isObjectArray(): boolean {
    return this.data === null;
  }

  static is(value: unknown): value is JoblibArray {
    return hasBrand(value, BRAND);
  }
}
