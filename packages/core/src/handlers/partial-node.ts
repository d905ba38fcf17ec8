import type { NodeHandler } from '../plugin/types.js';
import { PyPartial } from '../values/py-callables.js';
import { PyDict } from '../values/py-dict.js';
import { PyTuple } from '../values/py-tuple.js';
import { nodeChild, objectAt } from './shared.js';

const PARTS = ['func', 'args', 'kwds', 'namespace'] as const;

/** `functools.partial(func, *args, **kwds)` with its instance namespace. */
export const partialNode: NodeHandler = {
  loader: 'PartialNode',
  parse(state, ctx) {
    const content = objectAt(state, 'content', ctx);
    return {
      children: PARTS.map(
        (p) => [p, { kind: 'node', node: ctx.child(content.get(p), `content.${p}`) }] as const,
      ),
    };
  },
  construct(node, ctx) {
    const [func, args, kwds, namespace] = PARTS.map((p) => ctx.construct(nodeChild(node, p)));
    if (!PyTuple.is(args)) throw ctx.error('partial args must be a tuple.');
    if (!PyDict.is(kwds)) throw ctx.error('partial kwds must be a dict.');
    if (namespace !== null && !PyDict.is(namespace))
      throw ctx.error('partial namespace must be a dict or None.');
    return new PyPartial(func, args, kwds, namespace);
  },
};
