import { PyObject, type Reviver } from '@skops-ts/core';
import { validateBinaryTree } from '../validate/binary-tree.js';

/** scikit-learn's KDTree / BallTree classes: the public ones and the float64 / float32 ones of 1.3+. */
const CLASSES = ['', '64', '32'].flatMap((suffix) => [
  `sklearn.neighbors._kd_tree.KDTree${suffix}`,
  `sklearn.neighbors._ball_tree.BallTree${suffix}`,
]);

/**
 * Refuses KDTree / BallTree states whose index array, node ranges or bounds
 * are inconsistent; the value stays the plain object Python skops loads.
 */
export const binaryTreeReviver: Reviver = {
  classes: CLASSES,
  revive(value, ctx) {
    if (!PyObject.is(value) || value.state === null || value.state === undefined) return value;
    validateBinaryTree(
      value.state,
      value.name.startsWith('KDTree') ? 'KDTree' : 'BallTree',
      ctx.path,
    );
    return value;
  },
};
