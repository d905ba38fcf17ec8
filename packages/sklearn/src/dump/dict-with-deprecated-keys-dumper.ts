import type { Dumper } from '@skops-ts/core';
import {
  DICT_WITH_DEPRECATED_KEYS,
  DictWithDeprecatedKeys,
} from '../values/dict-with-deprecated-keys.js';

/** `_DictWithDeprecatedKeys` as Python's `_DictWithDeprecatedKeys_get_state` writes it. */
export const dictWithDeprecatedKeysDumper: Dumper = {
  name: 'sklearn _DictWithDeprecatedKeys',
  test: (value) => DictWithDeprecatedKeys.is(value),
  dump(value, ctx) {
    const d = value as DictWithDeprecatedKeys;
    return {
      __class__: DICT_WITH_DEPRECATED_KEYS.name,
      __module__: DICT_WITH_DEPRECATED_KEYS.module,
      __loader__: '_DictWithDeprecatedKeysNode',
      content: {
        main: ctx.state(d.main),
        _deprecated_key_to_new_key: ctx.state(d.deprecatedKeyToNewKey),
      },
    };
  },
};
