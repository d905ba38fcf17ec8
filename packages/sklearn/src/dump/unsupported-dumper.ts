import { PyObject, SkopsError, type Dumper } from '@skops-ts/core';

/** Classes Python skops refuses to save (its `UNSUPPORTED_TYPES`): Birch holds state skops cannot represent. */
const UNSUPPORTED = new Set(['sklearn.cluster._birch.Birch']);

/** Refuses what Python skops refuses, with its message. */
export const unsupportedDumper: Dumper = {
  name: 'unsupported sklearn types',
  test: (v) => PyObject.is(v) && UNSUPPORTED.has(v.className),
  dump: (v) => {
    throw new SkopsError(
      'UNSUPPORTED_VALUE',
      `Objects of type ${(v as PyObject).name} are not supported yet.`,
    );
  },
};
