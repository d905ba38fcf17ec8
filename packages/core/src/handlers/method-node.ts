import type { InertNode, NodeHandler } from '../plugin/types.js';
import { PyMethod } from '../values/py-callables.js';
import { nodeChild, objectAt } from './shared.js';

interface MethodData {
  readonly func: string;
  /** skops ≤ 0.11 wrote the literal class name "method" instead of the owner's class. */
  readonly legacy: boolean;
}

const ownerName = (node: InertNode): string => {
  const obj = nodeChild(node, 'obj');
  return `${obj.module}.${obj.className}`;
};

/**
 * A bound method. The declared type must be the bound object's type (the
 * check that CVE-2025-54413 was about), and the audit always reports
 * `module.Class.method` on top of the object's own type. Files of skops
 * ≤ 0.11 declare the class as "method"; Python cannot read them any more,
 * we read them and audit them by the bound object's type.
 */
export const methodNode: NodeHandler = {
  loader: 'MethodNode',
  audit: {
    kind: 'extra',
    self: (node) =>
      (node.data as MethodData).legacy ? ownerName(node) : `${node.module}.${node.className}`,
    extra: (node) => [`${ownerName(node)}.${(node.data as MethodData).func}`],
  },
  parse(state, ctx) {
    const content = objectAt(state, 'content', ctx);
    const obj = ctx.child(content.get('obj'), 'content.obj');
    const module = state.get('__module__');
    const cls = state.get('__class__');
    const legacy = cls === 'method' && obj.className !== 'method';
    if (!legacy && (module !== obj.module || cls !== obj.className)) {
      throw ctx.error(
        `Expected object of type ${String(module)}.${String(cls)}, got ${obj.module}.${obj.className}. This is probably due to a corrupted or a malicious file.`,
      );
    }
    const func = content.get('func');
    if (typeof func !== 'string')
      throw ctx.error('A method needs its function name in "func".', 'content.func');
    return {
      children: [
        ['obj', { kind: 'node', node: obj }],
        ['func', { kind: 'data' }],
      ],
      data: { func, legacy } satisfies MethodData,
    };
  },
  construct(node, ctx) {
    return new PyMethod(
      ctx.construct(nodeChild(node, 'obj')),
      (node.data as MethodData).func,
      node.module,
    );
  },
};
