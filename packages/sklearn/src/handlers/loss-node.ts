import type { NodeHandler } from '@skops-ts/core';
import { constructLoss } from './loss-construct.js';
import { reduceChildren } from './reduce-children.js';

/**
 * LossNode: a scikit-learn loss object (`sklearn.linear_model._sgd_fast.*`,
 * `sklearn._loss._loss.Cy*`) saved through `__reduce__`. Its class comes from
 * the node, so the audit checks it (default trusted: skops' ALLOWED_LOSSES
 * of the selected scikit-learn); the value is a {@link Loss}.
 */
export const lossNodeHandler: NodeHandler = {
  loader: 'LossNode',
  defaultTrusted: { groups: ['sklearn.losses'] },
  parse(state, ctx) {
    return reduceChildren(state, ctx, {
      module: String(state.get('__module__')),
      name: String(state.get('__class__')),
    });
  },
  construct: constructLoss,
};
