import { PyDict, PyTuple, type Dumper } from '@skops-ts/core';
import { Generator } from '../values/generator.js';

/**
 * `numpy.random.Generator` as a protocol-2 RandomGeneratorNode. A generator
 * read from an older file has no seed sequence; it is written as the state
 * of `SeedSequence()` without entropy (numpy draws fresh entropy on load,
 * as it did for the bit generator the old loader created; the restored
 * state does not depend on it).
 */
export const generatorDumper: Dumper = {
  name: 'numpy.random.Generator',
  test: (value) => Generator.is(value),
  dump: (value, ctx) => {
    const generator = value as Generator;
    const seedSeq =
      generator.seedSeq ??
      new PyDict<unknown>([
        ['spawn_key', new PyTuple([])],
        ['pool_size', 4n],
        ['n_children_spawned', 0n],
      ]);
    return {
      __class__: 'Generator',
      __module__: 'numpy.random._generator',
      __loader__: 'RandomGeneratorNode',
      content: { bit_generator: ctx.state(generator.state), seed_seq: ctx.state(seedSeq) },
    };
  },
};
