import { SkopsError } from '@skops-ts/core';
import type { OutputBudget } from './decompress.js';

export function decodeXz(_input: Uint8Array, _out: OutputBudget): void {
  throw new SkopsError('UNSUPPORTED_VALUE', 'xz not yet');
}
export function decodeLzmaAlone(_input: Uint8Array, _out: OutputBudget): void {
  throw new SkopsError('UNSUPPORTED_VALUE', 'lzma not yet');
}
