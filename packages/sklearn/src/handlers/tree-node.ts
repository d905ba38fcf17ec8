import { PyDict, PyTuple, SkopsError, type NodeHandler } from '@skops-ts/core';
import { TREE_CLASS } from '../trust/groups.js';
import { Tree } from '../values/tree.js';
import { constructReduce, reduceChildren } from './reduce-children.js';

/**
 * TreeNode: a `sklearn.tree._tree.Tree` saved through `__reduce__`. Builds
 * a checked {@link Tree}; the class is always `sklearn.tree._tree.Tree`,
 * whatever the node's `__class__` says (as in Python).
 */
export const treeNodeHandler: NodeHandler = {
  loader: 'TreeNode',
  defaultTrusted: { names: [TREE_CLASS] },
  parse(state, ctx) {
    return reduceChildren(state, ctx, { module: 'sklearn.tree._tree', name: 'Tree' });
  },
  construct(node, ctx) {
    const { args, attrs } = constructReduce(node, ctx);
    const tuple = Array.isArray(args) ? new PyTuple(args) : args;
    if (!PyTuple.is(tuple)) {
      throw new SkopsError(
        'INVALID_DATA',
        'A Tree is built from a tuple of arguments (n_features, n_classes, n_outputs).',
        { path: `${node.path}.__reduce__.args` },
      );
    }
    if (!PyDict.is(attrs)) {
      throw new SkopsError(
        'INVALID_DATA',
        'A Tree needs its state dict (max_depth, node_count, nodes, values) in "content".',
        { path: `${node.path}.content` },
      );
    }
    return new Tree(tuple, attrs, { path: node.path });
  },
};
