import type { NodeHandler } from '../plugin/types.js';
import { PyFunction } from '../values/py-refs.js';
import { objectAt } from './shared.js';

interface Target {
  readonly module: string;
  readonly name: string;
}

/**
 * Protocol 0 FunctionNode: the target is `content.module_path` +
 * `content.function`; `__class__`/`__module__` name the callable's type and
 * are not used. Only scipy ufuncs are trusted by default in this protocol.
 */
export const functionNodeV0: NodeHandler = {
  loader: 'FunctionNode',
  protocols: [0],
  defaultTrusted: { groups: ['scipy.ufuncs'] },
  audit: {
    kind: 'name',
    name: (node) => `${(node.data as Target).module}.${(node.data as Target).name}`,
  },
  showChildren: false,
  parse(state, ctx) {
    const content = objectAt(state, 'content', ctx);
    const module = content.get('module_path');
    const name = content.get('function');
    if (typeof module !== 'string' || typeof name !== 'string') {
      throw ctx.error(
        'A protocol 0 FunctionNode needs string "module_path" and "function".',
        'content',
      );
    }
    return { data: { module, name } satisfies Target };
  },
  construct(node) {
    const { module, name } = node.data as Target;
    return new PyFunction(module, name);
  },
  format(node) {
    const { module, name } = node.data as Target;
    return `${module}.${name}`;
  },
};
