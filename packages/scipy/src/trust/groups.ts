import type { TrustGroup } from '@skops-ts/core';
import { scipyAtLeast } from './scipy-version.js';
import { SCIPY_UFUNC_TYPE_NAMES_1_10 } from './ufunc-names-1-10.js';
import { SCIPY_UFUNC_TYPE_NAMES_1_17 } from './ufunc-names-1-17.js';

/**
 * Trust group `scipy.ufuncs`: Python skops' SCIPY_UFUNC_TYPE_NAMES. skops
 * names a ufunc by the first module holding it; scipy 1.14 added
 * `scipy.special._special_ufuncs` and has moved ufuncs there since, so from
 * 1.14 on the scipy 1.17 list applies (exact for 1.17; 1.14–1.16 moved
 * fewer ufuncs) and the scipy 1.10 list (all in `scipy.special._ufuncs`,
 * exact for 1.10–1.13) before.
 */
export const scipyUfuncs: TrustGroup = (env) =>
  scipyAtLeast(env, 1, 14) ? SCIPY_UFUNC_TYPE_NAMES_1_17 : SCIPY_UFUNC_TYPE_NAMES_1_10;

const SPMATRIX_BASE = Object.freeze(['scipy.sparse._base.spmatrix']);
const SPMATRIX_MATRIX = Object.freeze(['scipy.sparse._matrix.spmatrix']);

/**
 * Trust group `scipy.spmatrix`: SparseMatrixNode's only default, the
 * `spmatrix` base class (moved to `scipy.sparse._matrix` in scipy 1.11). No
 * stored matrix has that class, so every sparse matrix is reported untrusted.
 */
export const scipySpmatrix: TrustGroup = (env) =>
  scipyAtLeast(env, 1, 11) ? SPMATRIX_MATRIX : SPMATRIX_BASE;
