import { PyDict, PyTuple, SkopsError } from '@skops-ts/core';
import { NDArray } from '@skops-ts/numpy';
import type { TreeView } from './tree-view.js';

/** Where a problem sits: the TreeNode's JSON path and the part of it at fault. */
interface Where {
  readonly path: string | undefined;
}

const at = (where: Where, key: string): string | undefined =>
  where.path === undefined ? undefined : `${where.path}.${key}`;

function invalid(message: string, path: string | undefined): SkopsError {
  return new SkopsError(
    'INVALID_DATA',
    `${message} The decision tree is corrupted or was crafted; do not use this file.`,
    path ? { path } : {},
  );
}

/** A Python int (bigint) that fits in a non-negative safe integer. */
function count(value: unknown, what: string, path: string | undefined, min = 0): number {
  if (typeof value !== 'bigint' || value < BigInt(min) || value > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw invalid(`The tree's ${what} must be an int >= ${min}, got ${describeKind(value)}.`, path);
  }
  return Number(value);
}

function describeKind(value: unknown): string {
  if (typeof value === 'bigint') return value.toString();
  if (value === null) return 'None';
  if (NDArray.is(value))
    return `an array of dtype ${value.dtype.str} and shape (${value.shape.join(', ')})`;
  return typeof value === 'object' ? (value.constructor?.name ?? 'an object') : typeof value;
}

/** The elements of a numeric array as float64 numbers in C order. */
function floats(array: NDArray): Float64Array {
  const c = array.isCContiguous ? array : array.reshape(array.shape);
  const data = c.data;
  if (data instanceof Float64Array) return data;
  return Float64Array.from(data as ArrayLike<number>);
}

/** The elements of an int64 column, checked to lie in [min, max], as Int32Array. */
function indices(
  array: NDArray,
  name: string,
  min: number,
  max: number,
  path: string | undefined,
): Int32Array {
  const data = array.data;
  const out = new Int32Array(array.size);
  for (let i = 0; i < out.length; i++) {
    const v = Number((data as BigInt64Array | Int32Array)[i]);
    if (!(v >= min && v <= max)) {
      throw invalid(
        `Node ${i} has ${name} ${String((data as BigInt64Array | Int32Array)[i])}, outside [${min}, ${max}].`,
        path,
      );
    }
    out[i] = v;
  }
  return out;
}

const INT_FIELDS = ['left_child', 'right_child', 'feature', 'n_node_samples'] as const;
const FLOAT_FIELDS = ['threshold', 'impurity', 'weighted_n_node_samples'] as const;

function checkNodesDtype(nodes: NDArray, path: string | undefined): void {
  const names = nodes.dtype.names;
  if (!names || nodes.ndim !== 1) {
    throw invalid(
      `The tree's nodes must be a 1-D structured array, got ${describeKind(nodes)}.`,
      path,
    );
  }
  for (const name of INT_FIELDS) {
    const f = nodes.dtype.fields?.find((x) => x.name === name);
    if (!f || f.dtype.kind !== 'i' || f.dtype.itemsize !== 8)
      throw invalid(`The tree's nodes need an int64 field "${name}".`, path);
  }
  for (const name of FLOAT_FIELDS) {
    const f = nodes.dtype.fields?.find((x) => x.name === name);
    if (!f || f.dtype.kind !== 'f' || f.dtype.itemsize !== 8)
      throw invalid(`The tree's nodes need a float64 field "${name}".`, path);
  }
  const missing = nodes.dtype.fields?.find((x) => x.name === 'missing_go_to_left');
  if (missing && (missing.dtype.kind !== 'u' || missing.dtype.itemsize !== 1)) {
    throw invalid('The tree\'s nodes field "missing_go_to_left" must be uint8.', path);
  }
}

/**
 * Walks the tree from the root: every child index must be in range, no node
 * may be reached twice (which rules out cycles and shared subtrees) and every
 * node must be reached. Returns the depth of the deepest leaf.
 */
function checkStructure(
  left: Int32Array,
  right: Int32Array,
  feature: Int32Array,
  nFeatures: number,
  path: string | undefined,
): number {
  const n = left.length;
  if (n === 0) return 0;
  const seen = new Uint8Array(n);
  const stack: number[] = [0];
  const depths: number[] = [0];
  seen[0] = 1;
  let reached = 1;
  let deepest = 0;
  while (stack.length) {
    const i = stack.pop() as number;
    const depth = depths.pop() as number;
    const l = left[i] as number;
    const r = right[i] as number;
    if (l === -1 || r === -1) {
      if (l !== r)
        throw invalid(
          `Node ${i} has one child (${l === -1 ? r : l}) and one leaf marker (-1); a node has two children or none.`,
          path,
        );
      deepest = Math.max(deepest, depth);
      continue;
    }
    const f = feature[i] as number;
    if (f < 0 || f >= nFeatures)
      throw invalid(
        `Node ${i} splits on feature ${f}, but the tree has ${nFeatures} features.`,
        path,
      );
    for (const child of [l, r]) {
      if (child < 1 || child >= n)
        throw invalid(`Node ${i} has child ${child}, outside [1, ${n - 1}].`, path);
      if (seen[child])
        throw invalid(
          `Node ${child} is reached twice (again from node ${i}); the nodes form a cycle or share a subtree.`,
          path,
        );
      seen[child] = 1;
      reached++;
      stack.push(child);
      depths.push(depth + 1);
    }
  }
  if (reached !== n) {
    const orphan = seen.indexOf(0);
    throw invalid(
      `Node ${orphan} is not reachable from the root (${n - reached} of ${n} nodes are unreachable).`,
      path,
    );
  }
  return deepest;
}

/**
 * Checks a `sklearn.tree._tree.Tree`'s reduce arguments
 * `(n_features, n_classes, n_outputs)` and `__setstate__` dict and returns
 * its columns. Python's `Tree.__setstate__` checks only the array shapes and
 * dtype; a crafted file could make it read out of bounds when predicting.
 */
export function validateTree(reduceArgs: unknown, state: unknown, where: Where): TreeView {
  const argsPath = at(where, '__reduce__.args');
  const statePath = at(where, 'content');
  if (!PyTuple.is(reduceArgs) || reduceArgs.length !== 3) {
    throw invalid(
      `A Tree is built from (n_features, n_classes, n_outputs), got ${PyTuple.is(reduceArgs) ? `${reduceArgs.length} arguments` : describeKind(reduceArgs)}.`,
      argsPath,
    );
  }
  const [nFeaturesRaw, nClassesRaw, nOutputsRaw] = reduceArgs.items;
  const nFeatures = count(nFeaturesRaw, 'n_features', argsPath);
  const nOutputs = count(nOutputsRaw, 'n_outputs', argsPath, 1);
  if (
    !NDArray.is(nClassesRaw) ||
    nClassesRaw.ndim !== 1 ||
    !['i', 'u'].includes(nClassesRaw.dtype.kind) ||
    nClassesRaw.size !== nOutputs
  ) {
    throw invalid(
      `n_classes must be a 1-D integer array of n_outputs (${nOutputs}) entries, got ${describeKind(nClassesRaw)}.`,
      argsPath,
    );
  }
  const nClasses = (nClassesRaw.toArray() as (number | bigint)[]).map((v) => Number(v));
  if (nClasses.some((c) => !Number.isSafeInteger(c) || c < 1))
    throw invalid(`Every n_classes entry must be >= 1, got [${nClasses.join(', ')}].`, argsPath);
  const maxNClasses = nClasses.reduce((a, b) => Math.max(a, b), 0);

  if (!PyDict.is(state))
    throw invalid(`A Tree's state must be a dict, got ${describeKind(state)}.`, statePath);
  const maxDepth = count(state.get('max_depth'), 'max_depth', statePath);
  const nodeCount = count(state.get('node_count'), 'node_count', statePath);
  const nodes = state.get('nodes');
  const values = state.get('values');
  if (!NDArray.is(nodes))
    throw invalid(`A Tree's state needs a "nodes" array, got ${describeKind(nodes)}.`, statePath);
  if (!NDArray.is(values))
    throw invalid(`A Tree's state needs a "values" array, got ${describeKind(values)}.`, statePath);
  checkNodesDtype(nodes, statePath);
  if (nodes.size !== nodeCount)
    throw invalid(
      `node_count is ${nodeCount} but the nodes array has ${nodes.size} entries.`,
      statePath,
    );
  const expected = [nodeCount, nOutputs, maxNClasses];
  if (
    values.dtype.kind !== 'f' ||
    values.dtype.itemsize !== 8 ||
    values.ndim !== 3 ||
    values.shape.some((d, i) => d !== expected[i])
  ) {
    throw invalid(
      `values must be float64 of shape (${expected.join(', ')}) = (node_count, n_outputs, max_n_classes), got ${describeKind(values)}.`,
      statePath,
    );
  }
  if (nodeCount === 0)
    throw invalid('A fitted Tree has at least one node; node_count is 0.', statePath);
  if (nodeCount > 0x7fffffff) throw invalid(`node_count ${nodeCount} is too large.`, statePath);

  const leftChild = indices(nodes.field('left_child'), 'left_child', -1, nodeCount - 1, statePath);
  const rightChild = indices(
    nodes.field('right_child'),
    'right_child',
    -1,
    nodeCount - 1,
    statePath,
  );
  const feature = indices(
    nodes.field('feature'),
    'feature',
    -2,
    Math.max(nFeatures - 1, -2),
    statePath,
  );
  checkStructure(leftChild, rightChild, feature, nFeatures, statePath);
  const hasMissing = nodes.dtype.fields?.some((f) => f.name === 'missing_go_to_left') ?? false;
  const nNodeSamples = nodes.field('n_node_samples').data;
  return Object.freeze({
    nodeCount,
    nFeatures,
    nOutputs,
    nClasses: Object.freeze(nClasses),
    maxNClasses,
    maxDepth,
    leftChild,
    rightChild,
    feature,
    threshold: floats(nodes.field('threshold')),
    impurity: floats(nodes.field('impurity')),
    nNodeSamples:
      nNodeSamples instanceof BigInt64Array
        ? nNodeSamples
        : BigInt64Array.from(nNodeSamples as ArrayLike<bigint>),
    weightedNNodeSamples: floats(nodes.field('weighted_n_node_samples')),
    missingGoToLeft: hasMissing
      ? Uint8Array.from(nodes.field('missing_go_to_left').data as Uint8Array)
      : undefined,
    values: floats(values),
  });
}
