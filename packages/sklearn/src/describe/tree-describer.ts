import { PyDict, type Describer } from '@skops-ts/core';
import { Tree } from '../values/tree.js';

/** The keys of `Tree.__getstate__()`, in the order scikit-learn builds them. */
const STATE_KEYS = ['max_depth', 'node_count', 'nodes', 'values'] as const;

/** Rule 27.2 for `sklearn.tree._tree.Tree`: `(Tree, args, state)` gives reduce_args and state. */
export const treeDescriber: Describer = {
  name: 'sklearn.tree._tree.Tree',
  test: (value) => Tree.is(value),
  describe(value, ctx) {
    const tree = value as Tree;
    const state = new PyDict(STATE_KEYS.map((k) => [k, tree.state.get(k)] as const));
    return {
      object: 'sklearn.tree._tree.Tree',
      reduce_args: ctx.describe(tree.reduceArgs),
      state: ctx.describe(state),
    };
  },
};
