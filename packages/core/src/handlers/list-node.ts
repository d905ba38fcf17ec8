import type { NodeHandler } from '../plugin/types.js';
import { arrayAt, listChild, listNodes } from './shared.js';

/** A Python list: a JavaScript array. */
export const listNode: NodeHandler = {
  loader: 'ListNode',
  defaultTrusted: { names: ['builtins.list'] },
  parse(state, ctx) {
    return { children: [['content', listChild(arrayAt(state, 'content', ctx), 'content', ctx)]] };
  },
  construct(node, ctx) {
    return listNodes(node, 'content').map((n) => ctx.construct(n));
  },
};
