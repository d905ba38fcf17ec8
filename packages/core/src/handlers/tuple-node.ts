import type { NodeHandler } from '../plugin/types.js';
import { PyTuple } from '../values/py-tuple.js';
import { arrayAt, listChild, listNodes } from './shared.js';

/** A Python tuple (or named tuple, whose class is kept by name). */
export const tupleNode: NodeHandler = {
  loader: 'TupleNode',
  defaultTrusted: { names: ['builtins.tuple'] },
  parse(state, ctx) {
    return { children: [['content', listChild(arrayAt(state, 'content', ctx), 'content', ctx)]] };
  },
  construct(node, ctx) {
    return new PyTuple(
      listNodes(node, 'content').map((n) => ctx.construct(n)),
      node.module,
      node.className,
    );
  },
};
