import { PyDict, PyPartial, PyTuple } from '@skops-ts/core';
import type { CallRecogniser } from '../recogniser.js';
import type { PickleCall } from '../../values/pickle-call.js';
import { argsOf, noItems } from './args.js';

/** `functools.partial`: REDUCE(partial, (func,)) + BUILD((func, args, kwds, namespace)). */
export const partialRecogniser: CallRecogniser = {
  kind: 'call',
  globals: ['functools.partial'],
  convert(node, ctx) {
    const call = node as PickleCall;
    const [first] = argsOf(call, 1, 1, ctx);
    noItems(call, ctx);
    const state = call.state;
    if (state === undefined)
      return new PyPartial(ctx.convert(first), new PyTuple([]), new PyDict(), null);
    if (!PyTuple.is(state) || state.length !== 4)
      throw ctx.fail('a functools.partial state is not (func, args, kwds, namespace).');
    const [func, args, kwds, namespace] = state.items.map((x) => ctx.convert(x));
    if (!PyTuple.is(args)) throw ctx.fail('the args of a functools.partial are not a tuple.');
    if (kwds !== null && !PyDict.is(kwds))
      throw ctx.fail('the keywords of a functools.partial are not a dict.');
    if (namespace !== null && !PyDict.is(namespace))
      throw ctx.fail('the namespace of a functools.partial is not a dict.');
    // Python writes None for no keywords; an empty dict is what partial holds and what loads back.
    return new PyPartial(func, args, kwds ?? new PyDict(), namespace as PyDict | null);
  },
};
