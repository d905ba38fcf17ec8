import type { NodeHandler } from '../plugin/types.js';
import { PyFunction } from '../values/py-refs.js';

/** A function by name (`numpy.mean`, a ufunc). Reports its full name unless trusted; only ufuncs are trusted by default. */
export const functionNode: NodeHandler = {
  loader: 'FunctionNode',
  defaultTrusted: { groups: ['scipy.ufuncs', 'numpy.ufuncs'] },
  audit: { kind: 'name', name: (node) => `${node.module}.${node.className}` },
  showChildren: false,
  parse() {
    return {};
  },
  construct(node) {
    return new PyFunction(node.module, node.className);
  },
};
