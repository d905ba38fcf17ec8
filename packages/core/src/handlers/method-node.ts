import type { NodeHandler } from '../plugin/types.js';
import { PyMethod } from '../values/py-callables.js';
import { nodeChild, objectAt } from './shared.js';

/**
 * A bound method. The declared type must be the bound object's type (the
 * check that CVE-2025-54413 was about), and the audit always reports
 * `module.Class.method` on top of the object's own type.
 */
export const methodNode: NodeHandler = {
  loader: 'MethodNode',
  audit: {
    kind: 'extra',
    extra: (node) => {
      const obj = nodeChild(node, 'obj');
      return [`${obj.module}.${obj.className}.${node.data as string}`];
    },
  },
  parse(state, ctx) {
    const content = objectAt(state, 'content', ctx);
    const obj = ctx.child(content.get('obj'), 'content.obj');
    const module = state.get('__module__');
    const cls = state.get('__class__');
    if (module !== obj.module || cls !== obj.className) {
      throw ctx.error(
        `Expected object of type ${String(module)}.${String(cls)}, got ${obj.module}.${obj.className}. This is probably due to a corrupted or a malicious file.`,
      );
    }
    const func = content.get('func');
    if (typeof func !== 'string') throw ctx.error('A method needs its function name in "func".', 'content.func');
    return { children: [['obj', { kind: 'node', node: obj }], ['func', { kind: 'data' }]], data: func };
  },
  construct(node, ctx) {
    return new PyMethod(ctx.construct(nodeChild(node, 'obj')), node.data as string, node.module);
  },
};
