import { PyDict, PyTuple } from '@skops-ts/core';
import type { CallRecogniser, RecogniserContext } from '../recogniser.js';
import type { PickleCall } from '../../values/pickle-call.js';
import { argsOf, noState } from './args.js';

/** Items given as a dict, or as a list / tuple of pairs, as `dict(arg)` takes them. */
function addInitialItems(dict: PyDict, source: unknown, ctx: RecogniserContext): void {
  const v = ctx.convert(source);
  if (PyDict.is(v)) {
    for (const [k, x] of v.entries()) dict.set(k, x);
    return;
  }
  const pairs = Array.isArray(v) ? v : PyTuple.is(v) ? v.items : undefined;
  if (!pairs)
    throw ctx.fail(
      `${dict.className} is built from something that is not a dict or a list of pairs.`,
    );
  for (const pair of pairs) {
    const kv = Array.isArray(pair) ? pair : PyTuple.is(pair) ? pair.items : undefined;
    if (!kv || kv.length !== 2)
      throw ctx.fail(`${dict.className} is built from an item that is not a key-value pair.`);
    dict.set(kv[0], kv[1]);
  }
}

function addStreamItems(dict: PyDict, call: PickleCall, ctx: RecogniserContext): void {
  if (call.listItems.length > 0 || call.setItems.length > 0)
    throw ctx.fail(`${dict.className} is given list or set items.`);
  for (const [k, v] of call.dictItems.entries()) dict.set(ctx.convert(k), ctx.convert(v));
}

function dictClass(name: 'OrderedDict' | 'Counter'): CallRecogniser {
  return {
    kind: 'call',
    globals: [`collections.${name}`],
    convert(node, ctx) {
      const call = node as PickleCall;
      const [items] = argsOf(call, 0, 1, ctx);
      noState(call, ctx);
      const dict = new PyDict<unknown>([], 'collections', name);
      if (items !== undefined) addInitialItems(dict, items, ctx);
      addStreamItems(dict, call, ctx);
      return dict;
    },
  };
}

/** `collections.defaultdict(factory)` + SETITEMS. */
const defaultDictRecogniser: CallRecogniser = {
  kind: 'call',
  globals: ['collections.defaultdict'],
  convert(node, ctx) {
    const call = node as PickleCall;
    const [factory, items] = argsOf(call, 0, 2, ctx);
    noState(call, ctx);
    const dict = new PyDict<unknown>([], 'collections', 'defaultdict');
    dict.defaultFactory = factory === undefined ? null : ctx.convert(factory);
    if (items !== undefined) addInitialItems(dict, items, ctx);
    addStreamItems(dict, call, ctx);
    return dict;
  },
};

/** `collections.OrderedDict`, `Counter` and `defaultdict`. */
export const collectionsRecognisers: readonly CallRecogniser[] = [
  dictClass('OrderedDict'),
  dictClass('Counter'),
  defaultDictRecogniser,
];
