import { PyFunction, type Describer } from '@skops-ts/core';

/**
 * Modules whose public functions numpy wraps in array-function dispatchers
 * exported from the top-level `numpy` namespace with `__module__ == "numpy"`.
 * Python resolves a FunctionNode naming the implementation module to that
 * dispatcher, so it describes as `numpy.<name>`.
 */
const DISPATCHED_MODULES = new Set(['numpy._core.fromnumeric', 'numpy.core.fromnumeric']);

/** `numpy._core.fromnumeric.mean` describes as the dispatcher Python finds: `numpy.mean`. */
export const functionAliasDescriber: Describer = {
  name: 'numpy function alias',
  test: (v) => PyFunction.is(v) && DISPATCHED_MODULES.has(v.module) && !v.name.startsWith('_'),
  describe: (v) => ({ function: `numpy.${(v as PyFunction).name}` }),
};
