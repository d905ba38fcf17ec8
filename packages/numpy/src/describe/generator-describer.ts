import type { Describer } from '@skops-ts/core';
import { Generator } from '../values/generator.js';

/** `numpy.random.Generator` (rule 14): its bit generator's state; the seed sequence does not enter. */
export const generatorDescriber: Describer = {
  name: 'numpy.random.Generator',
  test: (value) => Generator.is(value),
  describe: (value, ctx) => ({
    object: 'numpy.random._generator.Generator',
    bit_generator: ctx.describe((value as Generator).state),
  }),
};
