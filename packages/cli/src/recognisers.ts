import type { PickleRecogniser } from '@skops-ts/pickle';
import { numpyRecognisers } from '@skops-ts/numpy';
import { scipyRecognisers } from '@skops-ts/scipy';
import { sklearnRecognisers } from '@skops-ts/sklearn';
import { xgboostRecognisers } from '@skops-ts/xgboost';

/** Every official plugin's pickle recognisers: convert and scan accept what the official packages can store. */
export const OFFICIAL_RECOGNISERS: readonly PickleRecogniser[] = Object.freeze([
  ...numpyRecognisers,
  ...scipyRecognisers,
  ...sklearnRecognisers,
  ...xgboostRecognisers,
]);
