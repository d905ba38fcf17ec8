import type { NodeHandler } from '@skops-ts/core';
import { readNpzMembers, sparseFromNpzMembers } from '../npz/read-npz.js';

/**
 * SparseMatrixNode: a `scipy.sparse` matrix saved with `save_npz` as a
 * `.npz` member. Loads to a {@link SparseMatrix} that keeps the stored class.
 */
export const sparseMatrixNodeHandler: NodeHandler = {
  loader: 'SparseMatrixNode',
  protocols: [0, 1, 2],
  defaultTrusted: { groups: ['scipy.spmatrix'] },
  showChildren: false,
  parse(state, ctx) {
    const type = state.get('type');
    if (type !== 'scipy') {
      const name = `${String(state.get('__module__'))}.${String(state.get('__class__'))}`;
      throw ctx.error(
        `Cannot load object of type ${name}: a SparseMatrixNode's type must be "scipy", got ${JSON.stringify(type ?? null)}.`,
        'type',
      );
    }
    const file = ctx.requireMember(state.get('file'), 'file');
    return { children: [['content', { kind: 'data' }]], data: file };
  },
  // The .npz is itself a zip: read it with the core archive reader before construct.
  prepare(node, ctx) {
    return readNpzMembers(ctx.member(node.data as string), ctx.limits);
  },
  construct(node, ctx) {
    return sparseFromNpzMembers(ctx.prepared as Map<string, Uint8Array>, {
      limits: ctx.limits,
      className: `${node.module}.${node.className}`,
      path: ctx.path,
    });
  },
};
