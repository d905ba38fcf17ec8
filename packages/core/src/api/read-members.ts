import type { ArchiveReader } from '../archive/types.js';

const IN_FLIGHT = 4;

/**
 * Reads the named members with a few reads in flight (file reads run on
 * Node's thread pool), starting them in the given order so limits are met
 * at the same member as one by one. On failure no further reads start, and
 * the error of the earliest failed member is thrown once the others settle:
 * the same error a one-by-one read would give.
 */
export async function readMembers(
  archive: ArchiveReader,
  names: readonly string[],
): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  const failures = new Map<number, unknown>();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (failures.size === 0 && next < names.length) {
      const index = next++;
      const name = names[index]!;
      try {
        out.set(name, await archive.read(name));
      } catch (error) {
        failures.set(index, error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, names.length) }, worker));
  if (failures.size > 0) throw failures.get(Math.min(...failures.keys()));
  return out;
}
