import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, SkopsError } from '@skops-ts/core';
import { NDArray, readNpy, readNpyHeader, writeNpy } from '@skops-ts/numpy';

/** A .npy file with this header text (format 1.0, padded like numpy) and data. */
function npy(header: string, data: Uint8Array = new Uint8Array(), version = 1): Uint8Array {
  const prefix = version === 1 ? 10 : 12;
  let text = header;
  while ((prefix + text.length + 1) % 64 !== 0) text += ' ';
  text += '\n';
  const out = new Uint8Array(prefix + text.length + data.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, version, 0]);
  const view = new DataView(out.buffer);
  if (version === 1) view.setUint16(8, text.length, true);
  else view.setUint32(8, text.length, true);
  out.set(new TextEncoder().encode(text), prefix);
  out.set(data, prefix + text.length);
  return out;
}

function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (error) {
    if (SkopsError.isInstance(error)) return error.code;
    throw error;
  }
  return 'no error';
}

const f8 = (values: number[]) => new Uint8Array(new Float64Array(values).buffer);

describe('reading .npy headers', () => {
  it('reads format versions 1.0, 2.0 and 3.0', () => {
    for (const version of [1, 2, 3]) {
      const a = readNpy(
        npy("{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }", f8([1, 2]), version),
      );
      expect(a.toArray()).toEqual([1, 2]);
    }
  });

  it('accepts keys in any order, double quotes, extra spaces and a shape without trailing comma', () => {
    const a = readNpy(npy('{"shape": (1, 2) , "fortran_order":True,"descr":"<f8"}', f8([3, 4])));
    expect(a.shape).toEqual([1, 2]);
    expect(a.toArray()).toEqual([[3, 4]]);
  });

  it('reads a 0-d array from shape ()', () => {
    expect(
      readNpy(npy("{'descr': '<f8', 'fortran_order': False, 'shape': (), }", f8([7]))).toArray(),
    ).toBe(7);
  });

  it('refuses anything but a literal dict of descr, fortran_order and shape', () => {
    const bad = [
      "{'descr': __import__('os').system('echo pwned'), 'fortran_order': False, 'shape': (1,), }",
      "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), 'extra': 1, }",
      "{'descr': '<f8', 'shape': (1,), }",
      "{'descr': '<f8', 'fortran_order': 0, 'shape': (1,), }",
      "{'descr': '<f8', 'fortran_order': False, 'shape': [1], }",
      "{'descr': '<f8', 'fortran_order': False, 'shape': (-1,), }",
      "{'descr': '<f8', 'fortran_order': False, 'shape': (1.0,), }",
      "{'descr': '<x8', 'fortran_order': False, 'shape': (1,), }",
      "['descr', '<f8']",
      "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), } + 1",
      `{'descr': ${'['.repeat(100)}, 'fortran_order': False, 'shape': (1,), }`,
    ];
    for (const header of bad)
      expect(
        codeOf(() => readNpy(npy(header, f8([1])))),
        header,
      ).toBe('INVALID_DATA');
  });

  it('refuses the object dtype with a message saying why', () => {
    try {
      readNpy(npy("{'descr': '|O', 'fortran_order': False, 'shape': (1,), }", new Uint8Array(8)));
      expect.unreachable();
    } catch (error) {
      expect(SkopsError.isInstance(error) && error.code).toBe('INVALID_DATA');
      expect(String(error)).toMatch(/pickle/);
    }
  });

  it('refuses a bad magic string, an unknown version and a truncated header', () => {
    const good = npy("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }", f8([1]));
    const badMagic = good.slice();
    badMagic[1] = 0;
    const badVersion = good.slice();
    badVersion[6] = 4;
    expect(codeOf(() => readNpy(badMagic))).toBe('INVALID_DATA');
    expect(codeOf(() => readNpy(badVersion))).toBe('INVALID_DATA');
    expect(codeOf(() => readNpy(good.subarray(0, 40)))).toBe('INVALID_DATA');
  });

  it('checks the limits before allocating, then that the data has exactly the declared size', () => {
    const huge = npy(
      "{'descr': '<f8', 'fortran_order': False, 'shape': (1099511627776,), }",
      f8([1, 2]),
    );
    expect(codeOf(() => readNpy(huge))).toBe('LIMIT_EXCEEDED');
    const roomy = { ...DEFAULT_LIMITS, maxArrayElements: 2 ** 50, maxArrayBytes: 2 ** 60 };
    expect(codeOf(() => readNpy(huge, { limits: roomy }))).toBe('INVALID_DATA');
    const header = "{'descr': '<i8', 'fortran_order': False, 'shape': (10,), }";
    expect(
      codeOf(() =>
        readNpy(npy(header, new Uint8Array(80)), {
          limits: { ...DEFAULT_LIMITS, maxArrayBytes: 79 },
        }),
      ),
    ).toBe('LIMIT_EXCEEDED');
    expect(codeOf(() => readNpy(npy(header, new Uint8Array(72))))).toBe('INVALID_DATA');
    expect(codeOf(() => readNpy(npy(header, new Uint8Array(88))))).toBe('INVALID_DATA');
  });

  it('counts the dimensions a sub-array descr adds to the shape against maxArrayElements (found by fuzzing)', () => {
    // Zero-size items cost no bytes: three records of 2**31 empty items each are 6 billion elements.
    const empty = npy("{'descr': ([], (2147483648,)), 'fortran_order': False, 'shape': (3,), }");
    expect(codeOf(() => readNpy(empty))).toBe('LIMIT_EXCEEDED');
    const small = readNpy(
      npy("{'descr': ([], (2147483648,)), 'fortran_order': False, 'shape': (1,), }"),
    );
    expect(small.shape).toEqual([1, 2147483648]);
    expect(readNpy(writeNpy(small)).shape).toEqual([1, 2147483648]);
  });

  it('refuses headers longer than numpy accepts unless allowed', () => {
    const fields = Array.from({ length: 600 }, (_, i) => `('field_${i}', '<i2')`).join(', ');
    const file = npy(
      `{'descr': [${fields}], 'fortran_order': False, 'shape': (0,), }`,
      new Uint8Array(),
      2,
    );
    expect(codeOf(() => readNpyHeader(file))).toBe('INVALID_DATA');
    expect(readNpy(file, { maxHeaderSize: 100_000 }).dtype.fields?.length).toBe(600);
  });
});

describe('array memory', () => {
  it('views native-endian aligned data without copying', () => {
    const file = writeNpy(NDArray.fromValues('<f8', [1, 2, 3]));
    const array = readNpy(file);
    const data = array.data as Float64Array;
    expect(data).toBeInstanceOf(Float64Array);
    expect(data.buffer).toBe(file.buffer);
    expect(Array.from(data)).toEqual([1, 2, 3]);
  });

  it('copies once when the data is not aligned, and when it is big-endian', () => {
    const file = writeNpy(NDArray.fromValues('<f8', [1, 2, 3]));
    const shifted = new Uint8Array(file.length + 1);
    shifted.set(file, 1);
    const misaligned = readNpy(shifted.subarray(1));
    expect(misaligned.data.buffer).not.toBe(shifted.buffer);
    expect(Array.from(misaligned.data as Float64Array)).toEqual([1, 2, 3]);
    const big = readNpy(writeNpy(NDArray.fromValues('>i4', [1, -2, 70000])));
    expect(Array.from(big.data as Int32Array)).toEqual([1, -2, 70000]);
    expect(big.get(2)).toBe(70000);
  });
});
