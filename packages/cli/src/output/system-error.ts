import { CliFailure } from '../failure.js';
import type { ExitCode } from '../exit-codes.js';

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  ENOSPC: 'no space left on the device',
  EROFS: 'read-only file system',
  EEXIST: 'already exists',
  EMFILE: 'too many open files',
};

/** The errno code of a Node system error (`ENOENT`), if `err` is one. */
export function systemErrorCode(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : undefined;
}

/**
 * Turns a Node system error into a {@link CliFailure} whose message is
 * `explain(reason)`, with a readable reason; any other error passes through unchanged.
 */
export function asFileFailure(
  err: unknown,
  exitCode: ExitCode,
  explain: (reason: string) => string,
): unknown {
  if (CliFailure.is(err)) return err;
  const code = systemErrorCode(err);
  if (!code) return err;
  const reason = REASONS[code] ?? (err instanceof Error ? err.message : code);
  return new CliFailure(exitCode, code, explain(reason), { cause: err });
}
