import { SkopsError } from '@skops-ts/core';
import { EXIT } from './exit-codes.js';
import { CliFailure } from './failure.js';

/** A path as it would be typed into a POSIX shell. */
function shellWord(path: string): string {
  return /^[\w./@%+=:,-]+$/.test(path) ? path : `'${path.replace(/'/g, "'\\''")}'`;
}

/**
 * A refused load (UNTRUSTED_TYPES) said in CLI terms: which types, and the
 * flag that trusts them. Other errors pass through.
 */
export function explainRefusal(err: unknown, file: string, consequence: string): unknown {
  if (!SkopsError.isInstance(err) || err.code !== 'UNTRUSTED_TYPES') return err;
  const types = (err as SkopsError & { types?: readonly string[] }).types ?? [];
  return new CliFailure(
    EXIT.UNTRUSTED,
    'UNTRUSTED_TYPES',
    `holds types that are not trusted by default: ${types.join(', ')}. ${consequence} ` +
      `Review them (skops audit ${shellWord(file)}, skops inspect ${shellWord(file)}) and pass each one you trust with --trusted TYPE.`,
    { cause: err },
  );
}
