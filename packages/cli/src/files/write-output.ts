import { SkopsError, type Limits } from '@skops-ts/core';
import { dump } from '@skops-ts/core/node';
import { EXIT } from '../exit-codes.js';
import { CliFailure } from '../failure.js';
import { OFFICIAL_PLUGINS } from '../plugins.js';
import { asFileFailure } from '../output/system-error.js';

/** How to write an output file. */
export interface WriteOptions {
  readonly compression: 'stored' | 'deflate';
  readonly limit?: Partial<Limits>;
}

/**
 * Writes `value` to `output` with core's `dump` (a temporary file beside it,
 * renamed into place). A value skops cannot store stays a SkopsError (exit 2);
 * a file-system failure becomes exit 4 naming the output.
 */
export async function writeOutput(
  value: unknown,
  output: string,
  options: WriteOptions,
): Promise<void> {
  try {
    await dump(value, output, {
      plugins: OFFICIAL_PLUGINS,
      compression: options.compression,
      limits: options.limit,
    });
  } catch (err) {
    if (SkopsError.isInstance(err)) throw err;
    const failure = asFileFailure(
      err,
      EXIT.NOT_WRITTEN,
      (reason) => `cannot write ${output}: ${reason}`,
    );
    if (CliFailure.is(failure)) throw failure;
    const message = err instanceof Error ? err.message : String(err);
    throw new CliFailure(EXIT.NOT_WRITTEN, 'NOT_WRITTEN', `cannot write ${output}: ${message}`, {
      cause: err,
    });
  }
}
