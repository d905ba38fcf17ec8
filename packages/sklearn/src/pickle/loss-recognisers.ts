import { PyDict, PyTuple } from '@skops-ts/core';
import type { CallRecogniser } from '@skops-ts/pickle';
import { CYTHON_LOSSES, CYTHON_LOSS_MODULES as CYTHON_MODULES } from '../values/cython-losses.js';
import { Loss } from '../values/loss.js';

const SGD_LOSSES = [
  'Hinge',
  'SquaredHinge',
  'ModifiedHuber',
  'Log',
  'SquaredLoss',
  'Huber',
  'EpsilonInsensitive',
  'SquaredEpsilonInsensitive',
];

/**
 * Cython's automatic pickling, `__pyx_unpickle_<Class>(cls, checksum, state)`:
 * saved as Python skops' `loss_get_state` does, the state tuple as the
 * constructor arguments, or (CyHalfMultinomialLoss, whose state comes by
 * BUILD) no arguments and the BUILD state as content.
 */
export const cythonUnpickleLossRecogniser: CallRecogniser = {
  kind: 'call',
  globals: CYTHON_MODULES.flatMap((m) => CYTHON_LOSSES.map((c) => `${m}.__pyx_unpickle_${c}`)),
  convert(node, ctx) {
    if (!('args' in node) || node.args.length !== 3)
      throw ctx.fail('a Cython loss unpickle call takes (cls, checksum, state).');
    const [cls, , state] = node.args.items;
    const target = node.target!;
    const className = ctx.globalName(cls);
    if (className !== `${target.py3Module}.${target.py3Name.replace('__pyx_unpickle_', '')}`) {
      throw ctx.fail(`${target.py3FullName} is called for class ${className ?? '(computed)'}.`);
    }
    const name = className.slice(target.py3Module.length + 1);
    if (node.states.length > 0)
      return new Loss(target.py3Module, name, new PyTuple([]), ctx.convert(node.state), 'cython');
    const args = ctx.convert(state);
    if (!PyTuple.is(args)) throw ctx.fail(`the state of a pickled ${name} is not a tuple.`);
    return new Loss(target.py3Module, name, args, new PyDict(), 'cython');
  },
};

/** Losses whose `__reduce__` is `(cls, args[, state])`: `_sgd_fast` losses and scikit-learn >= 1.6 Cython losses. */
export const reduceLossRecogniser: CallRecogniser = {
  kind: 'call',
  globals: [
    ...CYTHON_MODULES.flatMap((m) => CYTHON_LOSSES.map((c) => `${m}.${c}`)),
    ...SGD_LOSSES.map((c) => `sklearn.linear_model._sgd_fast.${c}`),
  ],
  convert(node, ctx) {
    if (!('args' in node) || node.kind !== 'REDUCE')
      throw ctx.fail('a loss is not created by calling its class.');
    const target = node.target!;
    const args = ctx.convert(node.args) as PyTuple;
    const state = node.states.length > 0 ? ctx.convert(node.state) : new PyDict();
    return new Loss(target.py3Module, target.py3Name, args, state, 'reduce');
  },
};
