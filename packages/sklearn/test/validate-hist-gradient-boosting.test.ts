import { describe, expect, it } from 'vitest';
import { PyDict, PyObject } from '@skops-ts/core';
import { NDArray } from '@skops-ts/numpy';
import { validateBinMapper, validateTreePredictor } from '@skops-ts/sklearn';
import { hasFixture } from './fixtures.js';
import {
  dictWith,
  fieldAt,
  fixturesNaming,
  loadCase,
  objectsOf,
  refusal,
  withField,
  type FixtureCase,
} from './validate-helpers.js';

const cases = await fixturesNaming(['TreePredictor']);
const STACKS: FixtureCase[] = ['skops', 'skops-modern']
  .filter((folder) => hasFixture(folder, 'sk_hist_gradient_boosting_clf_categorical'))
  .map((folder) => ({ folder, name: 'sk_hist_gradient_boosting_clf_categorical' }));

function stateOf(o: PyObject): PyDict {
  if (!PyDict.is(o.state)) throw new Error('not a dict state');
  return o.state;
}

function nodesOf(o: PyObject): NDArray {
  const nodes = stateOf(o).get('nodes');
  if (!NDArray.is(nodes)) throw new Error('no nodes');
  return nodes;
}

/** The loaded model, its predictors, and a function that saves the (edited) model and loads it again. */
async function edit(c: FixtureCase) {
  const { model, reload } = await loadCase(c);
  const predictors = objectsOf(model, ['TreePredictor']);
  const binMapper = objectsOf(model, ['_BinMapper'])[0];
  if (!binMapper) throw new Error('no bin mapper');
  return {
    model,
    predictors,
    binMapper,
    reload: () => reload(model),
    refused: () => refusal(reload(model)),
  };
}

/** The first predictor with a node that satisfies `test`, and that node. */
function findNode(
  predictors: readonly PyObject[],
  test: (nodes: NDArray, i: number) => boolean,
): { predictor: PyObject; node: number } {
  for (const predictor of predictors) {
    const nodes = nodesOf(predictor);
    for (let i = 0; i < nodes.size; i++) if (test(nodes, i)) return { predictor, node: i };
  }
  throw new Error('no such node in the fixture');
}

function setNodes(predictor: PyObject, nodes: NDArray): void {
  predictor.state = dictWith(stateOf(predictor), { nodes });
}

const isSplit = (nodes: NDArray, i: number) => fieldAt(nodes, i, 'is_leaf') === 0;
const isCategoricalSplit = (nodes: NDArray, i: number) =>
  isSplit(nodes, i) &&
  fieldAt(nodes, i, 'is_categorical') === 1 &&
  fieldAt(nodes, i, 'num_threshold') !== Infinity;

describe('HistGradientBoosting validation on the fixtures', () => {
  it('finds HistGradientBoosting fixtures in every stack', () => {
    expect(cases.length).toBeGreaterThanOrEqual(4);
  });

  for (const c of cases) {
    it(`loads ${c.folder}/${c.name} and every predictor and bin mapper in it passes the checks`, async () => {
      const { model } = await loadCase(c);
      const predictors = objectsOf(model, ['TreePredictor']);
      expect(predictors.length).toBeGreaterThan(0);
      for (const p of predictors) {
        const nodes = nodesOf(p);
        const summary = validateTreePredictor(p.state, '$');
        expect(summary.nodeCount).toBe(nodes.size);
        const splitNodes = (nodes.field('is_leaf').toArray() as number[]).flatMap((leaf, i) =>
          leaf ? [] : [i],
        );
        expect(summary.splits.map((s) => s.node)).toEqual(splitNodes);
      }
      for (const mapper of objectsOf(model, ['_BinMapper'])) {
        const summary = validateBinMapper(mapper.state, '$');
        const thresholds = (mapper.state as PyDict).get('bin_thresholds_') as unknown[];
        expect(summary?.nFeatures).toBe(thresholds.length);
      }
    });
  }
});

describe.each(STACKS)(
  'crafted HistGradientBoosting predictors of $folder are refused at load',
  (c) => {
    it('refuses a split whose child index is beyond the nodes', async () => {
      const { predictors, refused } = await edit(c);
      const { predictor, node } = findNode(predictors, isSplit);
      const nodes = nodesOf(predictor);
      setNodes(predictor, withField(nodes, node, 'left', nodes.size));
      const error = await refused();
      expect(error.code).toBe('INVALID_DATA');
      expect(error.message).toContain(
        `Node ${node} is a split whose child ${nodes.size} is outside`,
      );
      expect(error.path).toMatch(/_predictors.*\.content\.content\["nodes"\]$/);
    });

    it('refuses nodes that loop back to the root instead of hanging', async () => {
      const { predictors, refused } = await edit(c);
      const { predictor, node } = findNode(predictors, (nodes, i) => i > 0 && isSplit(nodes, i));
      setNodes(predictor, withField(nodesOf(predictor), node, 'right', 1));
      const error = await refused();
      expect(error.code).toBe('INVALID_DATA');
      expect(error.message).toMatch(/Node 1 is reached twice|child 1 is outside/);
    });

    it('refuses a split node whose children point to node 0 (a leaf turned into a split)', async () => {
      const { predictors, refused } = await edit(c);
      const { predictor, node } = findNode(predictors, (nodes, i) => !isSplit(nodes, i));
      setNodes(predictor, withField(nodesOf(predictor), node, 'is_leaf', 0));
      const error = await refused();
      expect(error.code).toBe('INVALID_DATA');
      expect(error.message).toContain(`Node ${node} is a split whose child 0 is outside`);
    });

    it('refuses nodes that the root does not reach', async () => {
      const { predictors, refused } = await edit(c);
      const { predictor } = findNode(predictors, (nodes, i) => i === 0 && isSplit(nodes, i));
      setNodes(predictor, withField(nodesOf(predictor), 0, 'is_leaf', 1));
      const error = await refused();
      expect(error.code).toBe('INVALID_DATA');
      expect(error.message).toMatch(/Node 1 is not reachable from node 0/);
    });

    it('refuses an is_leaf flag other than 0 or 1', async () => {
      const { predictors, refused } = await edit(c);
      const predictor = predictors[0] as PyObject;
      setNodes(predictor, withField(nodesOf(predictor), 0, 'is_leaf', 7));
      const error = await refused();
      expect(error.message).toContain('Node 0 has is_leaf 7');
    });

    it('refuses a categorical split whose bitset_idx is past the bitset rows', async () => {
      const { predictors, refused } = await edit(c);
      const { predictor, node } = findNode(predictors, isCategoricalSplit);
      const rows = (stateOf(predictor).get('raw_left_cat_bitsets') as NDArray).shape[0] as number;
      setNodes(predictor, withField(nodesOf(predictor), node, 'bitset_idx', rows));
      const error = await refused();
      expect(error.code).toBe('INVALID_DATA');
      expect(error.message).toContain(
        `Node ${node} is a categorical split with bitset_idx ${rows}, but the predictor has ${rows} bitset rows`,
      );
    });

    it('accepts a categorical split on the missing-values bin, which scikit-learn writes with bitset_idx 0', async () => {
      const { predictors, reload } = await edit(c);
      const { predictor, node } = findNode(predictors, isCategoricalSplit);
      const onMissing = withField(
        withField(nodesOf(predictor), node, 'num_threshold', Infinity),
        node,
        'bitset_idx',
        0,
      );
      setNodes(predictor, onMissing);
      const again = objectsOf(await reload(), ['TreePredictor']);
      expect(again.map((p) => nodesOf(p).size)).toEqual(predictors.map((p) => nodesOf(p).size));
      const reloaded = again[predictors.indexOf(predictor)] as PyObject;
      expect(fieldAt(nodesOf(reloaded), node, 'num_threshold')).toBe(Infinity);
      expect(fieldAt(nodesOf(reloaded), node, 'is_categorical')).toBe(1);
    });

    it('refuses a categorical split on the missing-values bin whose bitset_idx is past the rows', async () => {
      const { predictors, refused } = await edit(c);
      const { predictor, node } = findNode(predictors, isCategoricalSplit);
      const rows = (stateOf(predictor).get('raw_left_cat_bitsets') as NDArray).shape[0] as number;
      setNodes(
        predictor,
        withField(
          withField(nodesOf(predictor), node, 'num_threshold', Infinity),
          node,
          'bitset_idx',
          rows + 5,
        ),
      );
      const error = await refused();
      expect(error.message).toContain(
        `bitset_idx ${rows + 5}, but the predictor has ${rows} bitset rows`,
      );
    });

    it('refuses bitset arrays whose row counts differ', async () => {
      const { predictors, refused } = await edit(c);
      const { predictor } = findNode(predictors, isCategoricalSplit);
      const raw = stateOf(predictor).get('raw_left_cat_bitsets') as NDArray;
      const rows = raw.shape[0] as number;
      predictor.state = dictWith(stateOf(predictor), {
        raw_left_cat_bitsets: NDArray.fromValues('<u4', new Array((rows + 1) * 8).fill(0), [
          rows + 1,
          8,
        ]),
      });
      const error = await refused();
      expect(error.message).toContain(
        `binned_left_cat_bitsets has ${rows} rows but raw_left_cat_bitsets has ${rows + 1}`,
      );
      expect(error.path).toMatch(/\["raw_left_cat_bitsets"\]$/);
    });

    it('refuses a split on a feature the bin mapper does not have', async () => {
      const { predictors, refused } = await edit(c);
      const { predictor, node } = findNode(predictors, isSplit);
      setNodes(predictor, withField(nodesOf(predictor), node, 'feature_idx', 5));
      const error = await refused();
      expect(error.code).toBe('INVALID_DATA');
      expect(error.message).toContain(`splits on feature 5, but the bin mapper has 5 features`);
      expect(error.path).toMatch(/\["_predictors"\]\.content\[\d+\]\.content\[\d+\]$/);
    });

    it('refuses a feature index that is not a non-negative int', async () => {
      const { predictors, refused } = await edit(c);
      const { predictor, node } = findNode(predictors, isSplit);
      const wide = nodesOf(predictor).dtype.field('feature_idx').dtype.itemsize === 8;
      setNodes(
        predictor,
        withField(nodesOf(predictor), node, 'feature_idx', wide ? -1n : 0xffffffff),
      );
      const error = await refused();
      expect(error.message).toContain(
        `Node ${node} splits on feature ${wide ? -1 : 0xffffffff}; a feature index is a non-negative int`,
      );
    });

    it('refuses a categorical split on a feature the bin mapper marks numerical', async () => {
      const { predictors, binMapper, refused } = await edit(c);
      const flags = (stateOf(binMapper).get('is_categorical_') as NDArray).toArray() as number[];
      const numerical = flags.indexOf(0);
      const { predictor, node } = findNode(
        predictors,
        (nodes, i) => isSplit(nodes, i) && fieldAt(nodes, i, 'feature_idx') === numerical,
      );
      const rows = (stateOf(predictor).get('raw_left_cat_bitsets') as NDArray).shape[0] as number;
      if (rows === 0) throw new Error('fixture predictor has no bitset rows');
      setNodes(
        predictor,
        withField(withField(nodesOf(predictor), node, 'is_categorical', 1), node, 'bitset_idx', 0),
      );
      const error = await refused();
      expect(error.message).toContain(
        `is a categorical split on feature ${numerical}, which the bin mapper does not mark categorical`,
      );
    });

    it('refuses fitted predictors without a fitted bin mapper to check them against', async () => {
      const { model, refused } = await edit(c);
      const estimator = model as PyObject;
      estimator.state = dictWith(stateOf(estimator), { _bin_mapper: null });
      const error = await refused();
      expect(error.message).toContain(
        'A fitted model with _predictors needs a fitted _bin_mapper, got None',
      );
      expect(error.path).toMatch(/^\$\.content\.content\["_bin_mapper"\]$/);
    });

    it('refuses a bin mapper whose n_bins_non_missing_ has the wrong length', async () => {
      const { binMapper, refused } = await edit(c);
      const nonMissing = stateOf(binMapper).get('n_bins_non_missing_') as NDArray;
      binMapper.state = dictWith(stateOf(binMapper), {
        n_bins_non_missing_: NDArray.fromValues(nonMissing.dtype, [3, 3], [2]),
      });
      const error = await refused();
      expect(error.message).toContain(
        'n_bins_non_missing_ must be a 1-D integer array with one entry per feature (5)',
      );
      expect(error.path).toMatch(/\["_bin_mapper"\]\.content\.content\["n_bins_non_missing_"\]$/);
    });

    it('refuses a bin mapper whose missing-values bin is not the last bin', async () => {
      const { binMapper, refused } = await edit(c);
      binMapper.state = dictWith(stateOf(binMapper), { missing_values_bin_idx_: 3n });
      const error = await refused();
      expect(error.message).toContain(
        'missing_values_bin_idx_ is 3; it is always n_bins - 1 (255)',
      );
    });

    it('refuses more bin thresholds than a uint8 bin index can address', async () => {
      const { binMapper, refused } = await edit(c);
      binMapper.state = dictWith(stateOf(binMapper), { n_bins: 4n, missing_values_bin_idx_: 3n });
      const error = await refused();
      expect(error.message).toMatch(
        /bin_thresholds_\[\d+\] has \d+ thresholds; with n_bins 4 at most 3 fit/,
      );
    });
  },
);
