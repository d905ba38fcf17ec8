import { SkopsError, isJsonObject, type InertNode, type NodeHandler } from '@skops-ts/core';
import {
  checkBitGeneratorName,
  checkBitGeneratorState,
  checkSeedSequence,
} from '../random/bit-generators.js';
import { peekBitGeneratorName } from '../random/peek-name.js';
import { Generator } from '../values/generator.js';

/** Refuses classes other than numpy's Generator (the node's class is what Python instantiates). */
export function checkGeneratorClass(node: InertNode, path: string): void {
  if (`${node.module}.${node.className}` !== 'numpy.random._generator.Generator') {
    throw new SkopsError(
      'UNSUPPORTED_VALUE',
      `Cannot build ${node.module}.${node.className} as a numpy Generator.`,
      { path },
    );
  }
}

/** RandomGeneratorNode, protocol 2 (skops >= 0.10): bit generator state and seed sequence as nodes. */
export const randomGeneratorNodeHandler: NodeHandler = {
  loader: 'RandomGeneratorNode',
  protocols: [2],
  defaultTrusted: { names: ['numpy.random._generator.Generator'] },
  parse(state, ctx) {
    const content = state.get('content');
    if (!isJsonObject(content))
      throw ctx.error('A RandomGeneratorNode needs a `content` object.', 'content');
    const peeked = peekBitGeneratorName(content.get('bit_generator'));
    if (peeked !== undefined) checkBitGeneratorName(peeked, `${ctx.path}.content.bit_generator`);
    const bitGenerator = ctx.child(content.get('bit_generator'), 'content.bit_generator');
    const seedSeq = ctx.child(content.get('seed_seq'), 'content.seed_seq');
    return {
      children: [
        ['bit_generator_state', { kind: 'node', node: bitGenerator }],
        ['seed_seq_state', { kind: 'node', node: seedSeq }],
      ],
      data: { bitGenerator, seedSeq },
    };
  },
  construct(node, ctx) {
    checkGeneratorClass(node, ctx.path);
    const parts = node.data as { bitGenerator: InertNode; seedSeq: InertNode };
    const seedSeq = checkSeedSequence(ctx.construct(parts.seedSeq), ctx.path);
    const state = checkBitGeneratorState(ctx.construct(parts.bitGenerator), ctx.path);
    return new Generator(state, seedSeq);
  },
};
