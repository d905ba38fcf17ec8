import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';

export const FIXTURES = process.env.SKOPS_FIXTURES ?? path.resolve(__dirname, '../../../fixtures');

/** A schema node of schema.json, read with plain JSON.parse (enough for locating members in tests). */
export interface SchemaNode {
  readonly __class__?: string;
  readonly __module__?: string;
  readonly __loader__?: string;
  readonly content?: unknown;
  readonly file?: string;
  readonly [key: string]: unknown;
}

export interface Sidecar {
  readonly inputs?: { readonly X: (number | null)[][]; readonly X_kind: string };
  readonly outputs?: Record<string, unknown>;
  readonly outputs_meta?: Record<string, { dtype: string; shape: number[] }>;
  readonly describe?: unknown;
}

export function readSidecar(dir: string, name: string): Sidecar {
  return JSON.parse(readFileSync(path.join(FIXTURES, dir, `${name}.json`), 'utf8')) as Sidecar;
}

export function listFixtures(dir: string, pattern: RegExp): string[] {
  return readdirSync(path.join(FIXTURES, dir))
    .filter((f) => f.endsWith('.skops') && pattern.test(f))
    .map((f) => f.slice(0, -'.skops'.length))
    .sort();
}

export async function openSkops(
  dir: string,
  name: string,
): Promise<{ schema: SchemaNode; member(name: string): Promise<Uint8Array> }> {
  const zip = await JSZip.loadAsync(readFileSync(path.join(FIXTURES, dir, `${name}.skops`)));
  const schemaFile = zip.file('schema.json');
  if (!schemaFile) throw new Error(`${name}: no schema.json`);
  const schema = JSON.parse(await schemaFile.async('string')) as SchemaNode;
  return {
    schema,
    async member(member: string) {
      const file = zip.file(member);
      if (!file) throw new Error(`${name}: no member ${member}`);
      return file.async('uint8array');
    },
  };
}

/** Every ObjectNode of a class in the schema tree, depth-first in file order, with its JSON path. */
export function findObjectNodes(
  node: unknown,
  className: string,
  at = '$',
): { node: SchemaNode; path: string }[] {
  const out: { node: SchemaNode; path: string }[] = [];
  const walk = (value: unknown, p: string): void => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, `${p}[${i}]`));
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const n = value as SchemaNode;
    if (n.__loader__ === 'ObjectNode' && `${n.__module__}.${n.__class__}` === className)
      out.push({ node: n, path: p });
    for (const [k, v] of Object.entries(n)) walk(v, `${p}.${k}`);
  };
  walk(node, at);
  return out;
}

/** The `file` member of the `handle` BytearrayNode of a Booster ObjectNode. */
export function handleMember(booster: SchemaNode): string {
  const dict = booster.content as SchemaNode;
  const handle = (dict.content as Record<string, SchemaNode>).handle;
  if (!handle || handle.__loader__ !== 'BytearrayNode' || typeof handle.file !== 'string')
    throw new Error('no handle bytearray');
  return handle.file;
}
