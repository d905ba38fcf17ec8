import { PyType } from '@skops-ts/core';
import type { GlobalRecogniser } from '@skops-ts/pickle';
import { SCALAR_TYPES } from '../dtype/scalar-types.js';

const CLASSES = new Set([
  'ndarray',
  'matrix',
  'dtype',
  'generic',
  'number',
  'integer',
  'signedinteger',
  'unsignedinteger',
  'inexact',
  'floating',
  'complexfloating',
  'character',
  'flexible',
  ...SCALAR_TYPES.flatMap((t) => [t.numpy1Name, t.numpy2Name, ...t.aliases]),
  'intc',
  'uintc',
  'short',
  'ushort',
  'byte',
  'ubyte',
  'half',
  'single',
  'double',
  'csingle',
  'cdouble',
  'intp',
  'uintp',
]);

/** numpy classes referenced as values (`dtype=np.int64`): types, despite their lower-case names. */
export const numpyTypeRecogniser: GlobalRecogniser = {
  kind: 'global',
  globals: [...CLASSES].map((c) => `numpy.${c}`),
  convert: (ref) => new PyType(ref.py3Module, ref.py3Name),
};
