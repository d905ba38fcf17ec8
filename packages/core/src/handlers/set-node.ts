import type { NodeHandler } from '../plugin/types.js';
import { PySet } from '../values/py-set.js';
import { arrayAt, listChild, listNodes } from './shared.js';

/** A Python set. */
export const setNode: NodeHandler = {
  loader: 'SetNode',
  defaultTrusted: { names: ['builtins.set'] },
  parse(state, ctx) {
    return { children: [['content', listChild(arrayAt(state, 'content', ctx), 'content', ctx)]] };
  },
  construct(node, ctx) {
    const items = listNodes(node, 'content').map((n) => ctx.construct(n));
    return new PySet(items, node.className === 'frozenset' ? 'frozenset' : 'set');
  },
};
