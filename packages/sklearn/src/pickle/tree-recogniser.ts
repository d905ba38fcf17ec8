import { PyDict, PyTuple } from '@skops-ts/core';
import type { CallRecogniser } from '@skops-ts/pickle';
import { Tree } from '../values/tree.js';

/** `sklearn.tree._tree.Tree`: REDUCE(Tree, (n_features, n_classes, n_outputs)) + BUILD(state dict), checked as a tree. */
export const treeRecogniser: CallRecogniser = {
  kind: 'call',
  globals: ['sklearn.tree._tree.Tree'],
  convert(node, ctx) {
    if (!('args' in node)) throw ctx.fail('a Tree is not called.');
    const args = ctx.convert(node.args);
    const state = ctx.convert(node.state);
    if (!PyTuple.is(args) || !PyDict.is(state))
      throw ctx.fail('a pickled Tree is not (n_features, n_classes, n_outputs) with a state dict.');
    return new Tree(args, state, { path: ctx.path });
  },
};
