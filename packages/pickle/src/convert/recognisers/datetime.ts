import { PyObject, PyTuple } from '@skops-ts/core';
import type { CallRecogniser } from '../recogniser.js';
import type { PickleCall } from '../../values/pickle-call.js';
import { noItems, noState } from './args.js';

const CLASSES = ['datetime', 'date', 'time', 'timedelta', 'timezone'];

/**
 * `datetime` values pickle as `cls(*args)` and Python skops stores them
 * the same way (a ConstructorFromReduceNode): an object with `reduceArgs`.
 */
export const datetimeRecogniser: CallRecogniser = {
  kind: 'call',
  globals: CLASSES.map((c) => `datetime.${c}`),
  convert(node, ctx) {
    const call = node as PickleCall;
    noState(call, ctx);
    noItems(call, ctx);
    if (call.kwargs && call.kwargs.size > 0)
      throw ctx.fail('a datetime value is built with keyword arguments.');
    const target = call.target!;
    const args = ctx.convert(call.args);
    return new PyObject(target.py3Module, target.py3Name, undefined, args as PyTuple);
  },
};
