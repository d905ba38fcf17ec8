import { PyDict, PyObject, SkopsError } from '@skops-ts/core';
import type { Booster, Prediction, PredictOptions } from '../model/booster.js';
import type { FeatureMatrix } from '../predict/matrix.js';
import { boosterOf } from '../revive/booster-object.js';

const BRAND = Symbol.for('skops-ts/xgboost/SklearnModel');
const f32 = Math.fround;

/** The scikit-learn wrapper classes of `xgboost.sklearn`. */
export const SKLEARN_CLASSES = [
  'xgboost.sklearn.XGBModel',
  'xgboost.sklearn.XGBClassifier',
  'xgboost.sklearn.XGBRegressor',
  'xgboost.sklearn.XGBRanker',
  'xgboost.sklearn.XGBRFClassifier',
  'xgboost.sklearn.XGBRFRegressor',
] as const;

const CLASSIFIERS = new Set(['xgboost.sklearn.XGBClassifier', 'xgboost.sklearn.XGBRFClassifier']);

/** Class indices (or 0/1 labels for multi-label models) with the numpy shape. */
export interface LabelPrediction {
  readonly data: Int32Array;
  readonly shape: readonly number[];
}

function stateDict(model: PyObject): PyDict {
  if (!PyDict.is(model.state))
    throw new SkopsError('INVALID_DATA', `The state of ${model.className} is not a dict.`);
  return model.state;
}

function stateInt(state: PyDict, key: string): number | undefined {
  const value = state.get(key);
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  return undefined;
}

function stateString(state: PyDict, key: string): string | undefined {
  const value = state.get(key);
  return typeof value === 'string' ? value : undefined;
}

/**
 * A loaded XGBoost scikit-learn estimator (`XGBClassifier`, `XGBRegressor`,
 * `XGBRanker`, …): still the PyObject Python skops gives, plus prediction
 * with the conventions of `xgboost.sklearn` 1.7 (best iteration, inplace
 * prediction, `predict_proba` with two columns for binary models).
 */
export class SklearnModelObject extends PyObject {
  readonly [BRAND] = true;

  static override is(value: unknown): value is SklearnModelObject {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[BRAND] === true
    );
  }

  /** The decoded booster of `_Booster`. */
  get booster(): Booster {
    const inner = stateDict(this).get('_Booster');
    if (inner === undefined || inner === null) {
      throw new SkopsError(
        'UNSUPPORTED_VALUE',
        `This ${this.className} has no _Booster: it was never fitted.`,
      );
    }
    return boosterOf(inner);
  }

  get isClassifier(): boolean {
    return CLASSIFIERS.has(this.className);
  }

  /**
   * `XGBModel.predict`: values (or margins) using rounds up to the best
   * iteration when one is recorded, as `inplace_predict` computes them.
   */
  predictValues(x: FeatureMatrix, options: PredictOptions = {}): Prediction {
    const state = stateDict(this);
    const booster = this.booster;
    const linear =
      stateString(state, 'booster') === 'gblinear' || booster.gradientBooster.kind === 'gblinear';
    let range = options.iterationRange;
    if (range === undefined || range[1] === 0) {
      const best = this.#bestIteration(booster);
      range = best === undefined ? [0, 0] : [0, best + 1];
    }
    if (linear) range = [0, 0];
    const predictor = stateString(state, 'predictor');
    const inplace = !linear && (predictor === undefined || predictor === 'auto');
    return booster.predictWith(x, {
      outputMargin: options.outputMargin,
      iterationRange: range,
      dartMode: inplace ? 'inplace' : 'dmatrix',
    });
  }

  /**
   * `predict`: for a classifier the class index of each row (argmax of the
   * probabilities, or probability > 0.5 for binary models); for other
   * estimators the predicted values.
   */
  predict(x: FeatureMatrix, options: PredictOptions = {}): LabelPrediction | Prediction {
    const values = this.predictValues(x, options);
    if (!this.isClassifier || options.outputMargin) return values;
    const state = stateDict(this);
    if (state.has('_le')) {
      throw new SkopsError(
        'UNSUPPORTED_VALUE',
        `This ${this.className} maps labels with a label encoder (_le, use_label_encoder=True of XGBoost < 1.6); ` +
          'use predictValues() / predictProba() and map the class indices with its classes_.',
      );
    }
    const [rows, cols] = [values.shape[0] as number, values.shape[1]];
    const nClasses = stateInt(state, 'n_classes_');
    if (cols !== undefined && nClasses !== 2) {
      const labels = new Int32Array(rows);
      for (let r = 0; r < rows; r++) {
        let best = 0;
        for (let c = 1; c < cols; c++)
          if ((values.data[r * cols + c] as number) > (values.data[r * cols + best] as number))
            best = c;
        labels[r] = best;
      }
      return { data: labels, shape: [rows] };
    }
    if (cols !== undefined && cols !== 1) {
      return { data: Int32Array.from(values.data, (p) => (p > 0.5 ? 1 : 0)), shape: values.shape };
    }
    if (this.#objective() === 'multi:softmax')
      return { data: Int32Array.from(values.data), shape: [rows] };
    return { data: Int32Array.from(values.data, (p) => (p > 0.5 ? 1 : 0)), shape: [rows] };
  }

  /**
   * `XGBClassifier.predict_proba`: one column per class; a binary model's
   * probability p becomes the two columns `[1 - p, p]` (float32).
   */
  predictProba(x: FeatureMatrix, options: Omit<PredictOptions, 'outputMargin'> = {}): Prediction {
    if (!this.isClassifier)
      throw new SkopsError('UNSUPPORTED_VALUE', `${this.className} has no predict_proba.`);
    const state = stateDict(this);
    if (this.#objective() === 'multi:softmax') {
      const margins = this.predictValues(x, { ...options, outputMargin: true });
      return scipySoftmaxRows(margins);
    }
    const probs = this.predictValues(x, options);
    const nClasses = stateInt(state, 'n_classes_') ?? 0;
    const cols = probs.shape[1];
    if (cols !== undefined && (cols === nClasses || (nClasses === 2 && cols >= nClasses)))
      return probs;
    const rows = probs.shape[0] as number;
    const out = new Float32Array(rows * 2);
    for (let r = 0; r < rows; r++) {
      const p = probs.data[r] as number;
      out[2 * r] = f32(1 - p);
      out[2 * r + 1] = p;
    }
    return { data: out, shape: [rows, 2] };
  }

  #objective(): string {
    return stateString(stateDict(this), 'objective') ?? this.booster.objective;
  }

  /** Python 1.7 reads the booster's `best_iteration` attribute (set by `xgb.train`); later versions the learner attribute. */
  #bestIteration(booster: Booster): number | undefined {
    const inner = stateDict(this).get('_Booster');
    if (PyObject.is(inner) && PyDict.is(inner.state)) {
      const best = stateInt(inner.state, 'best_iteration');
      if (best !== undefined) return best;
    }
    return booster.bestIteration;
  }
}

/**
 * `scipy.special.softmax(margins, axis=1)` on float32 rows. numpy's float32
 * `exp` is a SIMD routine that may differ from this one by an ulp.
 */
function scipySoftmaxRows(margins: Prediction): Prediction {
  const [rows, cols] = [margins.shape[0] as number, (margins.shape[1] ?? 1) as number];
  const out = new Float32Array(margins.data.length);
  for (let r = 0; r < rows; r++) {
    let max = -Infinity;
    for (let c = 0; c < cols; c++) max = Math.max(max, margins.data[r * cols + c] as number);
    let sum = 0;
    for (let c = 0; c < cols; c++) {
      const e = f32(Math.exp(f32((margins.data[r * cols + c] as number) - max)));
      out[r * cols + c] = e;
      sum = f32(sum + e);
    }
    for (let c = 0; c < cols; c++) out[r * cols + c] = f32((out[r * cols + c] as number) / sum);
  }
  return { data: out, shape: [rows, cols] };
}
