import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SkopsError } from '../src/errors/skops-error.js';
import { DEFAULT_LIMITS, type Limits } from '../src/limits.js';
import { memorySource } from '../src/archive/memory-source.js';
import { openArchive } from '../src/archive/open-archive.js';
import { writeArchive } from '../src/archive/write-archive.js';
import { inflateInto } from '../src/archive/inflate-member.js';
import { MemberOutput } from '../src/archive/member-output.js';

const FIXTURES = process.env.SKOPS_FIXTURES ?? path.resolve(__dirname, '../../../fixtures');
const HOSTILE = path.join(FIXTURES, 'hostile');
const MiB = 1024 * 1024;

interface Sidecar {
  file: string;
  kind: string;
  attack: string;
  expect: { error?: boolean; untrusted?: string[]; or_error?: boolean };
  must_not?: string[];
  python_skops?: Record<string, unknown>;
}

type Expectation =
  | 'limit'
  | 'invalid'
  | 'missing-schema'
  | 'readable'
  | 'readable-within-limits'
  | 'readable-or-refused';

/** What the archive layer alone must do with a case, derived from its sidecar. */
function archiveExpectation(s: Sidecar): Expectation {
  const mustNot = (s.must_not ?? []).join(' | ');
  const python = JSON.stringify(s.python_skops ?? {});
  if (/inflate more than a bounded amount/.test(mustNot)) return 'limit';
  if (/follow symlinks/.test(mustNot)) return 'invalid';
  if (/BadZipFile|is encrypted/.test(python)) return 'invalid';
  if (/no item named 'schema\.json'/.test(python)) return 'missing-schema';
  if (s.expect.untrusted && !s.expect.or_error) return 'readable';
  // A hand-edited schema in an ordinary zip: the container must read, unless a default limit refuses a member.
  if (s.kind === 'skops') return 'readable-within-limits';
  // Python's zipfile read these and only the JSON inside was at fault.
  if (/JSONDecodeError|TypeError/.test(python)) return 'readable';
  return 'readable-or-refused';
}

type Outcome = { ok: true } | { ok: false; code: string; limit?: string; error: unknown };

async function readEverything(
  bytes: Uint8Array,
  limits: Limits = DEFAULT_LIMITS,
  schemaFirst = true,
): Promise<Outcome> {
  try {
    const archive = await openArchive(memorySource(bytes), { limits });
    if (schemaFirst) await archive.read('schema.json');
    for (const e of archive.entries) await archive.read(e.name);
    return { ok: true };
  } catch (error) {
    if (!SkopsError.isInstance(error)) throw error;
    return { ok: false, code: error.code, limit: (error as { limit?: string }).limit, error };
  }
}

const cases = readdirSync(HOSTILE)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(path.join(HOSTILE, f), 'utf8')) as Sidecar)
  .filter((s) => s.kind === 'zip' || s.kind === 'skops')
  .map((s) => [s.file, archiveExpectation(s), s] as const);

describe('hostile zip and skops fixtures at the archive layer', () => {
  it('covers every kind of expectation', () => {
    const kinds = new Set(cases.map(([, e]) => e));
    for (const k of ['limit', 'invalid', 'missing-schema', 'readable'] as const)
      expect(kinds).toContain(k);
  });

  it.each(cases)(
    '%s: the archive layer does what the sidecar implies (%s)',
    async (file, expectation) => {
      const bytes = new Uint8Array(readFileSync(path.join(HOSTILE, file)));
      const rssBefore = process.memoryUsage().rss;
      const outcome = await readEverything(bytes);
      expect(process.memoryUsage().rss - rssBefore).toBeLessThan(400 * MiB);
      switch (expectation) {
        case 'limit':
          expect(outcome).toMatchObject({ ok: false, code: 'LIMIT_EXCEEDED' });
          break;
        case 'invalid':
          expect(outcome).toMatchObject({ ok: false, code: 'INVALID_ARCHIVE' });
          break;
        case 'missing-schema':
          expect(outcome).toMatchObject({ ok: false, code: 'MISSING_MEMBER' });
          break;
        case 'readable':
          expect(outcome).toEqual({ ok: true });
          break;
        case 'readable-within-limits':
          if (!outcome.ok) expect(outcome.code).toBe('LIMIT_EXCEEDED');
          break;
        case 'readable-or-refused':
          if (!outcome.ok) expect(['INVALID_ARCHIVE', 'LIMIT_EXCEEDED']).toContain(outcome.code);
          break;
      }
    },
  );
});

const bombs = cases.filter(([, e]) => e === 'limit').map(([file]) => file);

describe.each(bombs)('the zip bomb %s', (file) => {
  const bytes = (): Uint8Array => new Uint8Array(readFileSync(path.join(HOSTILE, file)));

  it('opens (the central directory is fine) but refuses to read a member before inflating anything', async () => {
    const archive = await openArchive(memorySource(bytes()), { limits: DEFAULT_LIMITS });
    const big = archive.entries.find((e) => e.uncompressedSize > 1024 * MiB)!;
    expect(big).toBeDefined();
    await expect(archive.read(big.name)).rejects.toMatchObject({
      code: 'LIMIT_EXCEEDED',
      limit: 'maxCompressionRatio',
    });
  });

  it('is refused by maxMemberBytes, and by maxTotalBytes when the ratio limit is lifted', async () => {
    const name = (await openArchive(memorySource(bytes()), { limits: DEFAULT_LIMITS })).entries[0]!
      .name;
    const small = await openArchive(memorySource(bytes()), {
      limits: { ...DEFAULT_LIMITS, maxMemberBytes: 64 * MiB },
    });
    await expect(small.read(name)).rejects.toMatchObject({
      code: 'LIMIT_EXCEEDED',
      limit: 'maxMemberBytes',
    });
    const total = await openArchive(memorySource(bytes()), {
      limits: { ...DEFAULT_LIMITS, maxCompressionRatio: 1e9, maxTotalBytes: 256 * MiB },
    });
    await expect(total.read(name)).rejects.toMatchObject({
      code: 'LIMIT_EXCEEDED',
      limit: 'maxTotalBytes',
    });
  });

  it('stops inflating mid-stream when its header lies about the size, producing only a bounded number of bytes', async () => {
    const archive = await openArchive(memorySource(bytes()), { limits: DEFAULT_LIMITS });
    const entry = archive.entries[0]!;
    const zip = bytes();
    const dataStart =
      30 + new TextEncoder().encode(entry.name).length + (zip[28]! | (zip[29]! << 8));
    const compressed = zip.subarray(dataStart, dataStart + entry.compressedSize);

    const declared = 8 * MiB;
    let produced = 0;
    let largestChunk = 0;
    const out = new MemberOutput(declared, entry.name);
    const write = out.write.bind(out);
    out.write = (chunk: Uint8Array): void => {
      produced += chunk.length;
      largestChunk = Math.max(largestChunk, chunk.length);
      write(chunk);
    };
    async function* oneChunk(): AsyncGenerator<Uint8Array> {
      yield compressed;
    }
    await expect(inflateInto(oneChunk(), out)).rejects.toMatchObject({ code: 'INVALID_ARCHIVE' });
    console.info(
      `[zip bomb] inflation stopped after ${(produced / MiB).toFixed(1)} MiB (declared ${declared / MiB} MiB, bomb ${(entry.uncompressedSize / MiB).toFixed(0)} MiB)`,
    );
    expect(produced).toBeGreaterThan(declared);
    expect(produced).toBeLessThan(declared + 20 * MiB);
    expect(largestChunk).toBeLessThan(20 * MiB);
  });

  it('is refused as INVALID_ARCHIVE through the reader when both headers understate its size', async () => {
    const zip = bytes();
    const archive = await openArchive(memorySource(zip), { limits: DEFAULT_LIMITS });
    const entry = archive.entries[0]!;
    const local = findRecord(zip, 0x04034b50, entry.name, 30);
    const central = findRecord(zip, 0x02014b50, entry.name, 46);
    new DataView(zip.buffer).setUint32(local + 22, 4 * MiB, true);
    new DataView(zip.buffer).setUint32(central + 24, 4 * MiB, true);
    const rssBefore = process.memoryUsage().rss;
    const lying = await openArchive(memorySource(zip), { limits: DEFAULT_LIMITS });
    await expect(lying.read(entry.name)).rejects.toThrow(
      /decompresses to more than the 4194304 bytes/,
    );
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(200 * MiB);
  });
});

/** Offset of the local (30) or central (46) header of `name`. */
function findRecord(zip: Uint8Array, signature: number, name: string, nameAt: number): number {
  const want = new TextEncoder().encode(name);
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let p = 0; p + nameAt <= zip.length; p++) {
    if (view.getUint32(p, true) !== signature) continue;
    const len = view.getUint16(p + (nameAt === 30 ? 26 : 28), true);
    if (
      len === want.length &&
      Buffer.from(zip.subarray(p + nameAt, p + nameAt + len)).equals(Buffer.from(want))
    )
      return p;
  }
  throw new Error(`no record for ${name}`);
}

describe('crafted malformed archives', () => {
  const text = new TextEncoder();
  const base = (): Uint8Array =>
    writeArchive(
      [
        { name: 'aaaa.npy', data: text.encode('first member payload') },
        { name: 'bbbb.npy', data: text.encode('second member payload') },
        { name: 'schema.json', data: text.encode('{"protocol": 2}') },
      ],
      { compression: 'stored' },
    );
  const patchName = (
    zip: Uint8Array,
    from: string,
    to: string,
    where: 'local' | 'central' | 'both',
  ): Uint8Array => {
    const b = text.encode(to);
    if (where !== 'central') zip.set(b, findRecord(zip, 0x04034b50, from, 30) + 30);
    if (where !== 'local') zip.set(b, findRecord(zip, 0x02014b50, from, 46) + 46);
    return zip;
  };
  const openCode = async (zip: Uint8Array, limits: Limits = DEFAULT_LIMITS): Promise<string> => {
    const outcome = await readEverything(zip, limits, false);
    return outcome.ok ? 'ok' : outcome.code;
  };

  it('reads the unmodified base archive', async () => {
    expect(await openCode(base())).toBe('ok');
  });

  it('refuses a 0-byte file, a file with no end record, and archives cut short anywhere', async () => {
    const zip = base();
    expect(await openCode(new Uint8Array(0))).toBe('INVALID_ARCHIVE');
    expect(await openCode(new Uint8Array(100).fill(0x41))).toBe('INVALID_ARCHIVE');
    for (let cut = 1; cut < zip.length; cut += 7)
      expect(await openCode(zip.subarray(0, zip.length - cut))).toBe('INVALID_ARCHIVE');
  });

  it('refuses a member whose bytes do not match its CRC-32', async () => {
    const zip = base();
    zip[findRecord(zip, 0x04034b50, 'bbbb.npy', 30) + 30 + 8 + 3]! ^= 1;
    const archive = await openArchive(memorySource(zip), { limits: DEFAULT_LIMITS });
    await expect(archive.read('aaaa.npy')).resolves.toBeInstanceOf(Uint8Array);
    await expect(archive.read('bbbb.npy')).rejects.toThrow(/CRC-32/);
    await expect(archive.read('bbbb.npy')).rejects.toMatchObject({ code: 'INVALID_ARCHIVE' });
  });

  it('refuses duplicate member names', async () => {
    expect(await openCode(patchName(base(), 'bbbb.npy', 'aaaa.npy', 'both'))).toBe(
      'INVALID_ARCHIVE',
    );
  });

  it.each(['../a.npy', '/aaaaaaa', 'C:aaaaaa', 'aa\\a.npy', 'a/../npy', 'aa//.npy', 'aaa\0.npy'])(
    'refuses the member name %j',
    async (bad) => {
      const padded = bad.padEnd(8, 'x').slice(0, 8);
      expect(await openCode(patchName(base(), 'bbbb.npy', padded, 'both'))).toBe('INVALID_ARCHIVE');
    },
  );

  it('refuses a local header whose name differs from the central directory', async () => {
    const zip = patchName(base(), 'bbbb.npy', 'cccc.npy', 'local');
    const archive = await openArchive(memorySource(zip), { limits: DEFAULT_LIMITS });
    await expect(archive.read('bbbb.npy')).rejects.toThrow(/names a different member/);
  });

  it('refuses the encrypted flag in the central directory and in a local header', async () => {
    const central = base();
    central[findRecord(central, 0x02014b50, 'bbbb.npy', 46) + 8]! |= 1;
    expect(await openCode(central)).toBe('INVALID_ARCHIVE');
    const local = base();
    local[findRecord(local, 0x04034b50, 'bbbb.npy', 30) + 6]! |= 1;
    expect(await openCode(local)).toBe('INVALID_ARCHIVE');
  });

  it('refuses symlink entries', async () => {
    const zip = base();
    new DataView(zip.buffer).setUint32(
      findRecord(zip, 0x02014b50, 'schema.json', 46) + 38,
      (0o120777 << 16) >>> 0,
      true,
    );
    await expect(openArchive(memorySource(zip), { limits: DEFAULT_LIMITS })).rejects.toThrow(
      /symbolic link/,
    );
  });

  it('refuses compression methods other than stored, DEFLATE, bzip2 and LZMA as UNSUPPORTED_ARCHIVE', async () => {
    for (const method of [9, 93, 99]) {
      const zip = base();
      new DataView(zip.buffer).setUint16(
        findRecord(zip, 0x02014b50, 'bbbb.npy', 46) + 10,
        method,
        true,
      );
      expect(await openCode(zip)).toBe('UNSUPPORTED_ARCHIVE');
    }
  });

  it('refuses overlapping members and members that run into the central directory', async () => {
    const overlap = base();
    new DataView(overlap.buffer).setUint32(
      findRecord(overlap, 0x02014b50, 'bbbb.npy', 46) + 42,
      0,
      true,
    );
    expect(await openCode(overlap)).toBe('INVALID_ARCHIVE');
    const spill = base();
    const c = findRecord(spill, 0x02014b50, 'schema.json', 46);
    const view = new DataView(spill.buffer);
    view.setUint32(c + 20, 5000, true);
    view.setUint32(c + 24, 5000, true);
    expect(await openCode(spill)).toBe('INVALID_ARCHIVE');
  });

  it('refuses a stored member whose two declared sizes differ', async () => {
    const zip = base();
    new DataView(zip.buffer).setUint32(findRecord(zip, 0x02014b50, 'bbbb.npy', 46) + 24, 3, true);
    expect(await openCode(zip)).toBe('INVALID_ARCHIVE');
  });

  it('refuses names flagged UTF-8 that are not UTF-8, and accepts unflagged names that are', async () => {
    const bad = patchName(base(), 'bbbb.npy', 'bbbb.npy', 'both');
    for (const at of [
      findRecord(bad, 0x04034b50, 'bbbb.npy', 30) + 30,
      findRecord(bad, 0x02014b50, 'bbbb.npy', 46) + 46,
    ])
      bad[at] = 0xff;
    expect(await openCode(bad)).toBe('INVALID_ARCHIVE');

    const utf8 = base();
    const l = findRecord(utf8, 0x04034b50, 'bbbb.npy', 30);
    const c = findRecord(utf8, 0x02014b50, 'bbbb.npy', 46);
    for (const at of [l + 30, c + 46]) utf8.set([0xc3, 0xa9], at); // "é" without the UTF-8 flag
    const archive = await openArchive(memorySource(utf8), { limits: DEFAULT_LIMITS });
    expect(archive.has('ébb.npy')).toBe(true);
  });

  it('refuses archives with more members than maxMembers before reading the central directory', async () => {
    await expect(
      openArchive(memorySource(base()), { limits: { ...DEFAULT_LIMITS, maxMembers: 2 } }),
    ).rejects.toMatchObject({
      code: 'LIMIT_EXCEEDED',
      limit: 'maxMembers',
      requested: 3,
    });
  });

  it('counts maxTotalBytes across reads, including repeated reads of one member', async () => {
    const archive = await openArchive(memorySource(base()), {
      limits: { ...DEFAULT_LIMITS, maxTotalBytes: 50 },
    });
    await archive.read('aaaa.npy');
    await archive.read('bbbb.npy');
    await expect(archive.read('aaaa.npy')).rejects.toMatchObject({
      code: 'LIMIT_EXCEEDED',
      limit: 'maxTotalBytes',
    });
  });

  it('refuses DEFLATE members whose declared size is larger or smaller than what they inflate to', async () => {
    const data = text.encode('x'.repeat(10_000));
    for (const declared of [9_999, 10_001, 0]) {
      const zip = writeArchive([{ name: 'm.bin', data }], { compression: 'deflate' });
      const view = new DataView(zip.buffer);
      view.setUint32(findRecord(zip, 0x04034b50, 'm.bin', 30) + 22, declared, true);
      view.setUint32(findRecord(zip, 0x02014b50, 'm.bin', 46) + 24, declared, true);
      expect(await openCode(zip)).toBe('INVALID_ARCHIVE');
    }
  });

  it('refuses a DEFLATE member whose compressed bytes are garbage', async () => {
    const zip = writeArchive([{ name: 'm.bin', data: text.encode('some text '.repeat(1000)) }], {
      compression: 'deflate',
    });
    const start = findRecord(zip, 0x04034b50, 'm.bin', 30) + 30 + 5;
    zip.fill(0xff, start, start + 20);
    expect(await openCode(zip)).toBe('INVALID_ARCHIVE');
  });

  it('puts the member name in messages but cuts a huge hostile name short', async () => {
    const long = 'n'.repeat(5000);
    const zip = writeArchive([{ name: long, data: new Uint8Array(4) }], { compression: 'stored' });
    zip[findRecord(zip, 0x04034b50, long, 30) + 30 + 5000]! ^= 1;
    const archive = await openArchive(memorySource(zip), { limits: DEFAULT_LIMITS });
    const error: unknown = await archive.read(long).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(SkopsError.isInstance(error)).toBe(true);
    const message = (error as SkopsError).message;
    expect(message).toMatch(/CRC-32/);
    expect(message.length).toBeLessThan(600);
  });
});
