import { archiveChunks, writeArchive } from '../archive/write-archive.js';
import type { ArchiveMemberChunks } from '../archive/types.js';
import { corePlugin } from '../core-plugin.js';
import { DumpSession } from '../dump/dump-session.js';
import { emitPyJson } from '../json/emit.js';
import { resolveLimits } from '../limits.js';
import { CURRENT_PROTOCOL, createRegistry } from '../plugin/registry.js';
import { guardStack } from './open-skops.js';
import type { DumpOptions } from './options.js';

/** What this library writes as `_skops_version`: the skops release whose format it matches, marked as ours. */
export const SKOPS_VERSION_WRITTEN = '0.15.dev0+skopsts.0.1.0';

/** The members of a skops file for `value`, schema.json last as Python writes it. */
export function skopsMembers(value: unknown, options: DumpOptions = {}): ArchiveMemberChunks[] {
  const registry = createRegistry([...(options.plugins ?? []), corePlugin]);
  const session = new DumpSession(registry, resolveLimits(options.limits));
  const state = guardStack(() => session.state(value));
  state.protocol = CURRENT_PROTOCOL;
  state._skops_version = SKOPS_VERSION_WRITTEN;
  const schema = new TextEncoder().encode(emitPyJson(state, { indent: 2 }));
  return [...session.members, { name: 'schema.json', data: schema }];
}

/**
 * Saves a value in the skops format (protocol 2), readable by Python skops.
 * See docs/value-model.md for how JavaScript values map to Python ones.
 * The result is allocated once at the archive's size; array data is copied
 * into it once, straight from the arrays.
 */
export async function dumps(value: unknown, options: DumpOptions = {}): Promise<Uint8Array> {
  return writeArchive(skopsMembers(value, options), {
    compression: options.compression ?? 'stored',
    level: options.level,
  });
}

/**
 * The archive bytes in chunks, for writing large files without one buffer.
 * Array data comes as views of the value's own memory, not copies: write the
 * chunks out before changing the value.
 */
export function dumpChunks(value: unknown, options: DumpOptions = {}): Iterable<Uint8Array> {
  return archiveChunks(skopsMembers(value, options), {
    compression: options.compression ?? 'stored',
    level: options.level,
  });
}
