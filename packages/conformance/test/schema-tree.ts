import { DEFAULT_LIMITS, memorySource, openArchive } from '@skops-ts/core';

/** A skops file's schema (as plain JSON) and members. */
export interface OpenedFile {
  readonly schema: Record<string, unknown>;
  member(name: string): Promise<Uint8Array>;
}

/** Opens a skops file with the archive reader (tested on its own against jszip and Python's zipfile). */
export async function openFile(bytes: Uint8Array): Promise<OpenedFile> {
  const archive = await openArchive(memorySource(bytes), { limits: DEFAULT_LIMITS });
  const schema = JSON.parse(new TextDecoder().decode(await archive.read('schema.json'))) as Record<
    string,
    unknown
  >;
  return { schema, member: (name) => archive.read(name) };
}

/** A schema tree with `__id__`s renumbered by first appearance and member names replaced by their position. */
export interface NormalisedSchema {
  readonly tree: unknown;
  /** Member names in the order the tree refers to them. */
  readonly members: string[];
}

/**
 * Normalises a schema for comparing two writers: ids become first-appearance
 * numbers (JsonNode ids are dropped: Python shares them between equal small
 * ints and strings, an interpreter detail), member names become `member#k`,
 * and the writer's `_skops_version` is dropped.
 */
export function normaliseSchema(schema: Record<string, unknown>): NormalisedSchema {
  const ids = new Map<unknown, number>();
  const members: string[] = [];
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const [k, val] of Object.entries(o)) {
        if (k === '_skops_version') continue;
        if (k === '__id__') {
          if (o.__loader__ === 'JsonNode') continue;
          if (!ids.has(val)) ids.set(val, ids.size);
          out[k] = ids.get(val);
        } else if (k === 'file' && typeof val === 'string' && /\.(npy|npz|bin)$/.test(val)) {
          let i = members.indexOf(val);
          if (i < 0) i = members.push(val) - 1;
          out[k] = `member#${i}`;
        } else {
          out[k] = walk(val);
        }
      }
      return out;
    }
    return v;
  };
  return { tree: walk(schema), members };
}
