import { describe, expect, it } from 'vitest';
import { PyComplex, PyTuple } from '@skops-ts/core';
import {
  DType,
  NDArray,
  NDObjectArray,
  MaskedArray,
  arrayHash,
  packedLittleEndianBytes,
} from '@skops-ts/numpy';

describe('element access', () => {
  it('returns numpy tolist() types for every kind', () => {
    expect(NDArray.fromValues('|b1', [true, false]).toArray()).toEqual([true, false]);
    expect(NDArray.fromValues('<i4', [-1, 2]).toArray()).toEqual([-1, 2]);
    expect(NDArray.fromValues('<u8', [2n ** 64n - 1n]).toArray()).toEqual([2n ** 64n - 1n]);
    expect(NDArray.fromValues('<f2', [0.1, 65504, -0]).toArray()).toEqual([
      0.0999755859375, 65504, -0,
    ]);
    expect(NDArray.fromValues('<f16', [1e300, -0.5]).toArray()).toEqual([1e300, -0.5]);
    expect(NDArray.fromValues('<c8', [new PyComplex(1, -2)]).toArray()).toEqual([
      new PyComplex(1, -2),
    ]);
    expect(NDArray.fromValues('<U3', ['a😀', '']).toArray()).toEqual(['a😀', '']);
    expect(NDArray.fromValues('|S3', ['ab']).toArray()).toEqual([new Uint8Array([97, 98])]);
    expect(NDArray.fromValues('<M8[ns]', [-(2n ** 63n)]).toArray()).toEqual([-(2n ** 63n)]);
  });

  it('indexes C and Fortran data alike, with negative indices, and refuses out-of-bounds ones', () => {
    const c = NDArray.fromValues('<i2', [
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const f = new NDArray({
      dtype: DType.parse('<i2'),
      shape: [2, 3],
      buffer: new Uint8Array(new Int16Array([1, 4, 2, 5, 3, 6]).buffer),
      order: 'F',
    });
    expect(f.order).toBe('F');
    expect(f.toArray()).toEqual(c.toArray());
    expect(f.get(-1, -1)).toBe(6);
    expect(c.get(1, 0)).toBe(4);
    expect(() => c.get(2, 0)).toThrow(/out of bounds/);
    expect(() => c.get(0)).toThrow();
  });

  it('gives strided field views of structured arrays without copying', () => {
    const dt = DType.structured(
      [
        { name: 'left', dtype: DType.parse('<i8') },
        { name: 'threshold', dtype: DType.parse('<f8') },
        { name: 'flag', dtype: DType.parse('|u1') },
      ],
      24,
    );
    const nodes = NDArray.fromValues(dt, [new PyTuple([1n, 0.5, 1]), new PyTuple([-1n, -2, 0])]);
    const left = nodes.field('left');
    expect(left.buffer).toBe(nodes.buffer);
    expect(left.strides).toEqual([24]);
    expect(Array.from(left.data as BigInt64Array)).toEqual([1n, -1n]);
    expect(nodes.field('threshold').toArray()).toEqual([0.5, -2]);
    expect(nodes.get(1)).toEqual(new PyTuple([-1n, -2, 0]));
    expect(() => nodes.field('nope')).toThrow();
  });

  it('expands sub-array fields into extra dimensions', () => {
    const dt = DType.structured([{ name: 'v', dtype: DType.subarrayOf(DType.parse('<f4'), [2]) }]);
    const a = NDArray.fromValues(dt, [new PyTuple([[1, 2]]), new PyTuple([[3, 4]])]);
    expect(a.field('v').shape).toEqual([2, 2]);
    expect(a.field('v').toArray()).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it('refuses ragged nested input', () => {
    expect(() => NDArray.fromValues('<f8', [[1, 2], [3]])).toThrow();
  });
});

describe('the describe hash', () => {
  it('hashes big-endian, Fortran and structured arrays as packed little-endian C-order bytes', () => {
    const little = NDArray.fromValues('<i4', [
      [1, 2],
      [3, 4],
    ]);
    const big = NDArray.fromValues('>i4', [
      [1, 2],
      [3, 4],
    ]);
    const fortran = new NDArray({
      dtype: DType.parse('<i4'),
      shape: [2, 2],
      buffer: new Uint8Array(new Int32Array([1, 3, 2, 4]).buffer),
      order: 'F',
    });
    expect(arrayHash(big)).toBe(arrayHash(little));
    expect(arrayHash(fortran)).toBe(arrayHash(little));
    const padded = DType.structured(
      [
        { name: 'a', dtype: DType.parse('|u1') },
        { name: 'b', dtype: DType.parse('>u2'), offset: 2 },
      ],
      8,
    );
    const packed = packedLittleEndianBytes(NDArray.fromValues(padded, [new PyTuple([1, 0x0203])]));
    expect(Array.from(packed)).toEqual([1, 3, 2]);
    expect(arrayHash(NDArray.fromValues('<f8', [], [0]))).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });
});

describe('object arrays', () => {
  it('build dimensions from equal-length lists, as numpy.array(..., dtype=object) does', () => {
    expect(
      NDObjectArray.fromNested([
        [1, 2],
        [3, 4],
      ]).shape,
    ).toEqual([2, 2]);
    expect(
      NDObjectArray.fromNested([
        [1, [2, 3]],
        [4, 5],
      ]).shape,
    ).toEqual([2, 2]);
    expect(NDObjectArray.fromNested([[1, 2], [3]]).shape).toEqual([2]);
    expect(NDObjectArray.fromNested([new PyTuple(['a', 'b'])]).toArray()).toEqual([['a', 'b']]);
  });
});

describe('masked arrays', () => {
  it('repeat a one-element mask over the data, as numpy does for a bool_ scalar mask', () => {
    const m = new MaskedArray(
      NDArray.fromValues('<f8', [1, 2, 3]),
      NDArray.fromValues('|b1', [false], []),
    );
    expect(m.mask.shape).toEqual([3]);
    expect(m.mask.toArray()).toEqual([false, false, false]);
    expect(
      () =>
        new MaskedArray(
          NDArray.fromValues('<f8', [1, 2, 3]),
          NDArray.fromValues('|b1', [true, false]),
        ),
    ).toThrow();
  });
});
