import type { SkopsPlugin } from '@skops-ts/core';
import { sparseDescriber } from './describe/sparse-describer.js';
import { sparseMatrixDumper } from './dump/sparse-matrix-dumper.js';
import { sparseMatrixNodeHandler } from './handlers/sparse-matrix-node.js';
import { sparseArrayReviver } from './revive/sparse-array-reviver.js';
import { scipySpmatrix, scipyUfuncs } from './trust/groups.js';

/**
 * scipy support: sparse matrices (SparseMatrixNode `.npz` members) and
 * sparse arrays (ObjectNodes), and the trust groups `scipy.ufuncs` and
 * `scipy.spmatrix`. Use it together with the numpy plugin.
 */
export const scipyPlugin: SkopsPlugin = Object.freeze({
  name: '@skops-ts/scipy',
  handlers: [sparseMatrixNodeHandler],
  dumpers: [sparseMatrixDumper],
  describers: [sparseDescriber],
  revivers: [sparseArrayReviver],
  trustGroups: {
    'scipy.ufuncs': scipyUfuncs,
    'scipy.spmatrix': scipySpmatrix,
  },
});
