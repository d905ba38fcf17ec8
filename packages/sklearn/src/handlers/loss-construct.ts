import { PyTuple, SkopsError, type ConstructContext, type InertNode } from '@skops-ts/core';
import { lossPickleForm } from '../values/loss-form.js';
import { Loss } from '../values/loss.js';
import { constructReduce } from './reduce-children.js';

/** Builds the {@link Loss} of a LossNode or SGDNode. */
export function constructLoss(node: InertNode, ctx: ConstructContext): Loss {
  const { args, attrs } = constructReduce(node, ctx);
  const tuple = Array.isArray(args) ? new PyTuple(args) : args;
  if (!PyTuple.is(tuple)) {
    throw new SkopsError(
      'INVALID_DATA',
      `The arguments of ${node.module}.${node.className} must be a tuple.`,
      { path: `${node.path}.__reduce__.args` },
    );
  }
  return new Loss(
    node.module,
    node.className,
    tuple,
    attrs,
    lossPickleForm(node.module, node.className, ctx.env.sklearn),
  );
}
