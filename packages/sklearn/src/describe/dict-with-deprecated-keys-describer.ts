import { PyDict, type Describer } from '@skops-ts/core';
import {
  DICT_WITH_DEPRECATED_KEYS,
  DictWithDeprecatedKeys,
} from '../values/dict-with-deprecated-keys.js';

/** Rule 27.3 for `_DictWithDeprecatedKeys`: a dict subclass whose `__getstate__` is its instance dict. */
export const dictWithDeprecatedKeysDescriber: Describer = {
  name: 'sklearn _DictWithDeprecatedKeys',
  test: (value) => DictWithDeprecatedKeys.is(value),
  describe(value, ctx) {
    const d = value as DictWithDeprecatedKeys;
    return {
      object: `${DICT_WITH_DEPRECATED_KEYS.module}.${DICT_WITH_DEPRECATED_KEYS.name}`,
      state: ctx.describe(new PyDict([['_deprecated_key_to_new_key', d.deprecatedKeyToNewKey]])),
    };
  },
};
