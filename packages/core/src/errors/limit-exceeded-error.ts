import { SkopsError } from './skops-error.js';
import type { Limits } from '../limits.js';

/** A resource limit was reached before the work or allocation it guards. */
export class LimitExceededError extends SkopsError {
  readonly limit: keyof Limits;
  readonly requested: number;
  readonly allowed: number;

  constructor(
    limit: keyof Limits,
    requested: number,
    allowed: number,
    what: string,
    path?: string,
  ) {
    super(
      'LIMIT_EXCEEDED',
      `${what} needs ${requested} but the limit ${limit} is ${allowed}. ` +
        `If you trust the file, raise it with { limits: { ${limit}: ... } } (CLI: --limit ${limit}=N).`,
      { path },
    );
    this.name = 'LimitExceededError';
    this.limit = limit;
    this.requested = requested;
    this.allowed = allowed;
  }
}
