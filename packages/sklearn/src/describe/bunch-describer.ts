import { PyDict, type Describer, type Description } from '@skops-ts/core';
import { compareSklearnVersions } from '../trust/sklearn-version.js';

const BUNCH = 'sklearn.utils._bunch.Bunch';

/**
 * skops loads a `Bunch` by calling its constructor, which on scikit-learn
 * 1.3 and later gives every instance an empty `_deprecated_key_to_warnings`
 * attribute, so its `__getstate__` (rule 27.3) is that dict, not None, and
 * the description then carries no `items`.
 */
export const bunchDescriber: Describer = {
  name: 'sklearn Bunch',
  test: (v) => PyDict.is(v) && v.className === BUNCH,
  describe: (v, ctx): Description => {
    if (ctx.env && compareSklearnVersions(ctx.env.sklearn, '1.3') >= 0) {
      const warnings: Description = [{ str: '_deprecated_key_to_warnings' }, { dict: [] }];
      return { object: BUNCH, state: { dict: [warnings] } };
    }
    const items: Description[] = [...(v as PyDict).entries()].map(([k, x]) => [
      ctx.describe(k),
      ctx.describe(x),
    ]);
    return { object: BUNCH, state: null, items };
  },
};
