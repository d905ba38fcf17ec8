import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_LIMITS, memorySource, openArchive } from '@skops-ts/core';

export const FIXTURES = process.env.SKOPS_FIXTURES ?? path.resolve(__dirname, '../../../fixtures');

/** Corpora whose `.skops` files are genuine skops output (not hand-made attacks). */
export const CORPORA = ['skops', 'skops-modern', 'old-protocols', 'realworld'] as const;

/** Every `.skops` file of a corpus, by absolute path. */
export function skopsFiles(corpus: string): string[] {
  const dir = path.join(FIXTURES, corpus);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.skops'))
    .sort()
    .map((f) => path.join(dir, f));
}

/** The members of a skops archive, by name (read with core's reader: stored, DEFLATE, LZMA, bzip2). */
export async function unzip(file: string): Promise<Map<string, Uint8Array>> {
  const archive = await openArchive(memorySource(new Uint8Array(readFileSync(file))), {
    limits: DEFAULT_LIMITS,
  });
  const out = new Map<string, Uint8Array>();
  try {
    for (const { name } of archive.entries) out.set(name, await archive.read(name));
  } finally {
    await archive.close();
  }
  return out;
}

/** The sidecar JSON next to a `.skops` file. */
export function sidecar(file: string): Record<string, unknown> {
  return JSON.parse(readFileSync(file.replace(/\.skops$/, '.json'), 'utf8')) as Record<
    string,
    unknown
  >;
}
