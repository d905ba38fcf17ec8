import type { NodeHandler } from '../plugin/types.js';
import { PyObject } from '../values/py-object.js';
import { PySet } from '../values/py-set.js';
import { PyByteArray } from '../values/py-bytearray.js';
import { PyTuple } from '../values/py-tuple.js';
import { nodeChild } from './shared.js';

/** What `cls.__new__(cls)` gives for builtin classes that skops saves as stateless ObjectNodes. */
const EMPTY_BUILTINS: Readonly<Record<string, () => unknown>> = {
  frozenset: () => new PySet([], 'frozenset'),
  set: () => new PySet([], 'set'),
  bytes: () => new Uint8Array(0),
  bytearray: () => new PyByteArray(new Uint8Array(0)),
  tuple: () => new PyTuple([]),
};

/**
 * Any other object: its class by name and its `__getstate__` (for estimators,
 * a dict). The value is a {@link PyObject}, unless a plugin revives the class
 * into a richer value (an XGBoost booster, a sparse array view).
 */
export const objectNode: NodeHandler = {
  loader: 'ObjectNode',
  defaultTrusted: { groups: ['sklearn.estimators', 'sklearn.internal'] },
  parse(state, ctx) {
    const content = state.get('content');
    if (content === undefined || content === null)
      return { children: [['attrs', { kind: 'none' }]] };
    return { children: [['attrs', { kind: 'node', node: ctx.child(content, 'content') }]] };
  },
  construct(node, ctx) {
    const attrs = node.children[0]?.[1];
    const empty = node.module === 'builtins' ? EMPTY_BUILTINS[node.className] : undefined;
    if (attrs?.kind !== 'node') {
      return empty
        ? empty()
        : ctx.revive(
            new PyObject(node.module, node.className, node.state.has('content') ? null : undefined),
          );
    }
    const state = ctx.construct(nodeChild(node, 'attrs'));
    if (empty && state === null) return empty();
    return ctx.revive(new PyObject(node.module, node.className, state));
  },
};
