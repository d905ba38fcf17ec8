import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../src/limits.js';
import { memorySource } from '../src/archive/memory-source.js';
import { openArchive } from '../src/archive/open-archive.js';
import { fileSource } from '../src/node/file-source.js';

const FIXTURES = process.env.SKOPS_FIXTURES ?? path.resolve(__dirname, '../../../fixtures');
const FOLDERS = ['skops', 'skops-modern', 'old-protocols', 'realworld'];

function skopsFiles(folder: string): string[] {
  const dir = path.join(FIXTURES, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.skops'))
    .sort()
    .map((f) => path.join(dir, f));
}

const METHOD_CODES = { stored: 0, deflate: 8, bzip2: 12, lzma: 14 } as const;

describe.each(FOLDERS)('every .skops file in fixtures/%s', (folder) => {
  const files = skopsFiles(folder);

  it('exists in the fixture corpus', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files.map((f) => [path.basename(f), f]))(
    'opens %s, lists schema.json and reads every member with a valid CRC',
    async (_, file) => {
      const bytes = new Uint8Array(readFileSync(file));
      const archive = await openArchive(memorySource(bytes), { limits: DEFAULT_LIMITS });
      expect(archive.has('schema.json')).toBe(true);
      const contents = new Map<string, Uint8Array>();
      for (const entry of archive.entries) {
        const data = await archive.read(entry.name);
        expect(data.length).toBe(entry.uncompressedSize);
        expect(data.byteOffset).toBe(0);
        contents.set(entry.name, data);
      }
      const schema = JSON.parse(new TextDecoder().decode(contents.get('schema.json'))) as Record<
        string,
        unknown
      >;
      expect(schema).toHaveProperty('__class__');

      const sidecarPath = file.replace(/\.skops$/, '.json');
      const sidecar = existsSync(sidecarPath)
        ? (JSON.parse(readFileSync(sidecarPath, 'utf8')) as Record<string, unknown>)
        : {};
      if (typeof sidecar.members === 'number') expect(archive.entries.length).toBe(sidecar.members);
      if (Array.isArray(sidecar.zip_compression)) {
        const methods = [...new Set(archive.entries.map((e) => METHOD_CODES[e.method]))].sort(
          (a, b) => a - b,
        );
        expect(methods).toEqual([...(sidecar.zip_compression as number[])].sort((a, b) => a - b));
      }

      if (archive.entries.every((e) => e.method === 'stored' || e.method === 'deflate')) {
        const zip = await JSZip.loadAsync(bytes);
        const names = Object.values(zip.files)
          .filter((f) => !f.dir)
          .map((f) => f.name);
        expect(names).toEqual(archive.entries.map((e) => e.name));
        for (const name of names) {
          const theirs = await zip.file(name)!.async('uint8array');
          expect(Buffer.from(contents.get(name)!).equals(Buffer.from(theirs))).toBe(true);
        }
      }
      await archive.close();
    },
  );
});

describe('reading fixtures from a file source', () => {
  const files = FOLDERS.flatMap(skopsFiles);
  it.each(
    files
      .filter((f) => f.includes(`${path.sep}realworld${path.sep}`))
      .map((f) => [path.basename(f), f]),
  )(
    'reads %s through positional file reads with the same bytes as from memory',
    async (_, file) => {
      const fromMemory = await openArchive(memorySource(new Uint8Array(readFileSync(file))), {
        limits: DEFAULT_LIMITS,
      });
      const fromFile = await openArchive(await fileSource(file), { limits: DEFAULT_LIMITS });
      expect(fromFile.entries).toEqual(fromMemory.entries);
      for (const entry of fromFile.entries) {
        const a = await fromFile.read(entry.name);
        const b = await fromMemory.read(entry.name);
        expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
      }
      await fromFile.close();
    },
  );
});
