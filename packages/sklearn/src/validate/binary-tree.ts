import { NDArray } from '@skops-ts/numpy';
import {
  floatField,
  integers,
  intField,
  intValue,
  invalid,
  isFloatArray,
  isIntegerArray,
  itemPath,
  kindOf,
  records,
  sequenceItems,
} from './checks.js';

/** Which binary tree: their node bounds differ (a KD box has min and max rows, a ball one centroid row). */
export type BinaryTreeKind = 'KDTree' | 'BallTree';

const WHAT = 'nearest-neighbors tree (KDTree / BallTree)';
const MAX_LEVELS = 52;

/** What a checked tree holds, for tests and callers that walk it. */
export interface BinaryTreeSummary {
  readonly nSamples: number;
  readonly nFeatures: number;
  readonly nNodes: number;
  readonly nLevels: number;
}

/** `idx_array` must be a permutation of `range(n_samples)`: queries read `data[idx_array[i]]`. */
function checkPermutation(idx: NDArray, nSamples: number, path: string): void {
  if (idx.ndim !== 1 || !isIntegerArray(idx) || idx.size !== nSamples) {
    throw invalid(
      `idx_array must be a 1-D integer array of n_samples (${nSamples}) entries, got ${kindOf(idx)}.`,
      WHAT,
      path,
    );
  }
  const seen = new Uint8Array(nSamples);
  integers(idx).forEach((v, i) => {
    if (!(v >= 0 && v < nSamples))
      throw invalid(`idx_array[${i}] is ${v}, outside [0, ${nSamples - 1}].`, WHAT, path);
    if (seen[v])
      throw invalid(
        `idx_array holds ${v} twice; it must be a permutation of range(n_samples).`,
        WHAT,
        path,
      );
    seen[v] = 1;
  });
}

/**
 * Walks the implicit binary tree from the root (children of node i are
 * 2i+1 and 2i+2): every reached node covers a range of `idx_array`, a split
 * node's children exist and split its range in two, and the root covers all
 * samples. Nodes below a leaf are never read by scikit-learn, so they are
 * not checked.
 */
function checkNodes(
  start: Float64Array,
  end: Float64Array,
  isLeaf: Float64Array,
  nSamples: number,
  path: string,
): void {
  const n = isLeaf.length;
  if (start[0] !== 0 || end[0] !== nSamples) {
    throw invalid(
      `The root node covers idx_array[${start[0]}:${end[0]}]; it must cover all ${nSamples} samples.`,
      WHAT,
      path,
    );
  }
  const queue = [0];
  for (let q = 0; q < queue.length; q++) {
    const i = queue[q] as number;
    const s = start[i] as number;
    const e = end[i] as number;
    const leaf = isLeaf[i] as number;
    if (!(s >= 0 && s <= e && e <= nSamples))
      throw invalid(`Node ${i} covers idx_array[${s}:${e}], outside [0, ${nSamples}].`, WHAT, path);
    if (leaf !== 0 && leaf !== 1)
      throw invalid(`Node ${i} has is_leaf ${leaf}; it must be 0 or 1.`, WHAT, path);
    if (leaf === 1) continue;
    const l = 2 * i + 1;
    const r = l + 1;
    if (r >= n)
      throw invalid(
        `Node ${i} is not a leaf, but its children ${l} and ${r} are beyond the ${n} nodes.`,
        WHAT,
        path,
      );
    if (start[l] !== s || end[r] !== e || end[l] !== start[r]) {
      throw invalid(
        `The children of node ${i} cover [${start[l]}:${end[l]}] and [${start[r]}:${end[r]}]; they must split its range [${s}:${e}] in two.`,
        WHAT,
        path,
      );
    }
    queue.push(l, r);
  }
}

/**
 * Checks the `__getstate__` tuple of a scikit-learn KDTree / BallTree
 * `(data, idx_array, node_data, node_bounds, leaf_size, n_levels, n_nodes,
 * n_trims, n_leaves, n_splits, n_calls, dist_metric[, sample_weight])`.
 * scikit-learn's `__setstate__` checks only the tuple length; its queries
 * index `idx_array`, `node_data` and `node_bounds` without bounds checks.
 * `path` is the JSON path of the ObjectNode.
 */
export function validateBinaryTree(
  state: unknown,
  kind: BinaryTreeKind,
  path: string,
): BinaryTreeSummary {
  const items = sequenceItems(state);
  if (!items || (items.length !== 13 && items.length !== 12)) {
    throw invalid(
      `A ${kind}'s state is a tuple of 13 items (data, idx_array, node_data, node_bounds, leaf_size, n_levels, n_nodes, n_trims, n_leaves, n_splits, n_calls, dist_metric, sample_weight), got ${kindOf(state)}.`,
      WHAT,
      `${path}.content`,
    );
  }
  const [data, idx, nodeData, bounds, leafSize, levels, nodes] = items;
  if (!NDArray.is(data) || data.ndim !== 2 || !isFloatArray(data))
    throw invalid(`data must be a 2-D float array, got ${kindOf(data)}.`, WHAT, itemPath(path, 0));
  const [nSamples, nFeatures] = data.shape as [number, number];
  if (!NDArray.is(idx))
    throw invalid(
      `idx_array must be an integer array, got ${kindOf(idx)}.`,
      WHAT,
      itemPath(path, 1),
    );
  checkPermutation(idx, nSamples, itemPath(path, 1));

  intValue(leafSize, 'leaf_size', WHAT, itemPath(path, 4), 1);
  const nLevels = intValue(levels, 'n_levels', WHAT, itemPath(path, 5), 1);
  const nNodes = intValue(nodes, 'n_nodes', WHAT, itemPath(path, 6), 1);
  if (nLevels > MAX_LEVELS || nNodes !== 2 ** nLevels - 1) {
    throw invalid(
      `n_nodes is ${nNodes} and n_levels ${nLevels}; the tree is complete, so n_nodes = 2 ** n_levels - 1.`,
      WHAT,
      itemPath(path, 6),
    );
  }
  for (let k = 7; k <= 10; k++)
    intValue(
      items[k],
      ['n_trims', 'n_leaves', 'n_splits', 'n_calls'][k - 7] as string,
      WHAT,
      itemPath(path, k),
    );

  const nodeDataPath = itemPath(path, 2);
  const nodeRecords = records(nodeData, 'node_data', WHAT, nodeDataPath);
  if (nodeRecords.size !== nNodes)
    throw invalid(
      `node_data has ${nodeRecords.size} nodes but n_nodes is ${nNodes}.`,
      WHAT,
      nodeDataPath,
    );
  const start = intField(nodeRecords, 'idx_start', WHAT, nodeDataPath) as Float64Array;
  const end = intField(nodeRecords, 'idx_end', WHAT, nodeDataPath) as Float64Array;
  const isLeaf = intField(nodeRecords, 'is_leaf', WHAT, nodeDataPath) as Float64Array;
  floatField(nodeRecords, 'radius', WHAT, nodeDataPath);

  const boundRows = kind === 'KDTree' ? 2 : 1;
  const expected = [boundRows, nNodes, nFeatures];
  if (
    !NDArray.is(bounds) ||
    !isFloatArray(bounds) ||
    bounds.ndim !== 3 ||
    bounds.shape.some((d, i) => d !== expected[i])
  ) {
    throw invalid(
      `node_bounds must be a float array of shape (${expected.join(', ')}), got ${kindOf(bounds)}.`,
      WHAT,
      itemPath(path, 3),
    );
  }

  const weights = items[12];
  if (
    weights !== undefined &&
    weights !== null &&
    (!NDArray.is(weights) ||
      weights.ndim !== 1 ||
      !isFloatArray(weights) ||
      weights.size !== nSamples)
  ) {
    throw invalid(
      `sample_weight must be None or a 1-D float array of n_samples (${nSamples}) entries, got ${kindOf(weights)}.`,
      WHAT,
      itemPath(path, 12),
    );
  }
  checkNodes(start, end, isLeaf, nSamples, nodeDataPath);
  return { nSamples, nFeatures, nNodes, nLevels };
}
