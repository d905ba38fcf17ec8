import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../src/limits.js';
import { memorySource } from '../src/archive/memory-source.js';
import { openArchive } from '../src/archive/open-archive.js';
import { archiveChunks, writeArchive } from '../src/archive/write-archive.js';
import { crc32, crc32Js, crc32Update } from '../src/archive/crc32.js';
import type { ArchiveMemberInput, ArchiveWriteOptions } from '../src/archive/types.js';
import { randomBytes } from './helpers.js';

function members(): ArchiveMemberInput[] {
  const text = new TextEncoder();
  const repetitive = new Uint8Array(3 * 1024 * 1024);
  for (let i = 0; i < repetitive.length; i++) repetitive[i] = (i % 251) & 0xff;
  return [
    { name: '140093821934768.npy', data: randomBytes(70_000, 7) },
    { name: 'empty.bin', data: new Uint8Array(0) },
    { name: 'große_ß_数据.bin', data: text.encode('non-ASCII member name') },
    { name: 'sub/dir/a1b2c3.npz', data: repetitive },
    { name: 'schema.json', data: text.encode('{"__class__": "dict", "protocol": 2}') },
  ];
}

const same = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a).equals(Buffer.from(b));

const MODES: [string, ArchiveWriteOptions][] = [
  ['stored', { compression: 'stored' }],
  ['DEFLATE', { compression: 'deflate' }],
  ['DEFLATE level 9', { compression: 'deflate', level: 9 }],
  ['stored with forced ZIP64', { compression: 'stored', forceZip64: true }],
  ['DEFLATE with forced ZIP64', { compression: 'deflate', forceZip64: true }],
];

describe.each(MODES)('an archive written %s', (_, options) => {
  const input = members();
  const bytes = writeArchive(input, options);

  it('reads back member for member, in the order written', async () => {
    const archive = await openArchive(memorySource(bytes), { limits: DEFAULT_LIMITS });
    expect(archive.entries.map((e) => e.name)).toEqual(input.map((m) => m.name));
    for (const m of input) {
      const entry = archive.entry(m.name)!;
      expect(entry.method).toBe(options.compression);
      expect(entry.crc32).toBe(crc32(m.data));
      const data = await archive.read(m.name);
      expect(same(data, m.data)).toBe(true);
    }
  });

  it('returns members in buffers of their own, aligned for typed-array views', async () => {
    const archive = await openArchive(memorySource(bytes), { limits: DEFAULT_LIMITS });
    for (const m of input) {
      const data = await archive.read(m.name);
      expect(data.byteOffset).toBe(0);
      expect(data.buffer.byteLength).toBe(data.length);
      expect(data.buffer).not.toBe(bytes.buffer);
    }
  });

  it('is byte-for-byte identical when written twice and when streamed in chunks', () => {
    expect(same(writeArchive(members(), options), bytes)).toBe(true);
    expect(same(Buffer.concat([...archiveChunks(members(), options)]), bytes)).toBe(true);
  });
});

describe.each(MODES.filter(([, o]) => !o.forceZip64))(
  'jszip cross-check of an archive written %s',
  (_, options) => {
    it('jszip reads every member with the same names and bytes', async () => {
      const input = members();
      const zip = await JSZip.loadAsync(writeArchive(input, options));
      const files = Object.values(zip.files).filter((f) => !f.dir);
      expect(files.map((f) => f.name)).toEqual(input.map((m) => m.name));
      for (const m of input)
        expect(same(await zip.file(m.name)!.async('uint8array'), m.data)).toBe(true);
    });
  },
);

describe.each([
  ['STORE', 'STORE'],
  ['DEFLATE', 'DEFLATE'],
] as const)('an archive jszip writes with %s', (_, compression) => {
  it('reads with the same members and bytes, folder entries included', async () => {
    const input = members();
    const zip = new JSZip();
    for (const m of input) zip.file(m.name, m.data, { date: new Date(Date.UTC(2020, 0, 1)) });
    const bytes = await zip.generateAsync({ type: 'uint8array', compression });
    const archive = await openArchive(memorySource(bytes), { limits: DEFAULT_LIMITS });
    for (const m of input) expect(same(await archive.read(m.name), m.data)).toBe(true);
    const folders = archive.entries.filter((e) => e.name.endsWith('/')).map((e) => e.name);
    expect(folders.sort()).toEqual(['sub/', 'sub/dir/']);
    for (const f of folders) expect((await archive.read(f)).length).toBe(0);
  });
});

describe('member lookup', () => {
  it('finds members by exact name only and reports a missing one as MISSING_MEMBER', async () => {
    const archive = await openArchive(
      memorySource(writeArchive(members(), { compression: 'stored' })),
      { limits: DEFAULT_LIMITS },
    );
    expect(archive.has('schema.json')).toBe(true);
    expect(archive.has('./schema.json')).toBe(false);
    expect(archive.has('SCHEMA.JSON')).toBe(false);
    expect(archive.entry('nothere.npy')).toBeUndefined();
    await expect(archive.read('./schema.json')).rejects.toMatchObject({ code: 'MISSING_MEMBER' });
    await expect(archive.read('nothere.npy')).rejects.toThrow(/no member named "nothere.npy"/);
  });

  it('refuses reads after close', async () => {
    const archive = await openArchive(
      memorySource(writeArchive(members(), { compression: 'stored' })),
      { limits: DEFAULT_LIMITS },
    );
    await archive.close();
    await expect(archive.read('schema.json')).rejects.toMatchObject({ code: 'INVALID_ARCHIVE' });
  });
});

describe('the writer', () => {
  it('refuses duplicate, traversal and absolute member names', () => {
    const data = new Uint8Array(1);
    for (const names of [
      ['a.npy', 'a.npy'],
      ['../evil.npy'],
      ['/etc/passwd'],
      ['C:evil'],
      ['a\\b.npy'],
      [''],
    ]) {
      expect(() =>
        writeArchive(
          names.map((name) => ({ name, data })),
          { compression: 'stored' },
        ),
      ).toThrow(expect.objectContaining({ code: 'INVALID_DATA' }));
    }
  });

  it('refuses DEFLATE levels outside 0–9', () => {
    for (const level of [-1, 10, 1.5]) {
      expect(() => writeArchive(members(), { compression: 'deflate', level })).toThrow(
        expect.objectContaining({ code: 'INVALID_DATA' }),
      );
    }
  });

  it('writes ZIP64 end records only when forced or needed', () => {
    const find = (bytes: Uint8Array, sig: number): boolean => {
      const view = Buffer.from(bytes);
      return (
        view.indexOf(
          Buffer.from([sig & 0xff, (sig >>> 8) & 0xff, (sig >>> 16) & 0xff, sig >>> 24]),
        ) >= 0
      );
    };
    const plain = writeArchive([{ name: 'a', data: new Uint8Array(3) }], { compression: 'stored' });
    const forced = writeArchive([{ name: 'a', data: new Uint8Array(3) }], {
      compression: 'stored',
      forceZip64: true,
    });
    expect(find(plain, 0x06064b50)).toBe(false);
    expect(find(forced, 0x06064b50)).toBe(true);
    expect(find(forced, 0x07064b50)).toBe(true);
  });
});

describe('CRC-32', () => {
  it('gives the standard check value 0xCBF43926 for "123456789" and 0 for no bytes', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it('agrees with the byte-at-a-time definition at every length and alignment', () => {
    const data = randomBytes(300, 11);
    const slow = (b: Uint8Array): number => {
      let c = 0xffffffff;
      for (const x of b) {
        c ^= x;
        for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      }
      return ~c >>> 0;
    };
    for (let start = 0; start < 9; start++) {
      for (let end = start; end <= data.length; end += 13) {
        const piece = data.subarray(start, end);
        expect(crc32(piece)).toBe(slow(piece));
        expect(crc32Js(0, piece)).toBe(slow(piece));
      }
    }
  });

  it('gives the same value fed in uneven pieces, on the platform (native in Node) and in JavaScript', () => {
    const data = randomBytes(100_003, 5);
    let native = 0;
    let js = 0;
    for (let p = 0, step = 1; p < data.length; p += step, step = step * 3 + 1) {
      native = crc32Update(native, data.subarray(p, p + step));
      js = crc32Js(js, data.subarray(p, p + step));
    }
    expect(native).toBe(crc32Js(0, data));
    expect(js).toBe(crc32Js(0, data));
  });
});

describe('reading members in any order', () => {
  const MiB = 1024 * 1024;
  const small = Array.from({ length: 40 }, (_, i) => ({
    name: `small-${i}.npy`,
    data: randomBytes(1000 + i * 997, i + 1),
  }));
  const large = { name: 'large.npy', data: randomBytes(40 * MiB + 3, 99) };
  const input = [...small.slice(0, 20), large, ...small.slice(20)];

  it('returns every member intact, small ones read ahead together and a large one in pieces', async () => {
    const archive = await openArchive(
      memorySource(writeArchive(input, { compression: 'stored' })),
      {
        limits: DEFAULT_LIMITS,
      },
    );
    for (const m of [...input].reverse())
      expect(same(await archive.read(m.name), m.data)).toBe(true);
    for (const m of input) expect(same(await archive.read(m.name), m.data)).toBe(true);
  });

  it('catches a flipped byte in the last piece of a large member and in a small member', async () => {
    const bytes = writeArchive(input, { compression: 'stored' });
    const flip = (at: number): Uint8Array => {
      const copy = bytes.slice();
      copy[at]! ^= 1;
      return copy;
    };
    const find = (part: Uint8Array): number => Buffer.from(bytes).indexOf(Buffer.from(part));
    const largeEnd = find(large.data.subarray(large.data.length - 64));
    const smallAt = find(small[3]!.data.subarray(0, 64));
    expect(largeEnd).toBeGreaterThan(40 * MiB);
    expect(smallAt).toBeGreaterThan(0);
    for (const [damaged, name] of [
      [flip(largeEnd + 60), large.name],
      [flip(smallAt + 10), small[3]!.name],
    ] as const) {
      const archive = await openArchive(memorySource(damaged), { limits: DEFAULT_LIMITS });
      const error: unknown = await archive.read(name).then(
        () => 'read without error',
        (e: unknown) => e,
      );
      expect(error).toMatchObject({
        code: 'INVALID_ARCHIVE',
        message: expect.stringContaining('CRC-32'),
      });
      expect(same(await archive.read(small[0]!.name), small[0]!.data)).toBe(true);
    }
  });
});

describe('performance sanity (informational, no timing assertion)', () => {
  it('writes and reads a 32 MiB DEFLATE member and reports the throughput', async () => {
    // float64 values of a smooth series: partly compressible, like model weights.
    const values = new Float64Array(4 * 1024 * 1024);
    for (let i = 0; i < values.length; i++) values[i] = Math.round(Math.sin(i / 1000) * 1e4) / 1e4;
    const data = new Uint8Array(values.buffer);
    let t = performance.now();
    const bytes = writeArchive([{ name: 'big.npy', data }], { compression: 'deflate', level: 1 });
    const writeMs = performance.now() - t;
    t = performance.now();
    const archive = await openArchive(memorySource(bytes), { limits: DEFAULT_LIMITS });
    const back = await archive.read('big.npy');
    const readMs = performance.now() - t;
    t = performance.now();
    crc32(data);
    const crcMs = performance.now() - t;
    console.info(
      `[archive perf] 32 MiB DEFLATE (${(bytes.length / 2 ** 20).toFixed(1)} MiB compressed): write ${writeMs.toFixed(0)} ms, read+inflate+CRC ${readMs.toFixed(0)} ms, CRC-32 alone ${crcMs.toFixed(0)} ms (${(32 / (crcMs / 1000)).toFixed(0)} MiB/s)`,
    );
    expect(same(back, data)).toBe(true);
  });
});
