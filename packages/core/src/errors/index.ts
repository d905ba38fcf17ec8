import { SkopsError, type SkopsErrorOptions } from './skops-error.js';

export { SkopsError, type SkopsErrorCode, type SkopsErrorOptions } from './skops-error.js';
export { UntrustedTypesError } from './untrusted-types-error.js';
export { LimitExceededError } from './limit-exceeded-error.js';

/** The schema is not what a skops file holds at `path`. */
export function invalidSchema(message: string, path?: string, cause?: unknown): SkopsError {
  return new SkopsError('INVALID_SCHEMA', message, { path, cause } satisfies SkopsErrorOptions);
}

/** Array or member bytes do not match what the schema declares. */
export function invalidData(message: string, path?: string, cause?: unknown): SkopsError {
  return new SkopsError('INVALID_DATA', message, { path, cause });
}
