import type { NodeHandler } from '../plugin/types.js';
import { PyFunction, PyType } from '../values/py-refs.js';

/** Names in `builtins` that are types; other `builtins` names saved as TypeNodes are builtin functions (`len`). */
const BUILTIN_TYPES = new Set([
  'bool',
  'bytearray',
  'bytes',
  'classmethod',
  'complex',
  'dict',
  'enumerate',
  'filter',
  'float',
  'frozenset',
  'int',
  'list',
  'map',
  'memoryview',
  'object',
  'property',
  'range',
  'reversed',
  'set',
  'slice',
  'staticmethod',
  'str',
  'super',
  'tuple',
  'type',
  'zip',
  'NoneType',
  'NotImplementedType',
  'ellipsis',
  'function',
  'builtin_function_or_method',
  'method',
  'module',
]);

/** A class by name (`builtins.int`, `numpy.float64`); Python also saves builtin functions this way. */
export const typeNode: NodeHandler = {
  loader: 'TypeNode',
  defaultTrusted: { groups: ['python.primitives', 'python.containers', 'numpy.dtypes'] },
  parse() {
    return {};
  },
  construct(node) {
    const isBuiltinFunction =
      node.module === 'builtins' &&
      !BUILTIN_TYPES.has(node.className) &&
      !/Error$|Exception$|Warning$/.test(node.className);
    return isBuiltinFunction
      ? new PyFunction(node.module, node.className, true)
      : new PyType(node.module, node.className);
  },
};
