import { describe, expect, it } from 'vitest';
import { DType, NDArray, arrayHash, packedLittleEndianBytes, readNpy } from '@skops-ts/numpy';

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** A version 1.0 `.npy` file with this header text and no data. */
function npyWithoutData(header: string): Uint8Array {
  const text = `${header}\n`;
  const out = new Uint8Array(10 + text.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, text.length & 0xff, text.length >> 8]);
  for (let i = 0; i < text.length; i++) out[10 + i] = text.charCodeAt(i);
  return out;
}

describe('hashing arrays whose shapes promise more than their bytes hold', () => {
  it('hashes 2**32 zero-size records at once instead of walking every element (found by fuzzing: minutes of CPU)', () => {
    const array = readNpy(
      npyWithoutData(
        "{'descr': [('a', [], (3, 2, 6, 2))], 'fortran_order': True, 'shape': (4294967296,), }",
      ),
    );
    expect(array.size).toBe(2 ** 32);
    expect(arrayHash(array)).toBe(EMPTY_SHA256);
  });

  it('hashes a zero-size sub-array of 2**50 items without expanding it', () => {
    const array = readNpy(
      npyWithoutData(
        "{'descr': [('a', '|V0', (1125899906842624,))], 'fortran_order': False, 'shape': (3,), }",
      ),
    );
    expect(arrayHash(array)).toBe(EMPTY_SHA256);
  });

  it('hashes an empty array of a huge sub-array dtype without expanding the sub-array', () => {
    const array = readNpy(
      npyWithoutData(
        "{'descr': [('a', '<f8', (1099511627776,))], 'fortran_order': False, 'shape': (0,), }",
      ),
    );
    expect(arrayHash(array)).toBe(EMPTY_SHA256);
  });

  it('packs scalar sub-arrays as runs: big-endian swapped per item, bools as 0 / 1', () => {
    const big = DType.structured(
      [{ name: 'a', dtype: DType.subarrayOf(DType.parse('>u2'), [2]) }],
      4,
    );
    const packedBig = packedLittleEndianBytes(
      new NDArray({ dtype: big, shape: [1], buffer: Uint8Array.from([1, 2, 3, 4]) }),
    );
    expect(Array.from(packedBig)).toEqual([2, 1, 4, 3]);
    const bools = DType.subarrayOf(DType.parse('|b1'), [3]);
    const packedBools = packedLittleEndianBytes(
      new NDArray({ dtype: bools, shape: [1], buffer: Uint8Array.from([0, 7, 1]) }),
    );
    expect(Array.from(packedBools)).toEqual([0, 1, 1]);
  });
});

describe('toArray of shapes with a zero dimension', () => {
  const empty = (shape: string): NDArray =>
    readNpy(npyWithoutData(`{'descr': '<f8', 'fortran_order': False, 'shape': ${shape}, }`));

  it("gives the nested empty lists numpy's tolist gives", () => {
    expect(empty('(2, 0)').toArray()).toEqual([[], []]);
    expect(empty('(2, 3, 0)').toArray()).toEqual([
      [[], [], []],
      [[], [], []],
    ]);
    expect(empty('(0, 5)').toArray()).toEqual([]);
  });

  it('refuses a shape that asks for billions of empty lists, before building any (found by fuzzing)', () => {
    expect(() => empty('(1, 2147483648, 3, 0)').toArray()).toThrow(
      expect.objectContaining({
        code: 'LIMIT_EXCEEDED',
        message: expect.stringContaining('maxItems'),
      }),
    );
  });

  it('builds more items when the caller raises maxItems', () => {
    expect(() => empty('(4, 4, 0)').toArray({ maxItems: 20 })).toThrow(
      expect.objectContaining({ code: 'LIMIT_EXCEEDED' }),
    );
    expect(empty('(4, 4, 0)').toArray({ maxItems: 21 })).toHaveLength(4);
  });
});
