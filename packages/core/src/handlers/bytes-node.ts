import type { NodeHandler } from '../plugin/types.js';
import { shortBytesRepr } from './bytes-repr.js';

/** Python bytes, stored as a `.bin` member: a Uint8Array. */
export const bytesNode: NodeHandler = {
  loader: 'BytesNode',
  defaultTrusted: { names: ['builtins.bytes'] },
  showChildren: false,
  parse(state, ctx) {
    return {
      children: [['content', { kind: 'data' }]],
      data: ctx.requireMember(state.get('file')),
    };
  },
  construct(node, ctx) {
    return ctx.member(node.data as string);
  },
  formatMember: (node) => node.data as string,
  format: (_node, member) => shortBytesRepr(member ?? new Uint8Array(0)),
};
