import { describe, expect, it } from 'vitest';
import { PyByteArray, PyDict } from '@skops-ts/core';
import { Booster, BoosterObject, SklearnModelObject } from '@skops-ts/xgboost';
import {
  asOracle,
  fromBase64,
  oracleUnavailable,
  runOracle,
  type OracleArray,
} from './python-oracle.js';

const unavailable = oracleUnavailable();
const sklearnUnavailable = oracleUnavailable(true);
if (unavailable) console.warn(`SKIPPED XGBoost interop tests: ${unavailable}`);
else if (sklearnUnavailable)
  console.warn(`SKIPPED XGBoost sklearn-wrapper interop tests: ${sklearnUnavailable}`);

interface TrainResult {
  handle: string;
  X: (number | null)[][];
  outputs: Record<string, OracleArray>;
}

const OBJECTIVES: {
  name: string;
  params: Record<string, unknown>;
  categorical?: boolean;
  rounds?: number;
}[] = [
  { name: 'reg:squarederror', params: { objective: 'reg:squarederror', max_depth: 4, eta: 0.3 } },
  {
    name: 'reg:squarederror with base_score 7.25',
    params: { objective: 'reg:squarederror', base_score: 7.25 },
  },
  { name: 'reg:pseudohubererror', params: { objective: 'reg:pseudohubererror' } },
  { name: 'reg:absoluteerror', params: { objective: 'reg:absoluteerror' } },
  { name: 'reg:logistic', params: { objective: 'reg:logistic' } },
  { name: 'binary:logistic', params: { objective: 'binary:logistic', max_depth: 3 } },
  {
    name: 'binary:logistic with base_score 0.3',
    params: { objective: 'binary:logistic', base_score: 0.3 },
  },
  { name: 'binary:logitraw', params: { objective: 'binary:logitraw' } },
  { name: 'binary:hinge', params: { objective: 'binary:hinge' } },
  { name: 'multi:softprob', params: { objective: 'multi:softprob', num_class: 4, max_depth: 3 } },
  { name: 'multi:softmax', params: { objective: 'multi:softmax', num_class: 3 } },
  {
    name: 'multi:softprob with 3 parallel trees',
    params: { objective: 'multi:softprob', num_class: 3, num_parallel_tree: 3, subsample: 0.8 },
  },
  { name: 'rank:pairwise', params: { objective: 'rank:pairwise' } },
  { name: 'rank:ndcg', params: { objective: 'rank:ndcg' } },
  { name: 'count:poisson', params: { objective: 'count:poisson' } },
  { name: 'reg:tweedie', params: { objective: 'reg:tweedie', tweedie_variance_power: 1.3 } },
  { name: 'reg:gamma', params: { objective: 'reg:gamma' } },
  { name: 'survival:cox', params: { objective: 'survival:cox' } },
  {
    name: 'dart binary:logistic',
    params: { objective: 'binary:logistic', booster: 'dart', rate_drop: 0.3, seed: 3 },
  },
  {
    name: 'dart multi:softprob',
    params: { objective: 'multi:softprob', num_class: 3, booster: 'dart', rate_drop: 0.2 },
  },
  {
    name: 'gblinear reg:squarederror',
    params: { objective: 'reg:squarederror', booster: 'gblinear' },
  },
  {
    name: 'gblinear multi:softprob',
    params: { objective: 'multi:softprob', num_class: 3, booster: 'gblinear' },
  },
  {
    name: 'categorical splits (hist)',
    params: { objective: 'reg:squarederror', tree_method: 'hist', max_cat_to_onehot: 1 },
    categorical: true,
  },
  {
    name: 'categorical one-hot splits',
    params: { objective: 'binary:logistic', tree_method: 'hist', max_cat_to_onehot: 64 },
    categorical: true,
  },
  {
    name: 'exact tree method, deep trees',
    params: { objective: 'reg:squarederror', tree_method: 'exact', max_depth: 8 },
    rounds: 10,
  },
];

function rangeOf(key: string): [number, number] {
  const [a, b] = (key.split('@')[1] as string).split(':').map(Number);
  return [a as number, b as number];
}

describe.skipIf(unavailable !== undefined)(
  'agreement with python3-xgboost on freshly trained models',
  () => {
    const answer = unavailable
      ? undefined
      : runOracle<TrainResult>({
          seed: 7,
          items: OBJECTIVES.map((o) => ({ mode: 'train', ...o })),
        });
    const boosters = answer?.results.map((r) => Booster.fromBytes(fromBase64(r.handle))) ?? [];
    const reloaded = answer
      ? runOracle<Record<string, OracleArray>>({
          items: boosters.map((b, i) => ({
            mode: 'json',
            json: b.toJSON(),
            X: answer.results[i]?.X,
          })),
        })
      : undefined;

    OBJECTIVES.forEach((objective, i) => {
      it(`predicts ${objective.name} values and margins exactly as XGBoost ${answer?.version ?? ''}, for all and partial iteration ranges`, () => {
        const result = answer?.results[i] as TrainResult;
        const booster = Booster.fromBytes(fromBase64(result.handle));
        for (const [key, [values, shape]] of Object.entries(result.outputs)) {
          const ours = booster.predict(result.X, {
            outputMargin: key.startsWith('margin'),
            iterationRange: rangeOf(key),
          });
          expect(ours.shape, key).toEqual(shape);
          expect(asOracle(ours.data), key).toEqual(values);
        }
      });

      it(`writes ${objective.name} as XGBoost JSON that XGBoost loads and predicts identically`, () => {
        const result = answer?.results[i] as TrainResult;
        const booster = boosters[i] as Booster;
        const [values] = (reloaded?.results[i] as Record<string, OracleArray>)[
          'value@0:0'
        ] as OracleArray;
        expect(asOracle(booster.predict(result.X).data)).toEqual(values);
        expect(Booster.fromBytes(booster.toJSONBytes()).toJSON()).toBe(booster.toJSON());
      });
    });
  },
);

interface SklearnResult {
  handle: string;
  best_iteration: number | null;
  wrapper: {
    objective: string | null;
    n_classes_: number | null;
    booster: string | null;
    predictor: string | null;
  };
  X: (number | null)[][];
  outputs: Record<string, OracleArray>;
}

/**
 * `probaRelTol`: predict_proba of a multi:softmax classifier is scipy.special.softmax over
 * float32 margins, whose numpy `exp` is a SIMD routine we do not reproduce bit for bit.
 */
const WRAPPERS: {
  name: string;
  kind: 'classifier' | 'regressor';
  classes?: number;
  params?: Record<string, unknown>;
  probaRelTol?: number;
}[] = [
  { name: 'XGBClassifier binary', kind: 'classifier', classes: 2 },
  { name: 'XGBClassifier 3 classes', kind: 'classifier', classes: 3 },
  {
    name: 'XGBClassifier multi:softmax',
    kind: 'classifier',
    classes: 3,
    params: { objective: 'multi:softmax' },
    probaRelTol: 4e-7,
  },
  {
    name: 'XGBClassifier dart binary',
    kind: 'classifier',
    classes: 2,
    params: { booster: 'dart', rate_drop: 0.3 },
  },
  { name: 'XGBRegressor', kind: 'regressor' },
  { name: 'XGBRegressor dart', kind: 'regressor', params: { booster: 'dart', rate_drop: 0.4 } },
  { name: 'XGBRegressor gblinear', kind: 'regressor', params: { booster: 'gblinear' } },
];

function wrapperObject(
  kind: 'classifier' | 'regressor',
  result: SklearnResult,
): SklearnModelObject {
  const boosterState = new PyDict<unknown>([
    ['handle', new PyByteArray(fromBase64(result.handle))],
  ]);
  if (result.best_iteration !== null)
    boosterState.set('best_iteration', BigInt(result.best_iteration));
  const state = new PyDict<unknown>([
    ['objective', result.wrapper.objective],
    ['booster', result.wrapper.booster],
    ['predictor', result.wrapper.predictor],
    ['_Booster', new BoosterObject('xgboost.core', 'Booster', boosterState)],
  ]);
  if (result.wrapper.n_classes_ !== null)
    state.set('n_classes_', BigInt(result.wrapper.n_classes_));
  return new SklearnModelObject(
    'xgboost.sklearn',
    kind === 'classifier' ? 'XGBClassifier' : 'XGBRegressor',
    state,
  );
}

describe.skipIf(sklearnUnavailable !== undefined)(
  'agreement with the xgboost.sklearn wrappers',
  () => {
    const answer = sklearnUnavailable
      ? undefined
      : runOracle<SklearnResult>({
          seed: 11,
          items: WRAPPERS.map((w) => ({ mode: 'sklearn', ...w })),
        });

    WRAPPERS.forEach((wrapper, i) => {
      const how = wrapper.probaRelTol
        ? ` (predict_proba within ${wrapper.probaRelTol} relative)`
        : '';
      it(`${wrapper.name}: predict${wrapper.kind === 'classifier' ? ' and predict_proba' : ''} equal XGBoost's${how}`, () => {
        const result = answer?.results[i] as SklearnResult;
        const model = wrapperObject(wrapper.kind, result);
        const [predicted, predictedShape] = result.outputs.predict as OracleArray;
        const ours = model.predict(result.X);
        expect(ours.shape).toEqual(predictedShape);
        expect(asOracle(ours.data)).toEqual(predicted);
        if (wrapper.kind === 'classifier') {
          const [proba, probaShape] = result.outputs.predict_proba as OracleArray;
          const oursProba = model.predictProba(result.X);
          expect(oursProba.shape).toEqual(probaShape);
          const tol = wrapper.probaRelTol;
          if (tol === undefined) expect(asOracle(oursProba.data)).toEqual(proba);
          else
            oursProba.data.forEach((v, k) =>
              expect(Math.abs(v - (proba[k] as number))).toBeLessThanOrEqual(
                tol * Math.abs(proba[k] as number),
              ),
            );
        }
      });
    });
  },
);
