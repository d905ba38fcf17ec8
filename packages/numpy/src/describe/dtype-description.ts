import type { Description } from '@skops-ts/core';
import type { DType } from '../dtype/dtype.js';

/** `D(dtype)` of the describe spec: `dtype.str`, or `[[name, D(field)], ...]` for structured dtypes. */
export function describeDType(dtype: DType): Description {
  if (dtype.fields) return dtype.fields.map((f) => [f.name, describeDType(f.dtype)]);
  return dtype.str;
}
