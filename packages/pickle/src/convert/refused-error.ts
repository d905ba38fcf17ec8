import { SkopsError } from '@skops-ts/core';

/** One global the conversion would have had to call (or could not name safely). */
export interface Refusal {
  /** `module.name` (Python 3 spelling), or a short description for a computed callable. */
  readonly global: string;
  /** Where the call sits in the unpickled object, e.g. `root.steps[1][1].func`. */
  readonly path: string;
  /** `called` (a REDUCE / NEWOBJ / INST / OBJ no recogniser claims) or `referenced` (a name that cannot be stored). */
  readonly how: 'called' | 'referenced';
}

const SHOWN = 20;

/**
 * A pickle or joblib file that converting would have to execute: every
 * global that the stream calls and no recogniser claims is listed with its
 * place in the object. Nothing was written.
 */
export class PickleRefusedError extends SkopsError {
  readonly refusals: readonly Refusal[];

  constructor(refusals: readonly Refusal[]) {
    const lines = refusals.slice(0, SHOWN).map((r) => `${r.global} ${r.how} at ${r.path}`);
    if (refusals.length > SHOWN) lines.push(`... and ${refusals.length - SHOWN} more`);
    super(
      'UNSUPPORTED_VALUE',
      `Refusing to convert: the pickle would run code that no recogniser knows to be safe: ${lines.join('; ')}. ` +
        'Nothing was executed. If you trust the file, load it in Python and save it with skops.io.dump.',
    );
    this.name = 'PickleRefusedError';
    this.refusals = refusals;
  }

  /** The distinct globals refused, sorted. */
  get globals(): readonly string[] {
    return [...new Set(this.refusals.map((r) => r.global))].sort();
  }
}
