import { PyFunction, PyType } from '@skops-ts/core';
import type { GlobalRecogniser } from '../recogniser.js';

const TYPES = [
  'bool',
  'bytearray',
  'bytes',
  'complex',
  'dict',
  'float',
  'frozenset',
  'int',
  'list',
  'object',
  'range',
  'set',
  'slice',
  'str',
  'tuple',
  'type',
];

/** Builtin classes referenced as values (`dtype=int`) are types, whatever their lower-case names suggest. */
export const builtinTypesRecogniser: GlobalRecogniser = {
  kind: 'global',
  globals: TYPES.map((t) => `builtins.${t}`),
  convert: (ref) => new PyType(ref.py3Module, ref.py3Name),
};

const FUNCTIONS = ['abs', 'all', 'any', 'len', 'max', 'min', 'repr', 'round', 'sorted', 'sum'];

/** Builtin functions referenced as values are C functions (saved as TypeNodes, described as functions). */
export const builtinFunctionsRecogniser: GlobalRecogniser = {
  kind: 'global',
  globals: FUNCTIONS.map((f) => `builtins.${f}`),
  convert: (ref) => new PyFunction(ref.py3Module, ref.py3Name, true),
};
