import type { SkopsPlugin } from '@skops-ts/core';
import { numpyPlugin } from '@skops-ts/numpy';
import { scipyPlugin } from '@skops-ts/scipy';
import { sklearnPlugin } from '@skops-ts/sklearn';
import { xgboostPlugin } from '@skops-ts/xgboost';

/** Every official plugin, registered for all commands: the CLI reads any file the official packages understand. */
export const OFFICIAL_PLUGINS: readonly SkopsPlugin[] = Object.freeze([
  numpyPlugin,
  scipyPlugin,
  sklearnPlugin,
  xgboostPlugin,
]);
