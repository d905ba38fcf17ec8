import { SkopsError } from '@skops-ts/core';
import { expf } from './expf.js';

const f32 = Math.fround;

/** How an objective maps margins to predictions (XGBoost's `PredTransform`). */
export type TransformKind = 'identity' | 'sigmoid' | 'exp' | 'hinge' | 'softprob' | 'softmax';

/** How an objective maps a base score to a margin (XGBoost's `ProbToMargin`). */
export type BaseScoreKind = 'identity' | 'logit' | 'log';

interface ObjectiveRule {
  readonly transform: TransformKind;
  readonly baseScore: BaseScoreKind;
}

/** The objectives whose prediction transform is known, from XGBoost's src/objective. */
const RULES: Readonly<Record<string, ObjectiveRule>> = {
  'reg:squarederror': { transform: 'identity', baseScore: 'identity' },
  'reg:linear': { transform: 'identity', baseScore: 'identity' },
  'reg:squaredlogerror': { transform: 'identity', baseScore: 'identity' },
  'reg:pseudohubererror': { transform: 'identity', baseScore: 'identity' },
  'reg:absoluteerror': { transform: 'identity', baseScore: 'identity' },
  'reg:quantileerror': { transform: 'identity', baseScore: 'identity' },
  'reg:logistic': { transform: 'sigmoid', baseScore: 'logit' },
  'binary:logistic': { transform: 'sigmoid', baseScore: 'logit' },
  'binary:logitraw': { transform: 'identity', baseScore: 'identity' },
  'binary:hinge': { transform: 'hinge', baseScore: 'identity' },
  'count:poisson': { transform: 'exp', baseScore: 'log' },
  'reg:gamma': { transform: 'exp', baseScore: 'log' },
  'reg:tweedie': { transform: 'exp', baseScore: 'log' },
  'survival:cox': { transform: 'exp', baseScore: 'log' },
  'survival:aft': { transform: 'exp', baseScore: 'log' },
  'multi:softprob': { transform: 'softprob', baseScore: 'identity' },
  'multi:softmax': { transform: 'softmax', baseScore: 'identity' },
  'rank:pairwise': { transform: 'identity', baseScore: 'identity' },
  'rank:ndcg': { transform: 'identity', baseScore: 'identity' },
  'rank:map': { transform: 'identity', baseScore: 'identity' },
};

/** The transform rules of an objective, or an UNSUPPORTED_VALUE error naming the known ones. */
export function objectiveRule(name: string): ObjectiveRule {
  const rule = Object.prototype.hasOwnProperty.call(RULES, name) ? RULES[name] : undefined;
  if (!rule) {
    throw new SkopsError(
      'UNSUPPORTED_VALUE',
      `skops-ts cannot predict with the XGBoost objective "${name}". Known objectives: ${Object.keys(RULES).join(', ')}.`,
    );
  }
  return rule;
}

/** XGBoost's `common::Sigmoid(float)`: `1 / (expf(min(-x, 88.7)) + 1 + 1e-16)` in float32. */
export function sigmoid32(x: number): number {
  const e = expf(Math.min(-x, f32(88.7)));
  return f32(1 / f32(f32(e + 1) + f32(1e-16)));
}

/** `ProbToMargin` of the objective's base score, in float32 as XGBoost computes it. */
export function baseScoreToMargin(kind: BaseScoreKind, baseScore: number): number {
  switch (kind) {
    case 'identity':
      return f32(baseScore);
    case 'logit':
      return f32(-f32(Math.log(f32(f32(1 / baseScore) - 1))));
    case 'log':
      return f32(Math.log(baseScore));
  }
}

/** C's `fmaxf`: a NaN operand is ignored. */
function fmax(a: number, b: number): number {
  if (Number.isNaN(a)) return b;
  if (Number.isNaN(b)) return a;
  return Math.max(a, b);
}

/** XGBoost's `common::Softmax` over one row, in place: float32 exps, a double sum. */
export function softmaxRow(row: Float32Array): void {
  let wmax = row[0] as number;
  for (let i = 1; i < row.length; i++) wmax = fmax(row[i] as number, wmax);
  let wsum = 0;
  for (let i = 0; i < row.length; i++) {
    const e = expf(f32((row[i] as number) - wmax));
    row[i] = e;
    wsum += e;
  }
  const denom = f32(wsum);
  for (let i = 0; i < row.length; i++) row[i] = f32((row[i] as number) / denom);
}

/** Applies an element-wise transform in place. */
export function transformElementwise(
  kind: 'identity' | 'sigmoid' | 'exp' | 'hinge',
  values: Float32Array,
): void {
  if (kind === 'identity') return;
  for (let i = 0; i < values.length; i++) {
    const x = values[i] as number;
    values[i] = kind === 'sigmoid' ? sigmoid32(x) : kind === 'exp' ? expf(x) : x > 0 ? 1 : 0;
  }
}
