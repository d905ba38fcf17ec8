import {
  PyTuple,
  SkopsError,
  isJsonArray,
  type ConstructContext,
  type InertNode,
  type NodeHandler,
} from '@skops-ts/core';
import { NDArray } from '../array/ndarray.js';
import { scalarTypeByName } from '../dtype/scalar-types.js';
import { readNpy } from '../npy/read.js';
import { NDObjectArray } from '../values/object-array.js';
import { NpScalar } from '../values/np-scalar.js';

type NdArrayData =
  | { readonly kind: 'numpy'; readonly file: string }
  | { readonly kind: 'json'; readonly items: readonly InertNode[]; readonly shape: InertNode };

/** numpy.matrix(a): always 2-D, a 0-d or 1-D array becomes one row. */
function toMatrix(array: NDArray, path: string): NDArray {
  if (array.ndim > 2) {
    throw new SkopsError(
      'INVALID_DATA',
      `A numpy.matrix is 2-D, but its .npy holds shape (${array.shape.join(', ')}).`,
      { path },
    );
  }
  if (array.ndim === 2) {
    const { dtype, shape, strides, offset, buffer } = array;
    return new NDArray({ dtype, shape, strides, offset, buffer, className: 'numpy.matrix' });
  }
  return array.reshape([1, array.size], 'numpy.matrix');
}

function constructNumpy(node: InertNode, file: string, ctx: ConstructContext): unknown {
  const array = readNpy(ctx.member(file), { limits: ctx.limits, path: ctx.path });
  if (node.module === 'numpy') {
    if (node.className === 'ndarray') return array;
    if (node.className === 'matrix') return toMatrix(array, ctx.path);
    if (scalarTypeByName(node.className)) {
      try {
        return new NpScalar(node.className, array);
      } catch (error) {
        if (SkopsError.isInstance(error))
          throw new SkopsError('INVALID_DATA', error.message, { path: ctx.path, cause: error });
        throw error;
      }
    }
  }
  throw new SkopsError(
    'UNSUPPORTED_VALUE',
    `Cannot build ${node.module}.${node.className} from a .npy array; known classes are numpy.ndarray, ` +
      'numpy.matrix and the numpy scalar types.',
    { path: ctx.path },
  );
}

function constructJson(
  items: readonly InertNode[],
  shapeNode: InertNode,
  ctx: ConstructContext,
): NDObjectArray {
  const shape = ctx.construct(shapeNode);
  const ndim = PyTuple.is(shape) ? shape.length : Array.isArray(shape) ? shape.length : undefined;
  if (ndim === undefined)
    throw new SkopsError('INVALID_DATA', 'An object array needs a tuple `shape`.', {
      path: ctx.path,
    });
  const values = items.map((n) => ctx.construct(n));
  // Python skops: 1-D keeps the items as they are; otherwise numpy.array(items, dtype=object).
  return ndim === 1 ? new NDObjectArray(values) : NDObjectArray.fromNested(values);
}

/**
 * NdArrayNode: `type: "numpy"` (a `.npy` member; class `ndarray`, `matrix`
 * or a numpy scalar type holding a 0-d array) or `type: "json"` (an object
 * array whose items are nodes).
 */
export const ndArrayNodeHandler: NodeHandler = {
  loader: 'NdArrayNode',
  protocols: [0, 1, 2],
  defaultTrusted: { names: ['numpy.ndarray'], groups: ['numpy.dtypes'] },
  showChildren: false,
  parse(state, ctx) {
    const type = state.get('type');
    if (type === 'numpy') {
      const file = ctx.requireMember(state.get('file'), 'file');
      const data: NdArrayData = { kind: 'numpy', file };
      return { children: [['content', { kind: 'data' }]], data };
    }
    if (type === 'json') {
      const content = state.get('content');
      if (!isJsonArray(content))
        throw ctx.error('An object array (type "json") needs a list `content`.', 'content');
      const items = content.map((item, i) => ctx.child(item, `content[${i}]`));
      const shape = ctx.child(state.get('shape'), 'shape');
      const data: NdArrayData = { kind: 'json', items, shape };
      return {
        children: [
          ['content', { kind: 'list', nodes: items }],
          ['shape', { kind: 'node', node: shape }],
        ],
        data,
      };
    }
    throw ctx.error(
      `Unknown NdArrayNode type ${JSON.stringify(type)}; expected "numpy" or "json".`,
      'type',
    );
  },
  construct(node, ctx) {
    const data = node.data as NdArrayData;
    return data.kind === 'numpy'
      ? constructNumpy(node, data.file, ctx)
      : constructJson(data.items, data.shape, ctx);
  },
};
