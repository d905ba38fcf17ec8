import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../src/limits.js';
import { memorySource } from '../src/archive/memory-source.js';
import { openArchive } from '../src/archive/open-archive.js';
import { archiveChunks, writeArchive } from '../src/archive/write-archive.js';
import type { ArchiveMemberChunks, ArchiveWriteOptions } from '../src/archive/types.js';
import { randomBytes } from './helpers.js';

/** Cuts `data` into views at the given offsets (no copies), empty pieces included. */
function cut(data: Uint8Array, at: readonly number[]): Uint8Array[] {
  const bounds = [0, ...at, data.length];
  return bounds.slice(1).map((end, i) => data.subarray(bounds[i], end));
}

const whole: ArchiveMemberChunks[] = [
  { name: '1.npy', data: randomBytes(100_000, 1) },
  { name: 'empty.bin', data: new Uint8Array(0) },
  { name: '2.bin', data: randomBytes(1000, 2) },
  { name: 'schema.json', data: new TextEncoder().encode('{"protocol": 2}') },
];

const chunked: ArchiveMemberChunks[] = [
  { name: '1.npy', data: cut(whole[0]!.data as Uint8Array, [128, 128, 50_000, 99_999]) },
  { name: 'empty.bin', data: [] },
  { name: '2.bin', data: cut(whole[2]!.data as Uint8Array, [0, 1, 999]) },
  { name: 'schema.json', data: [whole[3]!.data as Uint8Array] },
];

const same = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a).equals(Buffer.from(b));

describe.each<[string, ArchiveWriteOptions]>([
  ['stored', { compression: 'stored' }],
  ['DEFLATE', { compression: 'deflate' }],
  ['stored with forced ZIP64', { compression: 'stored', forceZip64: true }],
])('members given as chunks, written %s', (_, options) => {
  it('give the same archive bytes as the same members given whole', () => {
    const expected = writeArchive(whole, options);
    expect(same(writeArchive(chunked, options), expected)).toBe(true);
    expect(same(Buffer.concat([...archiveChunks(chunked, options)]), expected)).toBe(true);
  });

  it('read back as the joined bytes, with the CRC-32 of the whole member', async () => {
    const archive = await openArchive(memorySource(writeArchive(chunked, options)), {
      limits: DEFAULT_LIMITS,
    });
    for (const m of whole)
      expect(same(await archive.read(m.name), m.data as Uint8Array)).toBe(true);
  });
});

describe('stored members given as chunks', () => {
  it('are streamed as the caller chunks themselves, empty chunks left out', () => {
    const header = randomBytes(64, 3);
    const data = new Float64Array([1.5, -2, 3]);
    const view = new Uint8Array(data.buffer);
    const out = [
      ...archiveChunks([{ name: 'a.npy', data: [header, new Uint8Array(0), view] }], {
        compression: 'stored',
      }),
    ];
    expect(out).toContain(header);
    expect(out).toContain(view);
    expect(out.some((c) => c.length === 0)).toBe(false);
  });
});
