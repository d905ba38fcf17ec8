import type { TrustGroup } from '@skops-ts/core';
import { sklearnTrustOf } from './sklearn-version.js';

/** Trust group `sklearn.estimators`: skops' SKLEARN_ESTIMATOR_TYPE_NAMES (ObjectNode). */
export const sklearnEstimators: TrustGroup = (env) => sklearnTrustOf(env).estimators;

/** Trust group `sklearn.internal`: skops' SKLEARN_INTERNAL_TYPE_NAMES (ObjectNode). */
export const sklearnInternal: TrustGroup = (env) => sklearnTrustOf(env).internal;

/** Trust group `sklearn.losses`: skops' ALLOWED_LOSSES (LossNode, SGDNode). */
export const sklearnLosses: TrustGroup = (env) => sklearnTrustOf(env).losses;

/** The class TreeNode trusts by default. */
export const TREE_CLASS = 'sklearn.tree._tree.Tree';
