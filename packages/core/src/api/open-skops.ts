import { openArchive } from '../archive/open-archive.js';
import type { ArchiveReader, ByteSource } from '../archive/types.js';
import { SkopsError } from '../errors/skops-error.js';
import { LimitExceededError } from '../errors/limit-exceeded-error.js';
import { isJsonNumber, isJsonObject } from '../json/json-object.js';
import { parseJson } from '../json/parse.js';
import { parseJsonUtf8 } from '../json/parse-utf8.js';
import type { JsonObject } from '../json/types.js';
import { resolveLimits, type Limits } from '../limits.js';
import { createRegistry, type Registry } from '../plugin/registry.js';
import type { PythonEnv, SkopsPlugin, TrustedParam } from '../plugin/types.js';
import { corePlugin } from '../core-plugin.js';
import { resolvePythonEnv } from '../trust/python-env.js';
import { TrustResolver } from '../trust/trust-resolver.js';
import { buildTree, type BuiltTree } from '../tree/build-tree.js';

/** The protocols this library reads. */
export const READABLE_PROTOCOLS: readonly number[] = [0, 1, 2];

/** An opened skops file: its archive, schema and the machinery to build its tree. */
export interface OpenedSkops {
  readonly archive: ArchiveReader;
  readonly schema: JsonObject;
  readonly protocol: number;
  readonly skopsVersion: string | undefined;
  readonly registry: Registry;
  readonly limits: Limits;
  readonly env: Required<PythonEnv>;
  buildTree(trusted: TrustedParam): BuiltTree;
}

/** Options for opening. */
export interface OpenOptions {
  readonly plugins?: readonly SkopsPlugin[];
  readonly pythonEnv?: PythonEnv;
  readonly limits?: Partial<Limits>;
}

/** Refuses `trusted: true` (CVE-2024-37065) and anything that is not a list of type names. */
export function checkTrusted(trusted: unknown): TrustedParam {
  if (trusted === undefined || trusted === null) return null;
  if (trusted === true) {
    throw new SkopsError(
      'TRUSTED_TRUE_REFUSED',
      'trusted must be a list of type names: trusting everything (trusted=true) was removed because of CVE-2024-37065. ' +
        'Pass the reviewed output of getUntrustedTypes instead.',
    );
  }
  if (!Array.isArray(trusted) || trusted.some((t) => typeof t !== 'string')) {
    throw new SkopsError(
      'TRUSTED_TRUE_REFUSED',
      'trusted must be an array of type names such as "sklearn.linear_model._base.LinearRegression".',
    );
  }
  return Object.freeze([...trusted]);
}

/**
 * Reads and checks a skops archive's schema.json: present, within
 * `maxSchemaBytes`, strict UTF-8, no duplicate keys, a JSON object.
 * Whether its protocol is one this library reads is left to the caller.
 */
export async function readSchema(archive: ArchiveReader, limits: Limits): Promise<JsonObject> {
  const entry = archive.entry('schema.json');
  if (!entry) {
    throw new SkopsError(
      'INVALID_ARCHIVE',
      'This zip has no schema.json, so it is not a skops file.',
    );
  }
  if (entry.uncompressedSize > limits.maxSchemaBytes) {
    throw new LimitExceededError(
      'maxSchemaBytes',
      entry.uncompressedSize,
      limits.maxSchemaBytes,
      'schema.json',
    );
  }
  const bytes = await archive.read('schema.json');
  // A node nests as object → content → array → node: about four JSON levels per schema level.
  // Python's json module writes and reads NaN and ±Infinity (a slice's float bounds), so do we.
  const options = {
    rejectDuplicateKeys: true,
    allowNonFinite: true,
    maxDepth: limits.maxDepth * 4 + 8,
  };
  // Straight from the bytes when that succeeds; otherwise decode and parse the
  // text, which gives the same value or reports what is wrong with it.
  const schema = parseJsonUtf8(bytes, options) ?? parseJson(decodeSchema(bytes), options);
  if (!isJsonObject(schema))
    throw new SkopsError('INVALID_SCHEMA', 'schema.json must hold a JSON object.', { path: '$' });
  return schema;
}

/** schema.json as text, strictly UTF-8 (a leading byte-order mark is dropped, as Python does). */
function decodeSchema(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (cause) {
    throw new SkopsError('INVALID_SCHEMA', 'schema.json is not valid UTF-8.', { cause });
  }
}

function readProtocol(schema: JsonObject): number {
  const value = schema.get('protocol');
  if (value === undefined) {
    throw new SkopsError(
      'UNSUPPORTED_PROTOCOL',
      'schema.json has no "protocol"; it was not written by skops.',
      { path: '$.protocol' },
    );
  }
  const protocol = isJsonNumber(value) && /^\d+$/.test(value.text) ? Number(value.text) : NaN;
  if (!READABLE_PROTOCOLS.includes(protocol)) {
    throw new SkopsError(
      'UNSUPPORTED_PROTOCOL',
      `Schema protocol ${JSON.stringify(isJsonNumber(value) ? value.text : value)} is not one this library reads (${READABLE_PROTOCOLS.join(', ')}). ` +
        'A newer skops may have written it; update @skops-ts/core.',
      { path: '$.protocol' },
    );
  }
  return protocol;
}

/** Opens a skops archive and reads its schema; the caller closes `archive`. */
export async function openSkops(source: ByteSource, options: OpenOptions): Promise<OpenedSkops> {
  const limits = resolveLimits(options.limits);
  const registry = createRegistry([...(options.plugins ?? []), corePlugin]);
  const env = resolvePythonEnv(options.pythonEnv);
  const archive = await openArchive(source, { limits });
  try {
    const schema = await readSchema(archive, limits);
    const protocol = readProtocol(schema);
    const version = schema.get('_skops_version');
    const trust = new TrustResolver(registry.trustGroups, env);
    return {
      archive,
      schema,
      protocol,
      skopsVersion: typeof version === 'string' ? version : undefined,
      registry,
      limits,
      env,
      buildTree: (trusted) =>
        guardStack(() =>
          buildTree(schema, {
            registry,
            trust,
            limits,
            protocol,
            trusted,
            hasMember: (name) => archive.has(name),
          }),
        ),
    };
  } catch (err) {
    await archive.close();
    throw err;
  }
}

/** Turns a stack overflow (a limit raised too far) into a typed error. */
export function guardStack<T>(work: () => T): T {
  try {
    return work();
  } catch (err) {
    if (err instanceof RangeError) {
      throw new SkopsError(
        'LIMIT_EXCEEDED',
        'The schema is nested too deeply for this JavaScript stack. Lower limits.maxDepth, or do not load this file.',
        { cause: err },
      );
    }
    throw err;
  }
}
