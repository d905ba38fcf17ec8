import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dumps, loads, PyObject, type Dumper, type SkopsPlugin } from '@skops-ts/core';
import { dump } from '@skops-ts/core/node';
import { crc32, crc32Update } from '../src/archive/crc32.js';
import { openArchive } from '../src/archive/open-archive.js';
import { DEFAULT_LIMITS } from '../src/limits.js';
import { fileSource } from '../src/node/file-source.js';
import { codeOf, randomBytes } from './helpers.js';

const work = mkdtempSync(path.join(tmpdir(), 'skops-dump-file-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let count = 0;
const fresh = (): string => path.join(work, `out-${++count}.skops`);

const same = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a).equals(Buffer.from(b));

/** A test class whose payload is saved as a BytesNode member, given whole or as chunks. */
class Blob {
  constructor(
    readonly parts: readonly Uint8Array[],
    readonly chunked: boolean,
  ) {}
}

const blobDumper: Dumper = {
  name: 'Blob',
  test: (v) => v instanceof Blob,
  dump: (v, ctx) => {
    const blob = v as Blob;
    const name = `${ctx.idOf(blob)}.bin`;
    const data = blob.chunked ? blob.parts : Uint8Array.from(Buffer.concat(blob.parts));
    return {
      __class__: 'bytes',
      __module__: 'builtins',
      __loader__: 'BytesNode',
      file: ctx.addMember(name, data),
    };
  },
};
const blobPlugin: SkopsPlugin = { name: 'blob-test', dumpers: [blobDumper] };

describe('dump to a path', () => {
  it.each(['stored', 'deflate'] as const)(
    'writes the bytes dumps returns, for many small members and a large one (%s)',
    async (compression) => {
      const value = {
        small: Array.from({ length: 1500 }, (_, i) => randomBytes(i % 7, i)),
        large: randomBytes(9 << 20, 99),
      };
      const file = fresh();
      await dump(value, file, { compression });
      expect(same(readFileSync(file), await dumps(value, { compression }))).toBe(true);
    },
  );

  it('writes a member a dumper adds as chunks as if it had been added whole', async () => {
    const parts = [
      randomBytes(64, 1),
      new Uint8Array(0),
      randomBytes(5 << 20, 2),
      randomBytes(3, 3),
    ];
    const options = { plugins: [blobPlugin] };
    const whole = await dumps([new Blob(parts, false)], options);
    expect(same(await dumps([new Blob(parts, true)], options), whole)).toBe(true);
    const file = fresh();
    await dump([new Blob(parts, true)], file, options);
    expect(same(readFileSync(file), whole)).toBe(true);
    const back = (await loads(whole)) as unknown[];
    expect(same(back[0] as Uint8Array, Buffer.concat(parts))).toBe(true);
  });

  it('replaces an existing file and leaves no temporary file beside it', async () => {
    const file = fresh();
    writeFileSync(file, 'old contents');
    await dump({ a: 1n }, file);
    expect(same(readFileSync(file), await dumps({ a: 1n }))).toBe(true);
    expect(readdirSync(work).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('leaves neither the file nor a temporary file when the value cannot be saved', async () => {
    const file = fresh();
    const before = readdirSync(work);
    expect(await codeOf(dump({ bad: new PyObject('m', 'C', { x: Symbol('no') }) }, file))).toBe(
      'UNSUPPORTED_VALUE',
    );
    expect(readdirSync(work)).toEqual(before);
  });
});

// Node refuses a single write of 2 GiB or more; dump must cut such a member into slices.
describe('dump of a member of 2 GiB or more', () => {
  it('writes every byte of the member in order, with ZIP64 sizes and its CRC-32', async () => {
    const size = 2 ** 31 + 5;
    // Untouched pages of a fresh buffer are not resident: this costs little memory.
    const big = new Uint8Array(size);
    big[0] = 1;
    big[2 ** 30] = 2;
    big[size - 1] = 7;
    const file = fresh();
    try {
      await dump(big, file);
      const archive = await openArchive(await fileSource(file), { limits: DEFAULT_LIMITS });
      const entry = archive.entries.find((e) => e.name.endsWith('.bin'))!;
      await archive.close();
      expect(entry.uncompressedSize).toBe(size);
      expect(entry.crc32).toBe(crc32(big));
      // The CRC-32 of the bytes on disk, read back in pieces, is that of the member.
      const handle = await open(file, 'r');
      try {
        const local = new Uint8Array(30);
        await handle.read(local, 0, 30, 0);
        const view = new DataView(local.buffer);
        const start = 30 + view.getUint16(26, true) + view.getUint16(28, true);
        const piece = new Uint8Array(64 << 20);
        let crc = 0;
        for (let p = 0; p < size; p += piece.length) {
          const n = Math.min(piece.length, size - p);
          const { bytesRead } = await handle.read(piece, 0, n, start + p);
          expect(bytesRead).toBe(n);
          crc = crc32Update(crc, piece.subarray(0, n));
        }
        expect(crc).toBe(entry.crc32);
      } finally {
        await handle.close();
      }
    } finally {
      rmSync(file, { force: true });
    }
  });
});
