import { SkopsError, type InertNode, type NodeHandler } from '@skops-ts/core';
import { NDArray } from '../array/ndarray.js';
import { DType } from '../dtype/dtype.js';
import { NDObjectArray } from '../values/object-array.js';
import { NpScalar } from '../values/np-scalar.js';

/** DTypeNode: the dtype of the (empty) array in `content`, an object array for `dtype('O')`. Trusts nothing, as in Python skops. */
export const dtypeNodeHandler: NodeHandler = {
  loader: 'DTypeNode',
  protocols: [0, 1, 2],
  defaultTrusted: {},
  parse(state, ctx) {
    const content = ctx.child(state.get('content'), 'content');
    return { children: [['content', { kind: 'node', node: content }]], data: content };
  },
  construct(node, ctx) {
    const value = ctx.construct(node.data as InertNode);
    if (NDArray.is(value)) return value.dtype;
    if (NpScalar.is(value)) return value.dtype;
    if (NDObjectArray.is(value)) return DType.object();
    throw new SkopsError('INVALID_DATA', 'A DTypeNode must hold a numpy array.', {
      path: ctx.path,
    });
  },
};
