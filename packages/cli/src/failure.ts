import type { ExitCode } from './exit-codes.js';

const BRAND = Symbol.for('skops-ts/cli/CliFailure');

/**
 * A failure the CLI reports as one line with a code, carrying the exit code
 * it maps to: a file that cannot be opened, an output that cannot be written.
 */
export class CliFailure extends Error {
  readonly code: string;
  readonly exitCode: ExitCode;
  readonly [BRAND] = true;

  constructor(
    exitCode: ExitCode,
    code: string,
    message: string,
    options: { cause?: unknown } = {},
  ) {
    super(message, options);
    this.name = 'CliFailure';
    this.code = code;
    this.exitCode = exitCode;
  }

  static is(value: unknown): value is CliFailure {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[BRAND] === true
    );
  }
}
