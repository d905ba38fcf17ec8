import { SkopsError } from '@skops-ts/core';
import type { OutputBudget } from './decompress.js';

export function decodeBzip2(_input: Uint8Array, _out: OutputBudget): void {
  throw new SkopsError('UNSUPPORTED_VALUE', 'bz2 not yet');
}
