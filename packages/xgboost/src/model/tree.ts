import { SkopsError } from '@skops-ts/core';
import { ModelReader, modelError } from '../json/access.js';

/**
 * One regression tree of a `gbtree` / `dart` booster, as XGBoost's `RegTree`
 * stores it. Node `i` is a leaf when `leftChildren[i] === -1`; a leaf's value
 * is `splitConditions[i]` (XGBoost keeps split condition and leaf value in one
 * float32 slot). Arrays are float32 where XGBoost's are `bst_float`.
 */
export interface XgbTree {
  readonly numNodes: number;
  readonly leftChildren: Int32Array;
  readonly rightChildren: Int32Array;
  readonly parents: Int32Array;
  /** Feature index of each split (non-negative; 64-bit indices are kept as numbers). */
  readonly splitIndices: Float64Array;
  readonly splitConditions: Float32Array;
  /** 1 when a missing value goes to the left child. */
  readonly defaultLeft: Uint8Array;
  /** 0 numerical, 1 categorical; all zero for trees without categorical splits. */
  readonly splitType: Uint8Array;
  /**
   * For each categorical split node, the categories that go RIGHT (XGBoost's
   * `Decision`: a category in the set is "not less than" the split).
   */
  readonly categories: ReadonlyMap<number, ReadonlySet<number>>;
  readonly baseWeights: Float32Array;
  readonly lossChanges: Float32Array;
  readonly sumHessian: Float32Array;
  /** `tree_param.size_leaf_vector` (0 or 1 for scalar leaves). */
  readonly sizeLeafVector: number;
}

/** Reads and validates one entry of `gradient_booster.model.trees`. */
export function readTree(reader: ModelReader): XgbTree {
  const param = reader.child('tree_param');
  const n = param.integer('num_nodes');
  const sizeLeafVector = param.integer('size_leaf_vector', 0);
  if (sizeLeafVector > 1) {
    throw new SkopsError(
      'UNSUPPORTED_VALUE',
      `The XGBoost tree at ${reader.path} has vector leaves (size_leaf_vector ${sizeLeafVector}, multi_strategy="multi_output_tree"); skops-ts predicts scalar-leaf trees only.`,
    );
  }
  if (n < 1)
    throw modelError(`${reader.path}.tree_param.num_nodes`, 'a tree has at least one node');
  const tree: XgbTree = {
    numNodes: n,
    leftChildren: reader.int32s('left_children', n),
    rightChildren: reader.int32s('right_children', n),
    parents: reader.int32s('parents', n),
    splitIndices: reader.indices('split_indices', n),
    splitConditions: reader.float32s('split_conditions', n),
    defaultLeft: reader.uint8s('default_left', n),
    splitType: reader.has('split_type') ? reader.uint8s('split_type', n) : new Uint8Array(n),
    categories: reader.has('split_type') ? readCategories(reader, n) : new Map(),
    baseWeights: reader.float32s('base_weights', n),
    lossChanges: reader.float32s('loss_changes', n),
    sumHessian: reader.float32s('sum_hessian', n),
    sizeLeafVector,
  };
  validateStructure(tree, reader.path);
  return tree;
}

function readCategories(reader: ModelReader, n: number): Map<number, Set<number>> {
  const nodes = reader.int32s('categories_nodes');
  const segments = reader.indices('categories_segments', nodes.length);
  const sizes = reader.indices('categories_sizes', nodes.length);
  const categories = reader.int32s('categories');
  const out = new Map<number, Set<number>>();
  for (let k = 0; k < nodes.length; k++) {
    const node = nodes[k] as number;
    const begin = segments[k] as number;
    const end = begin + (sizes[k] as number);
    if (node < 0 || node >= n)
      throw modelError(`${reader.path}.categories_nodes[${k}]`, `node ${node} is out of range`);
    if (end > categories.length || end === begin) {
      throw modelError(
        `${reader.path}.categories_segments[${k}]`,
        'the category segment is empty or out of range',
      );
    }
    const set = new Set<number>();
    for (let j = begin; j < end; j++) {
      const cat = categories[j] as number;
      if (cat < 0) throw modelError(`${reader.path}.categories[${j}]`, 'a category is negative');
      set.add(cat);
    }
    out.set(node, set);
  }
  return out;
}

/**
 * Children must be in range and every node reachable from the root at most
 * once, so that walking a tree always ends (a hostile file could loop).
 */
function validateStructure(tree: XgbTree, path: string): void {
  const seen = new Uint8Array(tree.numNodes);
  const stack = [0];
  seen[0] = 1;
  while (stack.length > 0) {
    const node = stack.pop() as number;
    const left = tree.leftChildren[node] as number;
    if (left === -1) continue;
    const right = tree.rightChildren[node] as number;
    for (const child of [left, right]) {
      if (child <= 0 || child >= tree.numNodes) {
        throw modelError(
          `${path}`,
          `node ${node} has child ${child} outside 1..${tree.numNodes - 1}`,
        );
      }
      if (seen[child])
        throw modelError(
          `${path}`,
          `node ${child} is reached twice (the tree has a cycle or shared node)`,
        );
      seen[child] = 1;
      stack.push(child);
    }
    if (tree.splitType[node] === 1 && !tree.categories.has(node)) {
      throw modelError(`${path}`, `categorical split node ${node} has no categories`);
    }
  }
}
