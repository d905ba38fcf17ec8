import { parseJson } from '../json/parse.js';
import type { NodeHandler } from '../plugin/types.js';
import { jsonToPython } from '../tree/json-to-python.js';

/** A primitive stored as JSON text in Python's dialect (`NaN`, big ints, `1.0` vs `1`). Always safe. */
export const jsonNode: NodeHandler = {
  loader: 'JsonNode',
  defaultTrusted: { groups: ['python.primitives'] },
  audit: { kind: 'never' },
  showChildren: false,
  parse(state, ctx) {
    const content = state.get('content');
    if (typeof content !== 'string')
      throw ctx.error('JsonNode content must be a string of JSON text.', 'content');
    return { data: content };
  },
  construct(node, ctx) {
    return jsonToPython(
      parseJson(node.data as string, { allowNonFinite: true, maxDepth: ctx.limits.maxDepth }),
    );
  },
  format(node) {
    return `json-type(${node.data as string})`;
  },
};
