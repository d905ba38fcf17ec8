import {
  SkopsError,
  isJsonObject,
  type ConstructContext,
  type InertNode,
  type NodeHandler,
} from '@skops-ts/core';
import { NDArray } from '../array/ndarray.js';
import { MaskedArray } from '../values/masked-array.js';
import { NpScalar } from '../values/np-scalar.js';
import { NDObjectArray } from '../values/object-array.js';

const MODULES: ReadonlySet<string> = new Set(['numpy.ma.core', 'numpy.ma']);

function asArray(value: unknown, what: string, ctx: ConstructContext): NDArray {
  if (NDArray.is(value)) return value;
  if (NpScalar.is(value)) return value.array;
  throw new SkopsError('INVALID_DATA', `A masked array's ${what} must be a numpy array.`, {
    path: ctx.path,
  });
}

/** MaskedArrayNode: `numpy.ma.MaskedArray(data, mask)`. */
export const maskedArrayNodeHandler: NodeHandler = {
  loader: 'MaskedArrayNode',
  protocols: [0, 1, 2],
  defaultTrusted: { groups: ['numpy.maskedArray'] },
  parse(state, ctx) {
    const content = state.get('content');
    if (!isJsonObject(content))
      throw ctx.error('A MaskedArrayNode needs a `content` object.', 'content');
    const data = ctx.child(content.get('data'), 'content.data');
    const mask = ctx.child(content.get('mask'), 'content.mask');
    return {
      children: [
        ['data', { kind: 'node', node: data }],
        ['mask', { kind: 'node', node: mask }],
      ],
      data: { data, mask },
    };
  },
  construct(node, ctx) {
    if (node.className !== 'MaskedArray' || !MODULES.has(node.module)) {
      throw new SkopsError(
        'UNSUPPORTED_VALUE',
        `Cannot build ${node.module}.${node.className} as a masked array.`,
        {
          path: ctx.path,
        },
      );
    }
    const parts = node.data as { data: InertNode; mask: InertNode };
    const rawData = ctx.construct(parts.data);
    const data = NDObjectArray.is(rawData) ? rawData : asArray(rawData, 'data', ctx);
    const mask = asArray(ctx.construct(parts.mask), 'mask', ctx);
    try {
      return new MaskedArray(data, mask, node.module);
    } catch (error) {
      if (SkopsError.isInstance(error))
        throw new SkopsError(error.code, error.message, { path: ctx.path, cause: error });
      throw error;
    }
  },
};
