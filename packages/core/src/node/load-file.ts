import {
  getUntrustedTypes as untrustedTypesOfBytes,
  untrustedTypesFromSource,
  type AuditOptions,
} from '../api/get-untrusted-types.js';
import { loadFromSource } from '../api/loads.js';
import type { LoadOptions } from '../api/options.js';
import { fileSource } from './file-source.js';

/** Loads a skops file from a path; members are read straight from the file, never the whole file at once. */
export async function load(path: string, options: LoadOptions = {}): Promise<unknown> {
  return loadFromSource(await fileSource(path), options);
}

/** {@link getUntrustedTypes} for bytes or `{ file: path }`, as Python's `get_untrusted_types(data=…, file=…)`. */
export async function getUntrustedTypes(
  input: Uint8Array | { readonly file: string },
  options: AuditOptions = {},
): Promise<string[]> {
  if (input instanceof Uint8Array) return untrustedTypesOfBytes(input, options);
  return untrustedTypesFromSource(await fileSource(input.file), options);
}
