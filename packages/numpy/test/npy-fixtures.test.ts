import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readNpy, readNpyHeader, writeNpy } from '@skops-ts/numpy';
import { skopsFiles, unzip } from './helpers.js';

async function npyMembers(corpus: string): Promise<[string, Uint8Array][]> {
  const out: [string, Uint8Array][] = [];
  for (const file of skopsFiles(corpus)) {
    const members = await unzip(file);
    for (const [name, bytes] of members) {
      if (name.endsWith('.npy')) out.push([`${path.basename(file)}:${name}`, bytes]);
    }
  }
  return out;
}

// These corpora were written with numpy >= 1.23, whose header layout writeNpy reproduces.
describe.each(['skops', 'skops-modern', 'old-protocols'])(
  'the .npy members of the %s corpus',
  (corpus) => {
    it('all parse, and writing them again gives the identical bytes', async () => {
      const members = await npyMembers(corpus);
      expect(members.length).toBeGreaterThan(0);
      for (const [where, bytes] of members) {
        const array = readNpy(bytes);
        expect(Buffer.from(writeNpy(array)).equals(Buffer.from(bytes)), where).toBe(true);
      }
    });
  },
);

// Files from the wild come from older numpy versions that padded the header differently.
describe('the .npy members of the realworld corpus', () => {
  it('all parse, and writing them again keeps the header values and the data bytes', async () => {
    const members = await npyMembers('realworld');
    expect(members.length).toBeGreaterThan(0);
    for (const [where, bytes] of members) {
      const array = readNpy(bytes);
      const original = readNpyHeader(bytes);
      const written = writeNpy(array);
      const again = readNpyHeader(written);
      expect(again.dtype.equals(original.dtype), where).toBe(true);
      expect(again.shape, where).toEqual(original.shape);
      expect(again.fortranOrder, where).toBe(original.fortranOrder);
      expect(
        Buffer.from(written.subarray(again.dataOffset)).equals(
          Buffer.from(bytes.subarray(original.dataOffset)),
        ),
        where,
      ).toBe(true);
    }
  });
});
