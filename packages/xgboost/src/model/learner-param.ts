import { ModelReader, modelError } from '../json/access.js';

/** `learner.learner_model_param`: the model's shape and its intercept. */
export interface LearnerModelParam {
  /**
   * `base_score` as stored, in the objective's output space (a probability
   * for logistic objectives): one value, or one per output from XGBoost 3.
   */
  readonly baseScore: Float32Array;
  readonly numClass: number;
  readonly numFeature: number;
  readonly numTarget: number;
  readonly boostFromAverage: boolean;
}

const NUMBER =
  /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$|^[+-]?(?:inf|infinity|nan)$/i;

/** Parses `base_score`: `"5E-1"` (XGBoost 1.x–2.x) or `"[5E-1,2E-1]"` (XGBoost 3). */
export function parseBaseScore(text: string, path: string): Float32Array {
  const trimmed = text.trim();
  const inner = /^[[(].*[\])]$/s.test(trimmed) ? trimmed.slice(1, -1) : trimmed;
  const parts = inner.split(',').map((p) => p.trim());
  const out = new Float32Array(parts.length);
  parts.forEach((part, i) => {
    if (!NUMBER.test(part))
      throw modelError(
        path,
        `base_score "${text.slice(0, 60)}" is not a number or a list of numbers`,
      );
    out[i] = Number(
      part.replace(/^([+-]?)inf(inity)?$/i, '$1Infinity').replace(/^[+-]?nan$/i, 'NaN'),
    );
  });
  return out;
}

/** Reads `learner.learner_model_param` (all values are strings in XGBoost's JSON). */
export function readLearnerModelParam(reader: ModelReader): LearnerModelParam {
  const integerParam = (key: string, fallback: number): number => {
    if (!reader.has(key)) return fallback;
    const value = reader.raw(key);
    if (typeof value === 'string' && /^\s*[0-9]+\s*$/.test(value)) return Number(value);
    return reader.integer(key);
  };
  const baseScoreRaw = reader.raw('base_score');
  const baseScore =
    typeof baseScoreRaw === 'number'
      ? Float32Array.of(baseScoreRaw)
      : parseBaseScore(reader.string('base_score'), `${reader.path}.base_score`);
  return {
    baseScore,
    numClass: integerParam('num_class', 0),
    numFeature: integerParam('num_feature', 0),
    numTarget: Math.max(1, integerParam('num_target', 1)),
    boostFromAverage: integerParam('boost_from_average', 1) !== 0,
  };
}
