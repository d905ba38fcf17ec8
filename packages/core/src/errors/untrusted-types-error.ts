import { SkopsError } from './skops-error.js';

/** Loading found types that are neither trusted by default nor listed in `trusted`. */
export class UntrustedTypesError extends SkopsError {
  /** The untrusted type names, sorted, as `getUntrustedTypes` reports them. */
  readonly types: readonly string[];

  constructor(types: readonly string[]) {
    super(
      'UNTRUSTED_TYPES',
      `Untrusted types found in the file: ${types.join(', ')}. ` +
        'Review them (getUntrustedTypes or `skops audit`) and pass the ones you trust in `trusted`.',
    );
    this.name = 'UntrustedTypesError';
    this.types = types;
  }
}
