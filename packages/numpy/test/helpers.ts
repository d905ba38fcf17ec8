import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';

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

/** The members of a zip archive, by name. */
export async function unzip(file: string): Promise<Map<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const out = new Map<string, Uint8Array>();
  for (const [name, entry] of Object.entries(zip.files)) {
    if (!entry.dir) out.set(name, await entry.async('uint8array'));
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
