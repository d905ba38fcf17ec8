/** The scikit-learn plugin: pass it (with the numpy plugin) to `loads`, `dumps`, `describe` and `getUntrustedTypes`. */
export { sklearnPlugin } from './plugin.js';
/** A decision tree (`sklearn.tree._tree.Tree`), checked on construction. */
export { Tree, type TreeOptions } from './values/tree.js';
/** The checked columns of a {@link Tree} as typed arrays. */
export type { TreeView } from './tree/tree-view.js';
/** Checks a Tree's reduce arguments and state; throws `INVALID_DATA` naming what is wrong. */
export { validateTree } from './tree/validate-tree.js';
/** Checks a HistGradientBoosting `TreePredictor` state (node links, feature and bitset indices); throws `INVALID_DATA`. */
export {
  validateTreePredictor,
  type PredictorSummary,
  type PredictorSplit,
} from './validate/hist-predictor.js';
/** Checks a fitted `_BinMapper` state (per-feature shapes, bin counts); throws `INVALID_DATA`. */
export { validateBinMapper, type BinMapperSummary } from './validate/bin-mapper.js';
/** Cross-checks a HistGradientBoosting estimator's predictors against its bin mapper; throws `INVALID_DATA`. */
export { validateHistGradientBoosting } from './validate/hist-gradient-boosting.js';
/** Checks a KDTree / BallTree state tuple (index permutation, node ranges, bounds shape); throws `INVALID_DATA`. */
export {
  validateBinaryTree,
  type BinaryTreeKind,
  type BinaryTreeSummary,
} from './validate/binary-tree.js';
/** A scikit-learn loss object (LossNode / SGDNode). */
export { Loss, type LossPickleForm } from './values/loss.js';
/** scikit-learn < 1.2's `_DictWithDeprecatedKeys`. */
export { DictWithDeprecatedKeys } from './values/dict-with-deprecated-keys.js';
/** skops' default trusted scikit-learn names for a version. */
export {
  sklearnTrust,
  KNOWN_SKLEARN_VERSIONS,
  compareSklearnVersions,
  type SklearnTrust,
} from './trust/sklearn-version.js';
/** Estimator helpers over loaded values (`PyObject` with a dict state). */
export {
  isEstimator,
  params,
  fittedAttributes,
  nestedEstimators,
  type NestedEstimator,
} from './helpers/estimator.js';
/** Predictions of fitted decision trees and forests, in scikit-learn's float operations. */
export { predict, predictProba, type FeatureRows } from './predict/tree-models.js';
/** `X @ coef_.T + intercept_` of fitted linear models (close to, not always bit-identical with, numpy's BLAS result). */
export { linearDecision } from './predict/linear-models.js';
/** Recognisers that convert scikit-learn's pickle reduce forms (Tree, losses, neighbors trees' newObj). */
export { sklearnRecognisers } from './pickle/recognisers.js';
