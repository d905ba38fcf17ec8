import { PyDict, PyObject } from '@skops-ts/core';
import { validateBinMapper } from './bin-mapper.js';
import { dictKeyPath, invalid, kindOf } from './checks.js';
import { validateTreePredictor } from './hist-predictor.js';

const WHAT = 'histogram gradient boosting model';

/**
 * Cross-checks a fitted HistGradientBoostingClassifier / Regressor: every
 * split of every predictor must name a feature the bin mapper knows, and a
 * categorical split a categorical feature (scikit-learn indexes its per-feature
 * maps and known-category bitsets with them). Unfitted estimators pass.
 */
export function validateHistGradientBoosting(state: unknown, path: string): void {
  if (!PyDict.is(state)) return;
  const predictors = state.get('_predictors');
  const binMapper = state.get('_bin_mapper');
  if (predictors === undefined) return;
  const binMapperPath = dictKeyPath(path, '_bin_mapper');
  // Fitting sets both: predictors without a fitted bin mapper would escape the feature checks.
  const mapper = PyObject.is(binMapper)
    ? validateBinMapper(binMapper.state, binMapperPath)
    : undefined;
  if (mapper === undefined) {
    throw invalid(
      `A fitted model with _predictors needs a fitted _bin_mapper, got ${kindOf(binMapper)}.`,
      WHAT,
      binMapperPath,
    );
  }
  const predictorsPath = dictKeyPath(path, '_predictors');
  if (!Array.isArray(predictors))
    throw invalid(
      `_predictors must be a list of lists of TreePredictor, got ${kindOf(predictors)}.`,
      WHAT,
      predictorsPath,
    );
  predictors.forEach((iteration, i) => {
    const iterationPath = `${predictorsPath}.content[${i}]`;
    if (!Array.isArray(iteration))
      throw invalid(
        `_predictors[${i}] must be a list of TreePredictor, got ${kindOf(iteration)}.`,
        WHAT,
        iterationPath,
      );
    iteration.forEach((predictor, k) => {
      const predictorPath = `${iterationPath}.content[${k}]`;
      if (!PyObject.is(predictor) || predictor.name !== 'TreePredictor') {
        throw invalid(
          `_predictors[${i}][${k}] must be a TreePredictor, got ${kindOf(predictor)}.`,
          WHAT,
          predictorPath,
        );
      }
      for (const split of validateTreePredictor(predictor.state, predictorPath).splits) {
        if (split.feature >= mapper.nFeatures) {
          throw invalid(
            `Node ${split.node} of _predictors[${i}][${k}] splits on feature ${split.feature}, but the bin mapper has ${mapper.nFeatures} features.`,
            WHAT,
            predictorPath,
          );
        }
        if (split.categorical && mapper.isCategorical?.[split.feature] !== 1) {
          throw invalid(
            `Node ${split.node} of _predictors[${i}][${k}] is a categorical split on feature ${split.feature}, which the bin mapper does not mark categorical.`,
            WHAT,
            predictorPath,
          );
        }
      }
    });
  });
}
