import { SkopsError } from '@skops-ts/core';

/** A malformed pickle stream: the message names the byte offset of the fault. */
export function invalidPickle(message: string, offset: number): SkopsError {
  return new SkopsError('INVALID_DATA', `Invalid pickle: ${message} (at byte ${offset}).`);
}

/** A well-formed pickle that uses a feature this reader refuses on purpose. */
export function unsupportedPickle(message: string, offset: number): SkopsError {
  return new SkopsError('UNSUPPORTED_VALUE', `${message} (at byte ${offset}).`);
}
