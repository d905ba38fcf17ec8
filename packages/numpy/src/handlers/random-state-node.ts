import { PyDict, SkopsError, type InertNode, type NodeHandler } from '@skops-ts/core';
import { NDArray } from '../array/ndarray.js';
import { RandomState } from '../values/random-state.js';

/** Checks what `RandomState.set_state` (legacy=False dict form) reads. */
function checkState(value: unknown, path: string): PyDict {
  const fail = (message: string) =>
    new SkopsError('INVALID_DATA', `Invalid RandomState state: ${message}`, { path });
  if (!PyDict.is(value)) throw fail('it must be a dict.');
  if (value.get('bit_generator') !== 'MT19937') throw fail('"bit_generator" must be "MT19937".');
  const inner = value.get('state');
  if (!PyDict.is(inner)) throw fail('"state" must be a dict.');
  const key = inner.get('key');
  if (!NDArray.is(key) || key.ndim !== 1 || key.size !== 624 || !'iu'.includes(key.dtype.kind)) {
    throw fail('"state.key" must be 624 integers.');
  }
  if (typeof inner.get('pos') !== 'bigint') throw fail('"state.pos" must be an int.');
  return value;
}

/** RandomStateNode: `numpy.random.RandomState` from its state dict. */
export const randomStateNodeHandler: NodeHandler = {
  loader: 'RandomStateNode',
  protocols: [0, 1, 2],
  defaultTrusted: { names: ['numpy.random.mtrand.RandomState'] },
  parse(state, ctx) {
    const content = ctx.child(state.get('content'), 'content');
    return { children: [['content', { kind: 'node', node: content }]], data: content };
  },
  construct(node, ctx) {
    if (`${node.module}.${node.className}` !== 'numpy.random.mtrand.RandomState') {
      throw new SkopsError(
        'UNSUPPORTED_VALUE',
        `Cannot build ${node.module}.${node.className} as a RandomState.`,
        {
          path: ctx.path,
        },
      );
    }
    return new RandomState(checkState(ctx.construct(node.data as InertNode), ctx.path));
  },
};
