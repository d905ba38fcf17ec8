import type { PickleRecogniser } from '@skops-ts/pickle';
import { boosterRecogniser } from './booster-recogniser.js';

/** Recognisers of XGBoost's pickle forms: the Booster (its sklearn wrappers are plain objects). */
export const xgboostRecognisers: readonly PickleRecogniser[] = [boosterRecogniser];
