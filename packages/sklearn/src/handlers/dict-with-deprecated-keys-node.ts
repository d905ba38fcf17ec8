import { PyDict, SkopsError, isJsonObject, type NodeHandler } from '@skops-ts/core';
import { DictWithDeprecatedKeys } from '../values/dict-with-deprecated-keys.js';
import { childNode } from './reduce-children.js';

/**
 * `_DictWithDeprecatedKeysNode` (scikit-learn < 1.2, GraphicalLassoCV's
 * `cv_results_`): `content.main` (a dict) and
 * `content._deprecated_key_to_new_key`. Python's node trusts only a name
 * that never matches (`skops.io._sklearn._DictWithDeprecatedKeys`) and drops
 * the caller's list, so it can never load; here the class is reported like
 * any other and loads once the caller trusts it.
 */
export const dictWithDeprecatedKeysNodeHandler: NodeHandler = {
  loader: '_DictWithDeprecatedKeysNode',
  parse(state, ctx) {
    const content = state.get('content');
    if (!isJsonObject(content))
      throw ctx.error(
        '"content" must be an object with "main" and "_deprecated_key_to_new_key".',
        'content',
      );
    return {
      children: [
        ['main', { kind: 'node', node: ctx.child(content.get('main'), 'content.main') }],
        [
          '_deprecated_key_to_new_key',
          {
            kind: 'node',
            node: ctx.child(
              content.get('_deprecated_key_to_new_key'),
              'content._deprecated_key_to_new_key',
            ),
          },
        ],
      ],
    };
  },
  construct(node, ctx) {
    const main = ctx.construct(childNode(node, 'main'));
    if (!PyDict.is(main)) {
      throw new SkopsError(
        'INVALID_DATA',
        'The main part of a _DictWithDeprecatedKeys must be a dict.',
        { path: `${node.path}.content.main` },
      );
    }
    return new DictWithDeprecatedKeys(
      main,
      ctx.construct(childNode(node, '_deprecated_key_to_new_key')),
    );
  },
};
