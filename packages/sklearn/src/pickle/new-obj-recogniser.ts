import type { CallRecogniser } from '@skops-ts/pickle';

/**
 * `newObj(cls)` of the neighbors trees and distance metrics: `cls.__new__(cls)`,
 * an instance made without running the class's code, then filled by BUILD.
 */
export const newObjRecogniser: CallRecogniser = {
  kind: 'call',
  globals: [
    'sklearn.neighbors._kd_tree.newObj',
    'sklearn.neighbors._ball_tree.newObj',
    'sklearn.neighbors._binary_tree.newObj',
    'sklearn.neighbors._dist_metrics.newObj',
    'sklearn.metrics._dist_metrics.newObj',
  ],
  convert(node, ctx) {
    if (!('args' in node) || node.args.length !== 1) throw ctx.fail('newObj takes one class.');
    return ctx.instantiate(node.args.items[0], node.state, node);
  },
};
