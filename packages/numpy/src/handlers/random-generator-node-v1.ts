import { isJsonObject, type InertNode, type NodeHandler } from '@skops-ts/core';
import { checkBitGeneratorName, checkBitGeneratorState } from '../random/bit-generators.js';
import { peekBitGeneratorName } from '../random/peek-name.js';
import { Generator } from '../values/generator.js';
import { checkGeneratorClass } from './random-generator-node.js';

/** RandomGeneratorNode, protocol 1 (skops 0.6 - 0.9): the bit generator state as a node, no seed sequence. */
export const randomGeneratorNodeV1Handler: NodeHandler = {
  loader: 'RandomGeneratorNode',
  protocols: [1],
  defaultTrusted: { names: ['numpy.random._generator.Generator'] },
  parse(state, ctx) {
    const content = state.get('content');
    if (!isJsonObject(content))
      throw ctx.error('A RandomGeneratorNode needs a `content` object.', 'content');
    const peeked = peekBitGeneratorName(content.get('bit_generator'));
    if (peeked !== undefined) checkBitGeneratorName(peeked, `${ctx.path}.content.bit_generator`);
    const bitGenerator = ctx.child(content.get('bit_generator'), 'content.bit_generator');
    return {
      children: [['bit_generator_state', { kind: 'node', node: bitGenerator }]],
      data: bitGenerator,
    };
  },
  construct(node, ctx) {
    checkGeneratorClass(node, ctx.path);
    return new Generator(checkBitGeneratorState(ctx.construct(node.data as InertNode), ctx.path));
  },
};
