import { memorySource } from '../archive/memory-source.js';
import type { ByteSource } from '../archive/types.js';
import { unsafeSet } from '../tree/audit.js';
import type { LoadOptions } from './options.js';
import { openSkops } from './open-skops.js';

/** Options of {@link getUntrustedTypes}: as loading, without `trusted`. */
export type AuditOptions = Omit<LoadOptions, 'trusted'>;

/**
 * The types in a skops file that are not trusted by default, sorted: exactly
 * what Python's `skops.io.get_untrusted_types` returns for the same file and
 * library versions (`pythonEnv`). Array data is not read.
 */
export async function getUntrustedTypes(
  data: Uint8Array,
  options: AuditOptions = {},
): Promise<string[]> {
  return untrustedTypesFromSource(memorySource(data), options);
}

/** {@link getUntrustedTypes} from any byte source. */
export async function untrustedTypesFromSource(
  source: ByteSource,
  options: AuditOptions = {},
): Promise<string[]> {
  const opened = await openSkops(source, options);
  try {
    return [...unsafeSet(opened.buildTree(null).root)].sort();
  } finally {
    await opened.archive.close();
  }
}
