import { SkopsError } from '../errors/skops-error.js';
import type { NodeHandler } from '../plugin/types.js';

/**
 * A reference to an earlier node by `__id__`. Never written by current skops
 * (shared objects are repeated in full); a CachedNode whose id was not seen
 * before it is refused. A seen id never reaches this handler: the tree
 * builder returns the memoised node first.
 */
export const cachedNode: NodeHandler = {
  loader: 'CachedNode',
  parse(state, ctx) {
    throw new SkopsError(
      'INVALID_SCHEMA',
      `CachedNode refers to __id__ ${JSON.stringify(state.get('__id__'))}, which no earlier node has.`,
      { path: ctx.path },
    );
  },
  construct() {
    throw new Error('unreachable: CachedNode never parses');
  },
};
