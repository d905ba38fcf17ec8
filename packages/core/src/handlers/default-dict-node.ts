import type { NodeHandler } from '../plugin/types.js';
import { PyDict } from '../values/py-dict.js';
import { nodeChild, objectAt } from './shared.js';

/** `collections.defaultdict`: a DictNode `main` and its `default_factory`. Its own trust ignores the caller's list, as in Python. */
export const defaultDictNode: NodeHandler = {
  loader: 'DefaultDictNode',
  defaultTrusted: { names: ['collections.defaultdict'] },
  ignoresCallerTrusted: true,
  parse(state, ctx) {
    const content = objectAt(state, 'content', ctx);
    return {
      children: [
        ['main', { kind: 'node', node: ctx.child(content.get('main'), 'content.main') }],
        [
          'default_factory',
          {
            kind: 'node',
            node: ctx.child(content.get('default_factory'), 'content.default_factory'),
          },
        ],
      ],
    };
  },
  construct(node, ctx) {
    const main = ctx.construct(nodeChild(node, 'main'));
    if (!PyDict.is(main)) throw ctx.error('A defaultdict needs a dict as its main content.');
    const dict = new PyDict(main.entries(), node.module, node.className);
    dict.defaultFactory = ctx.construct(nodeChild(node, 'default_factory'));
    return dict;
  },
};
