import type { JsonValue } from '../json/types.js';
import type { NodeHandler } from '../plugin/types.js';
import { jsonToPython } from '../tree/json-to-python.js';
import { PySlice } from '../values/py-slice.js';
import { objectAt } from './shared.js';

/** A slice whose start, stop and step are raw JSON values (not nodes). Always safe, as in Python. */
export const sliceNode: NodeHandler = {
  loader: 'SliceNode',
  defaultTrusted: { names: ['builtins.slice'] },
  audit: { kind: 'never' },
  parse(state, ctx) {
    const content = objectAt(state, 'content', ctx);
    const bounds = ['start', 'stop', 'step'].map((k) => {
      if (!content.has(k)) throw ctx.error(`A slice needs "${k}".`, `content.${k}`);
      return content.get(k) as JsonValue;
    });
    return {
      children: [
        ['start', { kind: 'data' }],
        ['stop', { kind: 'data' }],
        ['step', { kind: 'data' }],
      ],
      data: bounds,
    };
  },
  construct(node) {
    const [start, stop, step] = (node.data as JsonValue[]).map(jsonToPython);
    return new PySlice(start, stop, step);
  },
};
