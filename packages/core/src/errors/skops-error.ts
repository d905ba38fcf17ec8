/** Stable machine-readable codes carried by every error this library throws. */
export type SkopsErrorCode =
  | 'UNTRUSTED_TYPES'
  | 'TRUSTED_TRUE_REFUSED'
  | 'UNKNOWN_LOADER'
  | 'INVALID_SCHEMA'
  | 'INVALID_JSON'
  | 'UNSUPPORTED_PROTOCOL'
  | 'INVALID_ARCHIVE'
  | 'UNSUPPORTED_ARCHIVE'
  | 'MISSING_MEMBER'
  | 'LIMIT_EXCEEDED'
  | 'INVALID_DATA'
  | 'UNSUPPORTED_VALUE'
  | 'CYCLE'
  | 'PLUGIN_ERROR';

const BRAND = Symbol.for('skops-ts/SkopsError');

/** Options shared by every {@link SkopsError}. */
export interface SkopsErrorOptions {
  /** JSON path of the schema node at fault, such as `$.content.content.steps`. */
  readonly path?: string;
  readonly cause?: unknown;
}

/**
 * Base class of every error thrown by skops-ts. Identify errors by `code`
 * (or {@link SkopsError.isInstance}), never by `instanceof`: two copies of the
 * package (ESM and CommonJS) have two classes.
 */
export class SkopsError extends Error {
  readonly code: SkopsErrorCode;
  readonly path: string | undefined;
  readonly [BRAND] = true;

  constructor(code: SkopsErrorCode, message: string, options: SkopsErrorOptions = {}) {
    super(options.path ? `${message} (at ${options.path})` : message, { cause: options.cause });
    this.name = 'SkopsError';
    this.code = code;
    this.path = options.path;
  }

  /** True for any skops-ts error, from any copy of the package. */
  static isInstance(value: unknown): value is SkopsError {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[BRAND] === true
    );
  }
}
