import type { NodeHandler } from '../plugin/types.js';
import { PyDict } from '../values/py-dict.js';
import { nodeChild, objectAt } from './shared.js';

/**
 * A Python dict. Keys are JSON strings in file order, turned back into their
 * types by the parallel `key_types` list (parsed first, as Python does).
 */
export const dictNode: NodeHandler = {
  loader: 'DictNode',
  defaultTrusted: { names: ['builtins.dict', 'collections.OrderedDict'] },
  parse(state, ctx) {
    const keyTypes = ctx.child(state.get('key_types'), 'key_types');
    const content = objectAt(state, 'content', ctx);
    return {
      children: [
        ['key_types', { kind: 'node', node: keyTypes }],
        [
          'content',
          {
            kind: 'map',
            entries: content.entries.map(
              ([k, v]) => [k, ctx.child(v, `content[${JSON.stringify(k)}]`)] as const,
            ),
          },
        ],
      ],
    };
  },
  construct(node, ctx) {
    const keyTypes = ctx.construct(nodeChild(node, 'key_types'));
    if (!Array.isArray(keyTypes)) throw ctx.error('key_types must be a list of types.');
    const dict = new PyDict([], node.module, node.className);
    const content = node.children.find(([k]) => k === 'content')?.[1];
    if (content?.kind !== 'map') throw ctx.error('DictNode has no content.');
    // Python zips key_types with the items, so the shorter list decides.
    const n = Math.min(keyTypes.length, content.entries.length);
    for (let i = 0; i < n; i++) {
      const [text, valueNode] = content.entries[i] as readonly [
        string,
        (typeof content.entries)[number][1],
      ];
      dict.set(ctx.convertKey(keyTypes[i], text), ctx.construct(valueNode));
    }
    return dict;
  },
};
