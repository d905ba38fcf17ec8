import { PyOperator, PyTuple, type OperatorName } from '@skops-ts/core';
import type { CallRecogniser } from '../recogniser.js';
import type { PickleCall } from '../../values/pickle-call.js';
import { noItems, noState } from './args.js';

const NAMES: readonly OperatorName[] = ['itemgetter', 'attrgetter', 'methodcaller'];

/** `operator.itemgetter(*args)` and friends: constructing them runs nothing; calling them later is the caller's risk, which skops audits. */
export const operatorRecogniser: CallRecogniser = {
  kind: 'call',
  globals: NAMES.map((n) => `operator.${n}`),
  convert(node, ctx) {
    const call = node as PickleCall;
    noState(call, ctx);
    noItems(call, ctx);
    const name = call.target!.py3Name as OperatorName;
    if (name === 'methodcaller' && call.kwargs && call.kwargs.size > 0) {
      throw ctx.fail('operator.methodcaller with keyword arguments is not supported.');
    }
    return new PyOperator(name, ctx.convert(call.args) as PyTuple);
  },
};
