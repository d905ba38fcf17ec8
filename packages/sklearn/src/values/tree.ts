import { SkopsError, type PyDict, type PyTuple } from '@skops-ts/core';
import type { NDArray } from '@skops-ts/numpy';
import type { TreeView } from '../tree/tree-view.js';
import { validateTree } from '../tree/validate-tree.js';

const BRAND = Symbol.for('skops-ts/sklearn/Tree');

/** Options of {@link Tree}'s constructor. */
export interface TreeOptions {
  /** JSON path of the TreeNode, for error messages. */
  readonly path?: string;
}

/**
 * A `sklearn.tree._tree.Tree`: what `Tree.__reduce__()` gives, the
 * constructor arguments `(n_features, n_classes, n_outputs)` and the state
 * dict (`max_depth`, `node_count`, `nodes`, `values`), kept as loaded so it
 * saves back unchanged. Checked on construction to form a proper tree
 * (see {@link Tree.view}).
 */
export class Tree {
  readonly [BRAND] = true;
  /** `(n_features, n_classes, n_outputs)`: a bigint, an integer NDArray and a bigint. */
  readonly reduceArgs: PyTuple;
  /** The `__getstate__` dict. */
  readonly state: PyDict;
  /** The checked columns as typed arrays. */
  readonly view: TreeView;

  /** Throws a SkopsError `INVALID_DATA` naming what is wrong when the data do not form a tree. */
  constructor(reduceArgs: PyTuple, state: PyDict, options: TreeOptions = {}) {
    this.view = validateTree(reduceArgs, state, { path: options.path });
    this.reduceArgs = reduceArgs;
    this.state = state;
  }

  get nFeatures(): number {
    return this.view.nFeatures;
  }

  get nOutputs(): number {
    return this.view.nOutputs;
  }

  get nodeCount(): number {
    return this.view.nodeCount;
  }

  get maxDepth(): number {
    return this.view.maxDepth;
  }

  /** The structured `nodes` array as stored. */
  get nodes(): NDArray {
    return this.state.get('nodes') as NDArray;
  }

  /** The `values` array as stored, shape `(node_count, n_outputs, max_n_classes)`. */
  get values(): NDArray {
    return this.state.get('values') as NDArray;
  }

  /** The index of the leaf a sample reaches (`row[j]` is feature j, compared as float32 the way scikit-learn does). */
  leafOf(row: ArrayLike<number>): number {
    if (row.length < this.view.nFeatures) {
      throw new SkopsError(
        'UNSUPPORTED_VALUE',
        `A sample needs ${this.view.nFeatures} features, got ${row.length}.`,
      );
    }
    const { leftChild, rightChild, feature, threshold, missingGoToLeft } = this.view;
    let node = 0;
    for (;;) {
      const left = leftChild[node] as number;
      if (left === -1) return node;
      const x = Math.fround(row[feature[node] as number] as number);
      if (Number.isNaN(x)) node = missingGoToLeft?.[node] ? left : (rightChild[node] as number);
      else node = x <= (threshold[node] as number) ? left : (rightChild[node] as number);
    }
  }

  /** The `values` row of a node: `n_outputs * max_n_classes` numbers (a view). */
  nodeValue(node: number): Float64Array {
    const width = this.view.nOutputs * this.view.maxNClasses;
    return this.view.values.subarray(node * width, (node + 1) * width);
  }

  static is(value: unknown): value is Tree {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[BRAND] === true
    );
  }
}
