import type { NodeHandler } from '../plugin/types.js';
import { PyObject } from '../values/py-object.js';
import { PyTuple } from '../values/py-tuple.js';
import { nodeChild } from './shared.js';

/** An object rebuilt as `cls(*args)` (datetime, range, …): kept as its class and the arguments, never called. */
export const constructorFromReduceNode: NodeHandler = {
  loader: 'ConstructorFromReduceNode',
  parse(state, ctx) {
    return {
      children: [['content', { kind: 'node', node: ctx.child(state.get('content'), 'content') }]],
    };
  },
  construct(node, ctx) {
    const args = ctx.construct(nodeChild(node, 'content'));
    const tuple = PyTuple.is(args) ? args : Array.isArray(args) ? new PyTuple(args) : undefined;
    if (!tuple)
      throw ctx.error('ConstructorFromReduceNode content must be a tuple or list of arguments.');
    return ctx.revive(new PyObject(node.module, node.className, undefined, tuple));
  },
};
