import { isJsonObject, type JsonObject, type NodeHandler } from '@skops-ts/core';
import { checkBitGeneratorName, checkBitGeneratorState } from '../random/bit-generators.js';
import { rawJsonToPython } from '../random/raw-json-state.js';
import { Generator } from '../values/generator.js';
import { checkGeneratorClass } from './random-generator-node.js';

/**
 * RandomGeneratorNode, protocol 0 (skops 0.3 - 0.5): the bit generator state
 * is raw JSON in schema.json, with 128-bit integers as bare numbers. Python
 * skops today fails on these files; they load here (the raw state is data,
 * never audited as nodes).
 */
export const randomGeneratorNodeV0Handler: NodeHandler = {
  loader: 'RandomGeneratorNode',
  protocols: [0],
  defaultTrusted: { names: ['numpy.random._generator.Generator'] },
  parse(state, ctx) {
    const content = state.get('content');
    if (!isJsonObject(content))
      throw ctx.error('A RandomGeneratorNode needs a `content` object.', 'content');
    const raw = content.get('bit_generator');
    if (!isJsonObject(raw))
      throw ctx.error(
        'The protocol-0 bit generator state must be an object.',
        'content.bit_generator',
      );
    checkBitGeneratorName(raw.get('bit_generator'), `${ctx.path}.content.bit_generator`);
    return { children: [['bit_generator_state', { kind: 'data' }]], data: raw };
  },
  construct(node, ctx) {
    checkGeneratorClass(node, ctx.path);
    const state = rawJsonToPython(node.data as JsonObject, `${ctx.path}.content.bit_generator`);
    return new Generator(checkBitGeneratorState(state, ctx.path));
  },
};
