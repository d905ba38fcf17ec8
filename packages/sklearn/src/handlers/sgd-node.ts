import type { NodeHandler } from '@skops-ts/core';
import { constructLoss } from './loss-construct.js';
import { reduceChildren } from './reduce-children.js';

/**
 * SGDNode: what skops 0.5 – 0.10 wrote for `sklearn.linear_model._sgd_fast`
 * losses, the same layout as LossNode (renamed in 0.11). Current Python
 * skops cannot read it; we load it as LossNode.
 */
export const sgdNodeHandler: NodeHandler = {
  loader: 'SGDNode',
  protocols: [0, 1, 2],
  defaultTrusted: { groups: ['sklearn.losses'] },
  parse(state, ctx) {
    return reduceChildren(state, ctx, {
      module: String(state.get('__module__')),
      name: String(state.get('__class__')),
    });
  },
  construct: constructLoss,
};
