import { SkopsError } from './errors/skops-error.js';

/**
 * Resource limits, each checked before the allocation or work it guards.
 * Every limit can be raised by the caller; the defaults accept any model
 * Python skops writes in practice and refuse archive and schema bombs.
 */
export interface Limits {
  /** Total uncompressed bytes read from one archive. */
  readonly maxTotalBytes: number;
  /** Uncompressed bytes of one archive member. */
  readonly maxMemberBytes: number;
  /** Number of members in the archive. */
  readonly maxMembers: number;
  /** Size of `schema.json` in bytes. */
  readonly maxSchemaBytes: number;
  /** Nesting depth of the schema (and of pickle streams). */
  readonly maxDepth: number;
  /** Number of schema nodes (or pickle objects). */
  readonly maxNodes: number;
  /** Elements of one array. */
  readonly maxArrayElements: number;
  /** Bytes of one array. */
  readonly maxArrayBytes: number;
  /** Uncompressed-to-compressed size ratio of a member above 1 MiB. */
  readonly maxCompressionRatio: number;
}

const GiB = 1024 ** 3;

/** The default limits. */
export const DEFAULT_LIMITS: Limits = Object.freeze({
  maxTotalBytes: 8 * GiB,
  maxMemberBytes: 4 * GiB,
  maxMembers: 1_000_000,
  maxSchemaBytes: 1 * GiB,
  maxDepth: 2_000,
  maxNodes: 20_000_000,
  maxArrayElements: 2 ** 32,
  maxArrayBytes: 4 * GiB,
  maxCompressionRatio: 1_000,
});

/** Merges caller overrides into the defaults, refusing values that are not positive numbers. */
export function resolveLimits(overrides: Partial<Limits> | undefined): Limits {
  if (!overrides) return DEFAULT_LIMITS;
  const out: Record<string, number> = { ...DEFAULT_LIMITS };
  for (const [key, value] of Object.entries(overrides)) {
    if (!Object.prototype.hasOwnProperty.call(DEFAULT_LIMITS, key)) {
      throw new SkopsError(
        'LIMIT_EXCEEDED',
        `Unknown limit "${key}". Known limits: ${Object.keys(DEFAULT_LIMITS).join(', ')}.`,
      );
    }
    if (value === undefined) continue;
    if (typeof value !== 'number' || !(value > 0)) {
      throw new SkopsError(
        'LIMIT_EXCEEDED',
        `Limit ${key} must be a positive number, got ${String(value)}.`,
      );
    }
    out[key] = value;
  }
  return Object.freeze(out) as unknown as Limits;
}
