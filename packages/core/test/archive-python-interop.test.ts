import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../src/limits.js';
import { memorySource } from '../src/archive/memory-source.js';
import { openArchive } from '../src/archive/open-archive.js';
import { writeArchive } from '../src/archive/write-archive.js';
import { fileSource } from '../src/node/file-source.js';
import type { ArchiveMemberInput, ArchiveWriteOptions } from '../src/archive/types.js';
import { decodeZipLzma } from '../src/archive/lzma-decoder.js';
import { MemberOutput } from '../src/archive/member-output.js';

const PYTHON = '/usr/bin/python3';
const hasPython =
  existsSync(PYTHON) &&
  spawnSync(PYTHON, ['-c', 'import zipfile, lzma, bz2, zlib'], { stdio: 'ignore' }).status === 0;
if (!hasPython)
  console.warn(`[archive interop] SKIPPED: ${PYTHON} with zipfile/lzma/bz2 is not available.`);

const work = mkdtempSync(path.join(tmpdir(), 'skops-archive-interop-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function python(script: string, ...args: string[]): string {
  const r = spawnSync(PYTHON, ['-c', script, ...args], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`python failed: ${r.stderr}`);
  return r.stdout;
}

const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

// Python writes an archive with the given method and prints {name: sha256} of what it wrote.
const PY_WRITE = String.raw`
import hashlib, json, random, sys, zipfile
path, method, level = sys.argv[1], getattr(zipfile, sys.argv[2]), int(sys.argv[3])
rng = random.Random(42)
members = {
  "140093821934768.npy": bytes(rng.getrandbits(8) for _ in range(50_000)),
  "empty.bin": b"",
  "runs.bin": b"a" * 300_000 + b"b" * 4 + b"c" * 5 + b"".join(bytes([i % 256]) * (i % 7) for i in range(200_000)),
  "mixed.npy": b"".join(rng.choice([b"\x00" * 64, bytes(rng.getrandbits(8) for _ in range(64)), b"0123456789abcdef" * 4]) for _ in range(40_000)),
  "gr\u00fc\u00dfe.bin": "non-ASCII name".encode(),
  "schema.json": b'{"__class__": "dict", "protocol": 2}',
}
kw = {} if level < 0 else {"compresslevel": level}
with zipfile.ZipFile(path, "w", compression=method, **kw) as zf:
  for name, data in members.items():
    zf.writestr(name, data)
print(json.dumps({n: hashlib.sha256(d).hexdigest() for n, d in members.items()}))
`;

// Python reads an archive and prints {names, sha256 per member, date_time, flag bits, testzip result}.
const PY_READ = String.raw`
import hashlib, json, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as zf:
  infos = zf.infolist()
  print(json.dumps({
    "names": [i.filename for i in infos],
    "sha256": {i.filename: hashlib.sha256(zf.read(i)).hexdigest() for i in infos},
    "dates": sorted({list(i.date_time).__repr__() for i in infos}),
    "utf8": {i.filename: bool(i.flag_bits & 0x800) for i in infos},
    "testzip": zf.testzip(),
  }))
`;

describe.skipIf(!hasPython)("interop with Python's zipfile", () => {
  describe.each([
    ['ZIP_STORED', -1],
    ['ZIP_DEFLATED', 6],
    ['ZIP_DEFLATED', 9],
    ['ZIP_BZIP2', 9],
    ['ZIP_BZIP2', 1],
    ['ZIP_LZMA', -1],
  ] as const)('an archive Python writes with %s (level %i)', (method, level) => {
    it('reads with the same names, order and bytes, from memory and from a file', async () => {
      const file = path.join(work, `py-${method}-${level}.zip`);
      const expected = JSON.parse(python(PY_WRITE, file, method, String(level))) as Record<
        string,
        string
      >;
      for (const source of [
        memorySource(new Uint8Array(readFileSync(file))),
        await fileSource(file),
      ]) {
        const archive = await openArchive(source, { limits: DEFAULT_LIMITS });
        expect(archive.entries.map((e) => e.name)).toEqual(Object.keys(expected));
        for (const [name, digest] of Object.entries(expected))
          expect(sha256(await archive.read(name))).toBe(digest);
        await archive.close();
      }
    });
  });

  it('reads a Python archive of 70,000 members (ZIP64 end records)', async () => {
    const file = path.join(work, 'py-many.zip');
    python(
      String.raw`
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w") as zf:
  for i in range(70_000):
    zf.writestr(f"m{i}.bin", str(i).encode())
`,
      file,
    );
    const archive = await openArchive(memorySource(new Uint8Array(readFileSync(file))), {
      limits: DEFAULT_LIMITS,
    });
    expect(archive.entries.length).toBe(70_000);
    expect(new TextDecoder().decode(await archive.read('m69999.bin'))).toBe('69999');
    await expect(
      openArchive(memorySource(new Uint8Array(readFileSync(file))), {
        limits: { ...DEFAULT_LIMITS, maxMembers: 65_535 },
      }),
    ).rejects.toMatchObject({
      code: 'LIMIT_EXCEEDED',
      limit: 'maxMembers',
    });
  });

  it('reads a member Python wrote with force_zip64 (ZIP64 local extra field)', async () => {
    const file = path.join(work, 'py-force64.zip');
    python(
      String.raw`
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", compression=zipfile.ZIP_DEFLATED) as zf:
  with zf.open("big.npy", "w", force_zip64=True) as f:
    f.write(b"x" * 100_000)
  zf.writestr("schema.json", b"{}")
`,
      file,
    );
    const archive = await openArchive(memorySource(new Uint8Array(readFileSync(file))), {
      limits: DEFAULT_LIMITS,
    });
    expect(new TextDecoder().decode(await archive.read('big.npy'))).toBe('x'.repeat(100_000));
    expect(new TextDecoder().decode(await archive.read('schema.json'))).toBe('{}');
  });

  const ours: ArchiveMemberInput[] = [
    {
      name: '2541686176112.npy',
      data: new Uint8Array(Array.from({ length: 100_000 }, (_, i) => (i * 7919) % 256)),
    },
    { name: 'empty.bin', data: new Uint8Array(0) },
    { name: 'größe_数据.bin', data: new TextEncoder().encode('non-ASCII name') },
    { name: 'schema.json', data: new TextEncoder().encode('{"protocol": 2}') },
  ];
  describe.each<[string, ArchiveWriteOptions]>([
    ['stored', { compression: 'stored' }],
    ['DEFLATE', { compression: 'deflate' }],
    ['stored with forced ZIP64', { compression: 'stored', forceZip64: true }],
    ['DEFLATE level 1 with forced ZIP64', { compression: 'deflate', level: 1, forceZip64: true }],
  ])('an archive we write %s', (label, options) => {
    it('Python reads with the same names, bytes, UTF-8 flags, 1980-01-01 timestamps and good CRCs', () => {
      const file = path.join(work, `ours-${label.replace(/\W+/g, '-')}.zip`);
      writeFileSync(file, writeArchive(ours, options));
      const seen = JSON.parse(python(PY_READ, file)) as {
        names: string[];
        sha256: Record<string, string>;
        dates: string[];
        utf8: Record<string, boolean>;
        testzip: string | null;
      };
      expect(seen.names).toEqual(ours.map((m) => m.name));
      for (const m of ours) expect(seen.sha256[m.name]).toBe(sha256(m.data));
      expect(seen.dates).toEqual(['[1980, 1, 1, 0, 0, 0]']);
      expect(seen.utf8).toEqual({
        '2541686176112.npy': false,
        'empty.bin': false,
        'größe_数据.bin': true,
        'schema.json': false,
      });
      expect(seen.testzip).toBeNull();
    });
  });

  it('Python reads an archive of 70,000 members we write (ZIP64 end records not forced)', () => {
    const file = path.join(work, 'ours-many.zip');
    const many = Array.from({ length: 70_000 }, (_, i) => ({
      name: `m${i}.bin`,
      data: new TextEncoder().encode(String(i)),
    }));
    writeFileSync(file, writeArchive(many, { compression: 'stored' }));
    const out = python(
      String.raw`
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as zf:
  print(len(zf.infolist()), zf.read("m69999.bin").decode(), zf.testzip())
`,
      file,
    );
    expect(out.trim()).toBe('70000 69999 None');
  });

  it('reports LZMA and bzip2 decoding throughput on a 16 MiB member (informational, no timing assertion)', async () => {
    for (const method of ['ZIP_LZMA', 'ZIP_BZIP2']) {
      const file = path.join(work, `py-perf-${method}.zip`);
      const expected = python(
        String.raw`
import hashlib, math, random, struct, sys, zipfile
rng = random.Random(1)
data = b"".join(struct.pack("<f", math.sin(i / 1000) + rng.random() * 1e-3) + bytes(4) for i in range(2 * 1024 * 1024))
with zipfile.ZipFile(sys.argv[1], "w", compression=getattr(zipfile, sys.argv[2])) as zf:
  zf.writestr("weights.npy", data)
print(hashlib.sha256(data).hexdigest())
`,
        file,
        method,
      ).trim();
      const archive = await openArchive(memorySource(new Uint8Array(readFileSync(file))), {
        limits: DEFAULT_LIMITS,
      });
      const t = performance.now();
      const data = await archive.read('weights.npy');
      const ms = performance.now() - t;
      console.info(
        `[archive perf] ${method}: 16 MiB from ${(archive.entry('weights.npy')!.compressedSize / 2 ** 20).toFixed(1)} MiB in ${ms.toFixed(0)} ms (${(16 / (ms / 1000)).toFixed(0)} MiB/s)`,
      );
      expect(sha256(data)).toBe(expected);
    }
  });

  it.each([
    [0, 2, 0],
    [4, 0, 4],
    [3, 1, 3],
    [1, 3, 2],
  ])('decodes raw LZMA streams liblzma writes with lc=%i, lp=%i, pb=%i', (lc, lp, pb) => {
    const out = JSON.parse(
      python(
        String.raw`
import json, lzma, random, sys
lc, lp, pb = map(int, sys.argv[1:4])
rng = random.Random(5)
data = b"".join(rng.choice([b"abc" * 40, bytes(rng.getrandbits(8) for _ in range(50)), bytes([rng.getrandbits(8)]) * 300]) for _ in range(3000))
f = {"id": lzma.FILTER_LZMA1, "lc": lc, "lp": lp, "pb": pb, "dict_size": 1 << 16}
props = lzma._encode_filter_properties(f)
raw = lzma.compress(data, format=lzma.FORMAT_RAW, filters=[f])
print(json.dumps({"member": (bytes([9, 20, 5, 0]) + props + raw).hex(), "data": data.hex()}))
`,
        String(lc),
        String(lp),
        String(pb),
      ),
    ) as { member: string; data: string };
    const expected = Buffer.from(out.data, 'hex');
    const decoded = decodeZipLzma(
      new Uint8Array(Buffer.from(out.member, 'hex')),
      new MemberOutput(expected.length, 'm'),
    );
    expect(Buffer.from(decoded).equals(expected)).toBe(true);
  });

  it('refuses LZMA and bzip2 members whose compressed bytes were damaged, with INVALID_ARCHIVE', async () => {
    for (const method of ['ZIP_LZMA', 'ZIP_BZIP2']) {
      const file = path.join(work, `py-damaged-${method}.zip`);
      python(
        String.raw`
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", compression=getattr(zipfile, sys.argv[2])) as zf:
  zf.writestr("data.bin", bytes(range(256)) * 2000)
`,
        file,
        method,
      );
      const bytes = new Uint8Array(readFileSync(file));
      const archive = await openArchive(memorySource(bytes), { limits: DEFAULT_LIMITS });
      const entry = archive.entry('data.bin')!;
      // Damage bytes in the middle of the compressed data (the local header is 30 + 8 bytes long here).
      const start = 30 + 'data.bin'.length + Math.floor(entry.compressedSize / 2);
      for (let i = 0; i < 8; i++) bytes[start + i]! ^= 0x5a;
      const damaged = await openArchive(memorySource(bytes), { limits: DEFAULT_LIMITS });
      await expect(damaged.read('data.bin')).rejects.toMatchObject({ code: 'INVALID_ARCHIVE' });
    }
  });
});
