import { SkopsError } from '@skops-ts/core';
import { DType, type NDArray, type NDArrayData } from '@skops-ts/numpy';

/** The stored values of a matrix as a typed array in host byte order, `lanes` numbers per element. */
export interface ValueArray {
  readonly values: NDArrayData;
  /** 2 for complex (real and imaginary part), 1 otherwise. */
  readonly lanes: number;
  readonly isBool: boolean;
  /** The element dtype in host byte order. */
  readonly dtype: DType;
}

function hostOrder(): '<' | '>' {
  return new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? '<' : '>';
}

/**
 * `data` as host-order numbers in C order. float16, longdouble and
 * clongdouble have no JavaScript arithmetic, so values of those dtypes
 * cannot be added up here.
 */
export function valueArray(data: NDArray): ValueArray {
  const { kind, itemsize } = data.dtype;
  const arithmetic =
    kind === 'b' ||
    kind === 'i' ||
    kind === 'u' ||
    (kind === 'f' && (itemsize === 4 || itemsize === 8)) ||
    (kind === 'c' && (itemsize === 8 || itemsize === 16));
  if (!arithmetic) {
    throw new SkopsError(
      'UNSUPPORTED_VALUE',
      `Sparse values of dtype ${data.dtype.str} cannot be densified or converted here; only bool, integer, float32/64 and complex64/128 values can.`,
    );
  }
  const c = data.isCContiguous ? data : data.reshape(data.shape);
  const order = kind === 'b' || itemsize === 1 ? '|' : hostOrder();
  return {
    values: c.data,
    lanes: kind === 'c' ? 2 : 1,
    isBool: kind === 'b',
    dtype: DType.of(kind, itemsize, order),
  };
}

/** A zeroed typed array like `source.values` for `count` elements. */
export function zeros(source: ValueArray, count: number): NDArrayData {
  const Typed = source.values.constructor as new (length: number) => NDArrayData;
  return new Typed(count * source.lanes);
}

/** `target[ti] += source[si]` with numpy's wrap-around for integers and logical or for bool. */
export function adder(target: NDArrayData, source: ValueArray): (ti: number, si: number) => void {
  const { lanes, isBool } = source;
  if (isBool) {
    const t = target as Uint8Array;
    const s = source.values as Uint8Array;
    return (ti, si) => {
      if (s[si] !== 0) t[ti] = 1;
    };
  }
  if (target instanceof BigInt64Array || target instanceof BigUint64Array) {
    const t = target as unknown as bigint[];
    const s = source.values as unknown as ArrayLike<bigint>;
    // Typed-array stores reduce modulo 2**64, as numpy's int64 / uint64 addition does.
    return (ti, si) => {
      t[ti] = (t[ti] as bigint) + (s[si] as bigint);
    };
  }
  const t = target as unknown as number[];
  const s = source.values as unknown as ArrayLike<number>;
  if (lanes === 2) {
    return (ti, si) => {
      t[2 * ti] = (t[2 * ti] as number) + (s[2 * si] as number);
      t[2 * ti + 1] = (t[2 * ti + 1] as number) + (s[2 * si + 1] as number);
    };
  }
  return (ti, si) => {
    t[ti] = (t[ti] as number) + (s[si] as number);
  };
}

/** `target[ti] = source[si]`, as stored (a -0.0 stays -0.0). */
export function copier(target: NDArrayData, source: ValueArray): (ti: number, si: number) => void {
  const t = target as unknown as unknown[];
  const s = source.values as unknown as ArrayLike<unknown>;
  const { lanes } = source;
  return (ti, si) => {
    for (let l = 0; l < lanes; l++) t[ti * lanes + l] = s[si * lanes + l];
  };
}

/** Whether element `si` is zero (both parts, for complex). */
export function isZero(source: ValueArray, si: number): boolean {
  const s = source.values as unknown as ArrayLike<number | bigint>;
  for (let l = 0; l < source.lanes; l++) {
    const v = s[si * source.lanes + l];
    if (v !== 0 && v !== 0n) return false;
  }
  return true;
}
