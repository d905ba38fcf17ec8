import { SkopsError } from '../errors/skops-error.js';

/** The archive is not a well-formed zip file, or was tampered with. */
export function invalidArchive(message: string, cause?: unknown): SkopsError {
  return new SkopsError('INVALID_ARCHIVE', message, { cause });
}

/** The archive is well-formed but uses a zip feature this reader does not implement. */
export function unsupportedArchive(message: string): SkopsError {
  return new SkopsError('UNSUPPORTED_ARCHIVE', message);
}

/** Quotes a member name for a message, cut short so a hostile name cannot flood logs. */
export function quoteName(name: string): string {
  const shown = name.length > 120 ? `${name.slice(0, 120)}…` : name;
  return JSON.stringify(shown);
}
