import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, dumps, memorySource, openArchive } from '@skops-ts/core';
import { DType, NDArray, numpyPlugin, readNpy, writeNpy } from '@skops-ts/numpy';
import { npyChunks } from '../src/npy/write.js';

const same = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a).equals(Buffer.from(b));
const joined = (chunks: readonly Uint8Array[]): Uint8Array =>
  Uint8Array.from(Buffer.concat(chunks));

const f8 = DType.parse('<f8');
const buffer = new Uint8Array(new Float64Array([1, 2, 3, 4, 5, 6, 7, 8]).buffer);
const ARRAYS: [string, NDArray][] = [
  ['a C-order array', new NDArray({ dtype: f8, shape: [2, 4], buffer })],
  ['a Fortran-order array', new NDArray({ dtype: f8, shape: [2, 4], buffer, order: 'F' })],
  ['an array at an offset', new NDArray({ dtype: f8, shape: [3], buffer, offset: 16 })],
  [
    'a strided (non-contiguous) view',
    new NDArray({ dtype: f8, shape: [2, 2], buffer, strides: [32, 16], offset: 8 }),
  ],
  [
    'an empty array',
    new NDArray({ dtype: DType.parse('<i4'), shape: [0, 3], buffer: new Uint8Array(0) }),
  ],
  ['a 0-d array', NDArray.fromValues('>u2', 7)],
];

describe('the .npy file of an array in two chunks', () => {
  it.each(ARRAYS)('joins to the bytes writeNpy writes, for %s', (_, array) => {
    const chunks = npyChunks(array);
    expect(same(joined(chunks), writeNpy(array))).toBe(true);
    expect(readNpy(joined(chunks)).toArray()).toEqual(array.toArray());
  });

  it("gives a contiguous array's data as a view of its own buffer, not a copy", () => {
    const array = new NDArray({ dtype: f8, shape: [3], buffer, offset: 16 });
    const [, data] = npyChunks(array);
    expect(data.buffer).toBe(buffer.buffer);
    expect(data.byteOffset).toBe(16);
    expect(data.length).toBe(24);
  });

  it.each(ARRAYS)('is what dumps stores as the member of %s', async (_, array) => {
    const file = await dumps(array, { plugins: [numpyPlugin] });
    const archive = await openArchive(memorySource(file), { limits: DEFAULT_LIMITS });
    const npy = archive.entries.find((e) => e.name.endsWith('.npy'))!;
    expect(same(await archive.read(npy.name), writeNpy(array))).toBe(true);
  });
});
