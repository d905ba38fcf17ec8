import { SkopsError } from '@skops-ts/core';
import { CommanderError } from 'commander';
import { EXIT, type ExitCode } from '../exit-codes.js';
import { CliFailure } from '../failure.js';
import { visible } from './safe-text.js';

/** The exit code an error maps to (see {@link EXIT}). */
export function exitCodeOf(err: unknown): ExitCode {
  if (CliFailure.is(err)) return err.exitCode;
  if (SkopsError.isInstance(err))
    return err.code === 'UNTRUSTED_TYPES' ? EXIT.UNTRUSTED : EXIT.UNREADABLE;
  if (err instanceof CommanderError) return err.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
  return EXIT.INTERNAL;
}

/** The code shown in brackets: the typed error's code, an errno, or INTERNAL. */
export function errorCode(err: unknown): string {
  if (CliFailure.is(err) || SkopsError.isInstance(err)) return err.code;
  if (err instanceof CommanderError) return 'USAGE';
  return 'INTERNAL';
}

// A message can quote the file (names, keys): one line keeps stderr parseable,
// and escaping keeps the terminal safe.
function oneLine(text: string): string {
  return visible(text.replace(/\s+/g, ' ').trim());
}

/**
 * The one line printed for an error: `skops: error: <subject>: <message> [CODE]`.
 * `subject` is the file the error is about, when there is one.
 */
export function errorLine(err: unknown, subject?: string): string {
  const message = err instanceof Error ? err.message : String(err);
  const shown =
    exitCodeOf(err) === EXIT.INTERNAL
      ? `unexpected error (a bug in skops-ts, please report it with the -v output): ${message}`
      : message;
  const about = subject === undefined ? '' : `${oneLine(subject)}: `;
  return `skops: error: ${about}${oneLine(shown)} [${errorCode(err)}]`;
}

/** The stack trace of an error and of its causes, for `-v`. */
export function stackReport(err: unknown): string {
  const parts: string[] = [];
  let current: unknown = err;
  for (let depth = 0; current !== undefined && depth < 8; depth++) {
    parts.push(current instanceof Error ? (current.stack ?? current.message) : String(current));
    current = current instanceof Error ? current.cause : undefined;
    if (current !== undefined) parts.push('caused by:');
  }
  return parts.join('\n');
}
