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
 * `numpy.random.Generator`: numpy < 1.25 pickles `(name, ctor)` and the bit
 * generator state only, without the seed sequence Python skops needs to save
 * a Generator (it fails on them too); newer pickles nest the bit generator
 * object, which is not converted yet.
 */
export const generatorRecogniser: CallRecogniser = {
  kind: 'call',
  globals: ['numpy.random._pickle.__generator_ctor'],
  convert(node, ctx) {
    const first = 'args' in node ? node.args.items[0] : undefined;
    if (typeof first === 'string' || first === undefined) {
      throw ctx.fail(
        'this numpy.random.Generator pickle (numpy < 1.25) carries no seed sequence, which a skops file needs ' +
          '(Python skops cannot convert it either); re-create the Generator after loading instead.',
      );
    }
    throw ctx.fail(
      'numpy.random.Generator pickles of numpy >= 1.25 are not converted yet; save the Generator with skops in Python instead.',
    );
  },
};
