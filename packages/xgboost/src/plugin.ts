import type { SkopsPlugin } from '@skops-ts/core';
import { boosterReviver, sklearnReviver } from './revive/revivers.js';

/**
 * The XGBoost plugin: revives `xgboost.core.Booster` and the `xgboost.sklearn`
 * estimators into values that predict. It trusts nothing: as in Python skops,
 * XGBoost types must be passed in `trusted` explicitly.
 */
export const xgboostPlugin: SkopsPlugin = {
  name: '@skops-ts/xgboost',
  revivers: [boosterReviver, sklearnReviver],
};
