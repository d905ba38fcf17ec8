import { SkopsError } from '@skops-ts/core';
import type { OutputBudget } from './decompress.js';

/** bz2-compressed joblib files are refused until a bounded bzip2 decoder lands here (core has one for zip members). */
export function decodeBzip2(_input: Uint8Array, _budget: OutputBudget): void {
  throw new SkopsError(
    'UNSUPPORTED_VALUE',
    'This joblib file is bz2-compressed, which is not supported yet; re-save it with compress=("zlib", 3) or ("xz", 3).',
  );
}
