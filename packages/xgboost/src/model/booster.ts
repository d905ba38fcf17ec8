import { SkopsError } from '@skops-ts/core';
import { ModelReader } from '../json/access.js';
import { encodeXgbJsonText } from '../json/text-writer.js';
import type { XgbJsonObject } from '../json/xgb-json.js';
import { decodeBoosterBytes, type HandleFormat } from './handle.js';
import { readLearnerModelParam, type LearnerModelParam } from './learner-param.js';
import { readGradientBooster, type XgbGradientBooster } from './gradient-booster.js';
import { baseScoreToMargin, objectiveRule, softmaxRow, transformElementwise } from './objective.js';
import { toFloat32Matrix, type FeatureMatrix } from '../predict/matrix.js';
import { addTreeMargins, type DartMode } from '../predict/tree-margins.js';
import { linearMargins } from '../predict/linear-margins.js';

const BRAND = Symbol.for('skops-ts/xgboost/Booster');

/** Options of {@link Booster.predict}. */
export interface PredictOptions {
  /** Return raw margins, before the objective's transform (XGBoost's `output_margin`). */
  readonly outputMargin?: boolean;
  /**
   * Boosting rounds `[begin, end)` to use (XGBoost's `iteration_range`);
   * `end` 0 means all rounds. Ignored by `gblinear`.
   */
  readonly iterationRange?: readonly [number, number];
}

/** @internal How the sklearn wrappers predict (inplace_predict). */
export interface InternalPredictOptions extends PredictOptions {
  readonly dartMode?: DartMode;
}

/**
 * A prediction as XGBoost returns it: float32 values, row-major, with the
 * numpy shape (`[rows]`, or `[rows, groups]` for multi-class probabilities
 * and multi-output margins).
 */
export interface Prediction {
  readonly data: Float32Array;
  readonly shape: readonly number[];
}

/** Options of {@link Booster.fromBytes}. */
export interface BoosterReadOptions {
  /** Nesting depth limit of the UBJSON / JSON document (default 1000). */
  readonly maxDepth?: number;
}

/**
 * An XGBoost model decoded from a booster's bytes (the `handle` of a pickled
 * `xgboost.core.Booster`, or a `save_model` file). It predicts with XGBoost's
 * own float32 arithmetic and can be written back as XGBoost's JSON model.
 */
export class Booster {
  readonly [BRAND] = true;
  /** How the bytes were encoded. */
  readonly format: HandleFormat;
  /** `version` of the model document: `[major, minor, patch]` of the XGBoost that wrote it. */
  readonly version: readonly [number, number, number];
  /** The objective name, e.g. `binary:logistic`. */
  readonly objective: string;
  /** The whole `learner.objective` object (name plus its parameter objects). */
  readonly objectiveConfig: XgbJsonObject;
  readonly learnerModelParam: LearnerModelParam;
  /** Number of outputs per row: classes, targets, or 1. */
  readonly numGroup: number;
  readonly featureNames: readonly string[];
  readonly featureTypes: readonly string[];
  /** `learner.attributes` (`best_iteration`, `best_score`, …). */
  readonly attributes: ReadonlyMap<string, string>;
  readonly gradientBooster: XgbGradientBooster;
  /** The `Model` document as decoded. */
  readonly document: XgbJsonObject;
  /** The `Config` document, when the bytes held one (pickles do, model files do not). */
  readonly config: XgbJsonObject | undefined;

  private constructor(
    format: HandleFormat,
    document: XgbJsonObject,
    config: XgbJsonObject | undefined,
  ) {
    this.format = format;
    this.document = document;
    this.config = config;
    const root = new ModelReader(document, '$');
    this.version = readVersion(root);
    const learner = root.child('learner');
    const objective = learner.child('objective');
    this.objective = objective.string('name');
    this.objectiveConfig = objective.object;
    this.learnerModelParam = readLearnerModelParam(learner.child('learner_model_param'));
    const { numClass, numTarget, numFeature, baseScore } = this.learnerModelParam;
    if (numClass > 1 && numTarget > 1) {
      throw new SkopsError(
        'INVALID_DATA',
        `Malformed XGBoost model: num_class ${numClass} and num_target ${numTarget} are both above 1.`,
      );
    }
    this.numGroup = Math.max(numClass, numTarget, 1);
    if (baseScore.length !== 1 && baseScore.length !== this.numGroup) {
      throw new SkopsError(
        'INVALID_DATA',
        `Malformed XGBoost model: base_score has ${baseScore.length} values for ${this.numGroup} outputs.`,
      );
    }
    this.featureNames = readStrings(learner, 'feature_names');
    this.featureTypes = readStrings(learner, 'feature_types');
    const attributes = new Map<string, string>();
    const jsonAttributes = learner.optionalChild('attributes');
    if (jsonAttributes)
      for (const key of jsonAttributes.object.keys())
        attributes.set(key, jsonAttributes.string(key));
    this.attributes = attributes;
    this.gradientBooster = readGradientBooster(
      learner.child('gradient_booster'),
      this.numGroup,
      numFeature,
    );
  }

  /**
   * Decodes booster bytes: UBJSON or JSON text, either a pickle snapshot
   * (`{"Config", "Model"}`) or a saved model. Malformed bytes give an
   * INVALID_DATA error; the legacy binary formats UNSUPPORTED_VALUE.
   */
  static fromBytes(bytes: Uint8Array, options: BoosterReadOptions = {}): Booster {
    const snapshot = decodeBoosterBytes(bytes, options);
    return new Booster(snapshot.format, snapshot.model, snapshot.config);
  }

  static is(value: unknown): value is Booster {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[BRAND] === true
    );
  }

  get numFeature(): number {
    return this.learnerModelParam.numFeature;
  }

  get numClass(): number {
    return this.learnerModelParam.numClass;
  }

  /** The `best_iteration` attribute set by early stopping (and by `xgb.train` in 1.4–1.7), if any. */
  get bestIteration(): number | undefined {
    const text = this.attributes.get('best_iteration');
    return text !== undefined && /^[0-9]+$/.test(text) ? Number(text) : undefined;
  }

  /** Number of boosting rounds (XGBoost's `num_boosted_rounds()`). */
  get numBoostedRounds(): number {
    const gb = this.gradientBooster;
    return gb.kind === 'gblinear' ? gb.boostedRounds : gb.iterationIndptr.length - 1;
  }

  /** The base margin of each output: `ProbToMargin(base_score)` in float32. */
  baseMargin(): Float32Array {
    const { baseScore } = this.learnerModelParam;
    const kind = objectiveRule(this.objective).baseScore;
    const out = new Float32Array(this.numGroup);
    for (let g = 0; g < out.length; g++)
      out[g] = baseScoreToMargin(
        kind,
        (baseScore.length === 1 ? baseScore[0] : baseScore[g]) as number,
      );
    return out;
  }

  /**
   * Predicts like `booster.predict(xgboost.DMatrix(X))`: float32 margins summed
   * tree by tree from the base margin, then the objective's transform
   * (sigmoid, exp, softmax, …) unless `outputMargin`.
   */
  predict(x: FeatureMatrix, options: PredictOptions = {}): Prediction {
    return this.predictWith(x, options);
  }

  /** @internal */
  predictWith(x: FeatureMatrix, options: InternalPredictOptions): Prediction {
    const rule = objectiveRule(this.objective);
    const matrix = toFloat32Matrix(x, this.numFeature);
    const numGroup = this.numGroup;
    const baseMargin = this.baseMargin();
    const gb = this.gradientBooster;
    let margins: Float32Array;
    if (gb.kind === 'gblinear') {
      margins = linearMargins(gb, matrix, numGroup, this.numFeature, baseMargin);
    } else {
      margins = new Float32Array(matrix.rows * numGroup);
      for (let r = 0; r < matrix.rows; r++) margins.set(baseMargin, r * numGroup);
      const [treeBegin, treeEnd] = this.treeRange(options.iterationRange);
      addTreeMargins(
        gb,
        matrix,
        numGroup,
        treeBegin,
        treeEnd,
        margins,
        baseMargin,
        options.dartMode ?? 'dmatrix',
      );
    }
    const shape = numGroup > 1 ? [matrix.rows, numGroup] : [matrix.rows];
    if (options.outputMargin) return { data: margins, shape };
    switch (rule.transform) {
      case 'softprob':
        for (let r = 0; r < matrix.rows; r++)
          softmaxRow(margins.subarray(r * numGroup, (r + 1) * numGroup));
        return { data: margins, shape };
      case 'softmax': {
        const classes = new Float32Array(matrix.rows);
        for (let r = 0; r < matrix.rows; r++) {
          let best = 0;
          for (let g = 1; g < numGroup; g++)
            if ((margins[r * numGroup + g] as number) > (margins[r * numGroup + best] as number))
              best = g;
          classes[r] = best;
        }
        return { data: classes, shape: [matrix.rows] };
      }
      default:
        transformElementwise(rule.transform, margins);
        return { data: margins, shape };
    }
  }

  /** Trees `[begin, end)` of boosting rounds `[begin, end)` (XGBoost's `LayerToTree`). */
  private treeRange(range: readonly [number, number] | undefined): [number, number] {
    const gb = this.gradientBooster;
    if (gb.kind === 'gblinear') return [0, 0];
    const rounds = gb.iterationIndptr.length - 1;
    const [begin, rawEnd] = range ?? [0, 0];
    const end = rawEnd === 0 ? rounds : rawEnd;
    if (!(
      Number.isInteger(begin) &&
      Number.isInteger(end) &&
      begin >= 0 &&
      begin <= end &&
      end <= rounds
    )) {
      throw new SkopsError(
        'INVALID_DATA',
        `iterationRange [${begin}, ${rawEnd}] is outside the model's ${rounds} boosting rounds.`,
      );
    }
    return [gb.iterationIndptr[begin] as number, gb.iterationIndptr[end] as number];
  }

  /**
   * XGBoost's JSON model, as `booster.save_model("model.json")` writes it
   * (the `Model` document, `{"learner": …, "version": […]}`): load it in
   * Python with `xgboost.Booster(model_file=…)` or `load_model(bytearray(…))`.
   * Note that `JSON.stringify(booster)` therefore gives this text as a JSON string.
   */
  toJSON(): string {
    return encodeXgbJsonText(this.document);
  }

  /** {@link Booster.toJSON} as UTF-8 bytes. */
  toJSONBytes(): Uint8Array {
    return new TextEncoder().encode(this.toJSON());
  }
}

function readVersion(root: ModelReader): [number, number, number] {
  const raw = root.optionalArray('version');
  if (!raw || raw.length < 3) return [0, 0, 0];
  const nums = Array.from(raw as ArrayLike<unknown>, (v) =>
    typeof v === 'bigint' ? Number(v) : typeof v === 'number' ? v : NaN,
  );
  if (!nums.slice(0, 3).every(Number.isSafeInteger)) return [0, 0, 0];
  return [nums[0] as number, nums[1] as number, nums[2] as number];
}

function readStrings(reader: ModelReader, key: string): string[] {
  const arr = reader.optionalArray(key);
  if (!arr) return [];
  return Array.from(arr as ArrayLike<unknown>, (v, i) => {
    if (typeof v !== 'string')
      throw new SkopsError(
        'INVALID_DATA',
        `Malformed XGBoost model at ${reader.path}.${key}[${i}]: expected a string.`,
      );
    return v;
  });
}
