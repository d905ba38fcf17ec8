import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../src/limits.js';
import { crc32 } from '../src/archive/crc32.js';
import { openArchive } from '../src/archive/open-archive.js';
import { fileSource } from '../src/node/file-source.js';

const GiB = 1024 ** 3;
const hasPython = existsSync('/usr/bin/python3');
if (!hasPython)
  console.warn(
    '[archive large file] SKIPPED the Python cross-check: /usr/bin/python3 is not available.',
  );
const BIG = 4.5 * GiB;
const work = mkdtempSync(path.join(tmpdir(), 'skops-archive-large-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Little-endian record builder for hand-made zip structures. */
function record(fields: [number, 2 | 4 | 8][], tail: Uint8Array = new Uint8Array(0)): Uint8Array {
  const size = fields.reduce((n, [, w]) => n + w, 0);
  const out = new Uint8Array(size + tail.length);
  const view = new DataView(out.buffer);
  let p = 0;
  for (const [value, width] of fields) {
    if (width === 2) view.setUint16(p, value, true);
    else if (width === 4) view.setUint32(p, value >>> 0, true);
    else view.setBigUint64(p, BigInt(value), true);
    p += width;
  }
  out.set(tail, size);
  return out;
}

const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let p = 0;
  for (const part of parts) {
    out.set(part, p);
    p += part.length;
  }
  return out;
};

/**
 * Writes a sparse 4.5 GiB zip: a stored 4.5 GiB member of zeros (a hole on
 * disk) followed by `schema.json`, whose local header offset needs ZIP64.
 */
async function writeSparseZip(file: string): Promise<void> {
  const text = new TextEncoder();
  const bigName = text.encode('big.npy');
  const schemaName = text.encode('schema.json');
  const schema = text.encode('{"protocol": 2}');
  const zip64Sizes = record([
    [0x0001, 2],
    [16, 2],
    [BIG, 8],
    [BIG, 8],
  ]);
  const local1 = record(
    [
      [0x04034b50, 4],
      [45, 2],
      [0, 2],
      [0, 2],
      [0, 2],
      [0x21, 2],
      [0, 4],
      [0xffffffff, 4],
      [0xffffffff, 4],
      [bigName.length, 2],
      [zip64Sizes.length, 2],
    ],
    concat(bigName, zip64Sizes),
  );
  const offset2 = local1.length + BIG;
  const local2 = record(
    [
      [0x04034b50, 4],
      [20, 2],
      [0, 2],
      [0, 2],
      [0, 2],
      [0x21, 2],
      [crc32(schema), 4],
      [schema.length, 4],
      [schema.length, 4],
      [schemaName.length, 2],
      [0, 2],
    ],
    concat(schemaName, schema),
  );
  const central1 = record(
    [
      [0x02014b50, 4],
      [0x032d, 2],
      [45, 2],
      [0, 2],
      [0, 2],
      [0, 2],
      [0x21, 2],
      [0, 4],
      [0xffffffff, 4],
      [0xffffffff, 4],
      [bigName.length, 2],
      [zip64Sizes.length, 2],
      [0, 2],
      [0, 2],
      [0, 2],
      [0, 4],
      [0, 4],
    ],
    concat(bigName, zip64Sizes),
  );
  const zip64Offset = record([
    [0x0001, 2],
    [8, 2],
    [offset2, 8],
  ]);
  const central2 = record(
    [
      [0x02014b50, 4],
      [0x032d, 2],
      [45, 2],
      [0, 2],
      [0, 2],
      [0, 2],
      [0x21, 2],
      [crc32(schema), 4],
      [schema.length, 4],
      [schema.length, 4],
      [schemaName.length, 2],
      [zip64Offset.length, 2],
      [0, 2],
      [0, 2],
      [0, 2],
      [0, 4],
      [0xffffffff, 4],
    ],
    concat(schemaName, zip64Offset),
  );
  const cdOffset = offset2 + local2.length;
  const cdSize = central1.length + central2.length;
  const eocd64 = record([
    [0x06064b50, 4],
    [44, 8],
    [0x032d, 2],
    [45, 2],
    [0, 4],
    [0, 4],
    [2, 8],
    [2, 8],
    [cdSize, 8],
    [cdOffset, 8],
  ]);
  const locator = record([
    [0x07064b50, 4],
    [0, 4],
    [cdOffset + cdSize, 8],
    [1, 4],
  ]);
  const eocd = record([
    [0x06054b50, 4],
    [0, 2],
    [0, 2],
    [0xffff, 2],
    [0xffff, 2],
    [0xffffffff, 4],
    [0xffffffff, 4],
    [0, 2],
  ]);
  const handle = await open(file, 'w');
  try {
    await handle.write(local1, 0, local1.length, 0);
    const rest = concat(local2, central1, central2, eocd64, locator, eocd);
    await handle.write(rest, 0, rest.length, offset2);
  } finally {
    await handle.close();
  }
}

describe('a sparse 4.5 GiB archive on disk', () => {
  const file = path.join(work, 'big.zip');

  it('opens through positional file reads, with ZIP64 sizes and offsets beyond 4 GiB', async () => {
    await writeSparseZip(file);
    const archive = await openArchive(await fileSource(file), { limits: DEFAULT_LIMITS });
    expect(archive.entries.map((e) => [e.name, e.uncompressedSize])).toEqual([
      ['big.npy', BIG],
      ['schema.json', 15],
    ]);
    expect(new TextDecoder().decode(await archive.read('schema.json'))).toBe('{"protocol": 2}');
    await archive.close();
  });

  it('refuses to read the 4.5 GiB member under a 1 GiB maxMemberBytes, before allocating it', async () => {
    const archive = await openArchive(await fileSource(file), {
      limits: { ...DEFAULT_LIMITS, maxMemberBytes: GiB },
    });
    await expect(archive.read('big.npy')).rejects.toMatchObject({
      code: 'LIMIT_EXCEEDED',
      limit: 'maxMemberBytes',
      requested: BIG,
    });
    await archive.close();
  });

  it.skipIf(!hasPython)("is the same archive to Python's zipfile", () => {
    const r = spawnSync(
      '/usr/bin/python3',
      [
        '-c',
        'import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nprint([(i.filename, i.file_size) for i in z.infolist()], z.read("schema.json").decode())',
        file,
      ],
      { encoding: 'utf8' },
    );
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe(`[('big.npy', ${BIG}), ('schema.json', 15)] {"protocol": 2}`);
  });
});
