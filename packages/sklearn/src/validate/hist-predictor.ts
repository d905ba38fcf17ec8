import { PyDict } from '@skops-ts/core';
import { NDArray } from '@skops-ts/numpy';
import { dictKeyPath, floatField, intField, invalid, kindOf, records } from './checks.js';

const WHAT = 'histogram gradient boosting tree (TreePredictor)';

/** A split of a checked predictor: what the estimator-level checks compare with the bin mapper. */
export interface PredictorSplit {
  readonly node: number;
  readonly feature: number;
  readonly categorical: boolean;
}

/** What a checked predictor tells about its splits. */
export interface PredictorSummary {
  readonly nodeCount: number;
  readonly splits: readonly PredictorSplit[];
}

/** The number of rows of a `(n_bitsets, 8)` uint32 bitset array; undefined when the state has none. */
function bitsetRows(state: PyDict, key: string, path: string): number | undefined {
  const value = state.get(key);
  if (value === undefined) return undefined;
  if (
    !NDArray.is(value) ||
    value.ndim !== 2 ||
    value.dtype.kind !== 'u' ||
    value.dtype.itemsize !== 4 ||
    value.shape[1] !== 8
  ) {
    throw invalid(
      `${key} must be a uint32 array of shape (n_bitsets, 8), got ${kindOf(value)}.`,
      WHAT,
      dictKeyPath(path, key),
    );
  }
  return value.shape[0] as number;
}

/**
 * Walks the tree from node 0: every split's `left` / `right` must be another
 * node, each node reached exactly once (no cycle, no shared subtree, no
 * orphan).
 */
function checkStructure(
  isLeaf: Float64Array,
  left: Float64Array,
  right: Float64Array,
  path: string,
): void {
  const n = isLeaf.length;
  const seen = new Uint8Array(n);
  const stack = [0];
  seen[0] = 1;
  let reached = 1;
  while (stack.length > 0) {
    const i = stack.pop() as number;
    if (isLeaf[i] === 1) continue;
    for (const child of [left[i] as number, right[i] as number]) {
      if (!(child >= 1 && child < n))
        throw invalid(
          `Node ${i} is a split whose child ${child} is outside [1, ${n - 1}].`,
          WHAT,
          path,
        );
      if (seen[child])
        throw invalid(
          `Node ${child} is reached twice (again from node ${i}); the nodes form a cycle or share a subtree.`,
          WHAT,
          path,
        );
      seen[child] = 1;
      reached++;
      stack.push(child);
    }
  }
  if (reached !== n) {
    throw invalid(
      `Node ${seen.indexOf(0)} is not reachable from node 0 (${n - reached} of ${n} nodes are unreachable).`,
      WHAT,
      path,
    );
  }
}

/**
 * Checks the state of a `sklearn.ensemble._hist_gradient_boosting.predictor.TreePredictor`:
 * scikit-learn's Cython predictor follows `left` / `right`, reads
 * `feature_idx` columns and `bitset_idx` bitset rows without bounds checks.
 * `path` is the JSON path of the ObjectNode.
 */
export function validateTreePredictor(state: unknown, path: string): PredictorSummary {
  if (!PyDict.is(state))
    throw invalid(
      `A TreePredictor's state must be a dict, got ${kindOf(state)}.`,
      WHAT,
      `${path}.content`,
    );
  const nodesPath = dictKeyPath(path, 'nodes');
  const nodes = records(state.get('nodes'), 'nodes', WHAT, nodesPath);
  const n = nodes.size;
  if (n === 0)
    throw invalid('A fitted TreePredictor has at least one node; nodes is empty.', WHAT, nodesPath);
  const isLeaf = intField(nodes, 'is_leaf', WHAT, nodesPath) as Float64Array;
  const left = intField(nodes, 'left', WHAT, nodesPath) as Float64Array;
  const right = intField(nodes, 'right', WHAT, nodesPath) as Float64Array;
  const feature = intField(nodes, 'feature_idx', WHAT, nodesPath) as Float64Array;
  const categorical = intField(nodes, 'is_categorical', WHAT, nodesPath, false);
  const bitsetIdx = intField(nodes, 'bitset_idx', WHAT, nodesPath, categorical !== undefined);
  const threshold = floatField(nodes, 'num_threshold', WHAT, nodesPath);
  const binnedRows = bitsetRows(state, 'binned_left_cat_bitsets', path);
  const rawRows = bitsetRows(state, 'raw_left_cat_bitsets', path);
  if (binnedRows !== undefined && rawRows !== undefined && binnedRows !== rawRows) {
    throw invalid(
      `binned_left_cat_bitsets has ${binnedRows} rows but raw_left_cat_bitsets has ${rawRows}; each categorical split has one row in both.`,
      WHAT,
      dictKeyPath(path, 'raw_left_cat_bitsets'),
    );
  }

  const splits: PredictorSplit[] = [];
  for (let i = 0; i < n; i++) {
    const leaf = isLeaf[i] as number;
    if (leaf !== 0 && leaf !== 1)
      throw invalid(`Node ${i} has is_leaf ${leaf}; it must be 0 or 1.`, WHAT, nodesPath);
    if (leaf === 1) continue;
    const f = feature[i] as number;
    if (!(f >= 0 && f <= 0x7fffffff))
      throw invalid(
        `Node ${i} splits on feature ${f}; a feature index is a non-negative int.`,
        WHAT,
        nodesPath,
      );
    const cat = categorical?.[i] ?? 0;
    if (cat !== 0 && cat !== 1)
      throw invalid(`Node ${i} has is_categorical ${cat}; it must be 0 or 1.`, WHAT, nodesPath);
    if (cat === 1) {
      const b = (bitsetIdx as Float64Array)[i] as number;
      const rows = Math.min(binnedRows ?? 0, rawRows ?? 0);
      // A categorical split on the missing-values bin (threshold +inf) owns no bitset row; scikit-learn leaves its bitset_idx at 0.
      const onMissing = threshold?.[i] === Infinity && b === 0;
      if (!onMissing && !(b >= 0 && b < rows)) {
        throw invalid(
          `Node ${i} is a categorical split with bitset_idx ${b}, but the predictor has ${rows} bitset rows.`,
          WHAT,
          nodesPath,
        );
      }
    }
    splits.push({ node: i, feature: f, categorical: cat === 1 });
  }
  checkStructure(isLeaf, left, right, nodesPath);
  return { nodeCount: n, splits };
}
