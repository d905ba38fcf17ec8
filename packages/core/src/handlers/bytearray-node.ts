import type { NodeHandler } from '../plugin/types.js';
import { shortBytesRepr } from './bytes-repr.js';
import { PyByteArray } from '../values/py-bytearray.js';

/** A Python bytearray, stored as a `.bin` member. */
export const bytearrayNode: NodeHandler = {
  loader: 'BytearrayNode',
  defaultTrusted: { names: ['builtins.bytearray'] },
  showChildren: false,
  parse(state, ctx) {
    return {
      children: [['content', { kind: 'data' }]],
      data: ctx.requireMember(state.get('file')),
    };
  },
  construct(node, ctx) {
    return new PyByteArray(ctx.member(node.data as string));
  },
  formatMember: (node) => node.data as string,
  format: (_node, member) => `bytearray(${shortBytesRepr(member ?? new Uint8Array(0))})`,
};
