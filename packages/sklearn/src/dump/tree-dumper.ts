import type { Dumper } from '@skops-ts/core';
import { Tree } from '../values/tree.js';
import { freshDict, freshTuple } from './fresh-state.js';

/** A Tree as Python's `tree_get_state` writes it: TreeNode with `__reduce__.args` and `content`. */
export const treeDumper: Dumper = {
  name: 'sklearn.tree._tree.Tree',
  test: (value) => Tree.is(value),
  dump(value, ctx) {
    const tree = value as Tree;
    const args = ctx.state(freshTuple(tree.reduceArgs));
    return {
      __class__: 'Tree',
      __module__: 'sklearn.tree._tree',
      __reduce__: { args },
      content: ctx.state(freshDict(tree.state)),
      __loader__: 'TreeNode',
    };
  },
};
