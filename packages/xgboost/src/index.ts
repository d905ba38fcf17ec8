/**
 * XGBoost support for skops-ts: decodes the booster bytes inside skops files
 * (UBJSON or JSON), predicts exactly as XGBoost does (float32 arithmetic),
 * and writes XGBoost's JSON model format.
 *
 * @packageDocumentation
 */

/** The plugin to pass to `loads` / `dumps` / `describe`; adds no trusted types. */
export { xgboostPlugin } from './plugin.js';

/** A decoded XGBoost model with `predict` and `toJSON`; and its option and result types. */
export {
  Booster,
  type PredictOptions,
  type Prediction,
  type BoosterReadOptions,
} from './model/booster.js';

/** A loaded `xgboost.core.Booster` (a PyObject) with its decoded `booster`; `boosterOf` decodes any Booster value. */
export { BoosterObject, boosterOf, BOOSTER_CLASS } from './revive/booster-object.js';

/** A loaded `xgboost.sklearn` estimator (a PyObject) with `predict` / `predictProba`. */
export {
  SklearnModelObject,
  SKLEARN_CLASSES,
  type LabelPrediction,
} from './sklearn/sklearn-model.js';

/** The plugin's revivers, for composing custom plugins. */
export { boosterReviver, sklearnReviver } from './revive/revivers.js';

/** Input features of `predict`: rows (`null` = missing) or a dense matrix with its shape. */
export type { FeatureMatrix, DenseMatrix } from './predict/matrix.js';

/** One tree and the gradient boosters of a decoded model. */
export type { XgbTree } from './model/tree.js';
export type {
  XgbGradientBooster,
  XgbTreeEnsemble,
  XgbLinearModel,
} from './model/gradient-booster.js';
export type { LearnerModelParam } from './model/learner-param.js';

/** Decoding of booster bytes to XGBoost's `{Config, Model}` document. */
export { decodeBoosterBytes, type BoosterSnapshot, type HandleFormat } from './model/handle.js';

/** A Universal Binary JSON decoder (XGBoost's dialect and the rest of draft 12), bounded and typed. */
export { decodeUbjson, type UbjsonOptions } from './ubjson/reader.js';

/** XGBoost's JSON document model and its text form. */
export { decodeXgbJsonText } from './json/text-reader.js';
export { encodeXgbJsonText } from './json/text-writer.js';
export {
  isXgbObject,
  isXgbTypedArray,
  type XgbJson,
  type XgbJsonObject,
  type XgbTypedArray,
} from './json/xgb-json.js';
/** Recognisers that convert XGBoost's pickled Booster. */
export { xgboostRecognisers } from './pickle/recognisers.js';
