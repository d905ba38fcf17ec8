import { PyDict } from '@skops-ts/core';
import type { CallRecogniser } from '@skops-ts/pickle';
import { RandomState } from '../values/random-state.js';

/** `numpy.random._pickle.__randomstate_ctor(name, ctor)` + BUILD(`get_state(legacy=False)`). */
export const randomStateRecogniser: CallRecogniser = {
  kind: 'call',
  globals: ['numpy.random._pickle.__randomstate_ctor'],
  convert(node, ctx) {
    if (!('args' in node) || node.args.length > 2)
      throw ctx.fail('__randomstate_ctor takes (name[, ctor]).');
    const [name] = node.args.items;
    if (name !== undefined && name !== 'MT19937' && ctx.globalName(name) === undefined) {
      throw ctx.fail(
        `a RandomState over bit generator ${String(name)} is not supported (MT19937 only).`,
      );
    }
    const state = ctx.convert(node.state);
    if (!PyDict.is(state) || state.get('bit_generator') !== 'MT19937')
      throw ctx.fail('a pickled RandomState has no MT19937 state dict.');
    return new RandomState(state);
  },
};

/**
 * `numpy.random.Generator` pickles: numpy < 1.25 keeps no seed sequence in
 * them, which Python skops needs to save a Generator (it fails on them too).
 */
export const generatorRecogniser: CallRecogniser = {
  kind: 'call',
  globals: ['numpy.random._pickle.__generator_ctor'],
  convert(_node, ctx) {
    throw ctx.fail(
      'numpy.random.Generator pickles carry no seed sequence, which a skops file needs (Python skops cannot convert them either); ' +
        're-create the Generator after loading instead.',
    );
  },
};
