import type { SkopsPlugin } from '@skops-ts/core';
import { bunchDescriber } from './describe/bunch-describer.js';
import { dictWithDeprecatedKeysDescriber } from './describe/dict-with-deprecated-keys-describer.js';
import { estimatorDescriber } from './describe/estimator-describer.js';
import { lossDescriber } from './describe/loss-describer.js';
import { treeDescriber } from './describe/tree-describer.js';
import { dictWithDeprecatedKeysDumper } from './dump/dict-with-deprecated-keys-dumper.js';
import { estimatorDumper } from './dump/estimator-dumper.js';
import { unsupportedDumper } from './dump/unsupported-dumper.js';
import { lossDumper } from './dump/loss-dumper.js';
import { treeDumper } from './dump/tree-dumper.js';
import { dictWithDeprecatedKeysNodeHandler } from './handlers/dict-with-deprecated-keys-node.js';
import { lossNodeHandler } from './handlers/loss-node.js';
import { sgdNodeHandler } from './handlers/sgd-node.js';
import { treeNodeHandler } from './handlers/tree-node.js';
import { binMapperReviver } from './revive/bin-mapper-reviver.js';
import { binaryTreeReviver } from './revive/binary-tree-reviver.js';
import { cythonLossReviver } from './revive/cython-loss-reviver.js';
import { histGradientBoostingReviver } from './revive/hist-gradient-boosting-reviver.js';
import { treePredictorReviver } from './revive/tree-predictor-reviver.js';
import { sklearnEstimators, sklearnInternal, sklearnLosses } from './trust/groups.js';

/**
 * scikit-learn support: TreeNode, LossNode, SGDNode and
 * `_DictWithDeprecatedKeysNode`; trust groups `sklearn.estimators`,
 * `sklearn.internal` (ObjectNode's defaults) and `sklearn.losses`
 * (LossNode's), chosen by `pythonEnv.sklearn`. Index checks at load for
 * HistGradientBoosting predictors and KDTree / BallTree states (values stay
 * plain objects). Needs `@skops-ts/numpy`.
 */
export const sklearnPlugin: SkopsPlugin = Object.freeze({
  name: '@skops-ts/sklearn',
  handlers: [treeNodeHandler, lossNodeHandler, sgdNodeHandler, dictWithDeprecatedKeysNodeHandler],
  dumpers: [
    unsupportedDumper,
    treeDumper,
    lossDumper,
    dictWithDeprecatedKeysDumper,
    estimatorDumper,
  ],
  describers: [
    treeDescriber,
    lossDescriber,
    dictWithDeprecatedKeysDescriber,
    estimatorDescriber,
    bunchDescriber,
  ],
  revivers: [
    cythonLossReviver,
    treePredictorReviver,
    binMapperReviver,
    histGradientBoostingReviver,
    binaryTreeReviver,
  ],
  trustGroups: {
    'sklearn.estimators': sklearnEstimators,
    'sklearn.internal': sklearnInternal,
    'sklearn.losses': sklearnLosses,
  },
});
