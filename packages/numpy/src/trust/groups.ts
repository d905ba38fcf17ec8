import type { PythonEnv, TrustGroup } from '@skops-ts/core';
import { NUMPY1_DTYPE_TYPE_NAMES, NUMPY1_UFUNC_TYPE_NAMES } from './numpy1-names.js';
import { NUMPY2_DTYPE_TYPE_NAMES, NUMPY2_UFUNC_TYPE_NAMES } from './numpy2-names.js';

/** True when the environment's numpy is 2.x or later (module paths and scalar names changed). */
export function isNumpy2(env: Required<PythonEnv>): boolean {
  const major = Number(/^\s*(\d+)/.exec(env.numpy)?.[1] ?? NaN);
  return major >= 2;
}

/** Trust group `numpy.ufuncs`: Python skops' NUMPY_UFUNC_TYPE_NAMES (FunctionNode). */
export const numpyUfuncs: TrustGroup = (env) =>
  isNumpy2(env) ? NUMPY2_UFUNC_TYPE_NAMES : NUMPY1_UFUNC_TYPE_NAMES;

/** Trust group `numpy.dtypes`: Python skops' NUMPY_DTYPE_TYPE_NAMES (NdArrayNode, TypeNode). */
export const numpyDtypes: TrustGroup = (env) =>
  isNumpy2(env) ? NUMPY2_DTYPE_TYPE_NAMES : NUMPY1_DTYPE_TYPE_NAMES;

const MASKED_ARRAY_1 = Object.freeze(['numpy.ma.core.MaskedArray']);
const MASKED_ARRAY_2 = Object.freeze(['numpy.ma.MaskedArray']);

/** Trust group `numpy.maskedArray`: the MaskedArray class name, whose module numpy 2 changed. */
export const numpyMaskedArray: TrustGroup = (env) =>
  isNumpy2(env) ? MASKED_ARRAY_2 : MASKED_ARRAY_1;
