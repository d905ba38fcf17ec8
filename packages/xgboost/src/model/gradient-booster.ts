import { SkopsError } from '@skops-ts/core';
import { ModelReader, modelError } from '../json/access.js';
import { readTree, type XgbTree } from './tree.js';
import type { XgbJson } from '../json/xgb-json.js';

/** The trees of a `gbtree` or `dart` booster. */
export interface XgbTreeEnsemble {
  readonly kind: 'gbtree' | 'dart';
  readonly trees: readonly XgbTree[];
  /** Output group (class) of each tree. */
  readonly treeInfo: Int32Array;
  readonly numParallelTree: number;
  /** Tree index where each boosting round starts, plus the total (`iteration_indptr`). */
  readonly iterationIndptr: readonly number[];
  /** DART: the weight of each tree; undefined for `gbtree`. */
  readonly weightDrop: Float32Array | undefined;
}

/** The weights of a `gblinear` booster. */
export interface XgbLinearModel {
  readonly kind: 'gblinear';
  /** `num_feature × num_group` weights (row-major) followed by `num_group` biases. */
  readonly weights: Float32Array;
  readonly boostedRounds: number;
}

/** What `learner.gradient_booster` holds. */
export type XgbGradientBooster = XgbTreeEnsemble | XgbLinearModel;

/** Reads `learner.gradient_booster` for a model with `numGroup` outputs and `numFeature` features. */
export function readGradientBooster(
  reader: ModelReader,
  numGroup: number,
  numFeature: number,
): XgbGradientBooster {
  const name = reader.string('name');
  switch (name) {
    case 'gbtree':
      return readTrees(reader.child('model'), 'gbtree', undefined, numGroup);
    case 'dart': {
      const inner = reader.child('gbtree');
      const weights = reader.has('weight_drop')
        ? reader.float32s('weight_drop')
        : inner.child('model').float32s('weight_drop');
      return readTrees(inner.child('model'), 'dart', weights, numGroup);
    }
    case 'gblinear': {
      const model = reader.child('model');
      const weights = model.float32s('weights');
      if (weights.length !== (numFeature + 1) * numGroup) {
        throw modelError(
          `${model.path}.weights`,
          `expected (num_feature + 1) × num_group = ${(numFeature + 1) * numGroup} weights, found ${weights.length}`,
        );
      }
      return { kind: 'gblinear', weights, boostedRounds: model.integer('boosted_rounds', 0) };
    }
    default:
      throw new SkopsError(
        'UNSUPPORTED_VALUE',
        `Unknown XGBoost gradient booster "${name}" at ${reader.path}.name (expected gbtree, dart or gblinear).`,
      );
  }
}

function readTrees(
  model: ModelReader,
  kind: 'gbtree' | 'dart',
  weightDrop: Float32Array | undefined,
  numGroup: number,
): XgbTreeEnsemble {
  const param = model.child('gbtree_model_param');
  const numTrees = param.integer('num_trees');
  const numParallelTree = Math.max(1, param.integer('num_parallel_tree', 1));
  const jsonTrees = model.array('trees');
  if (jsonTrees.length !== numTrees || ArrayBuffer.isView(jsonTrees)) {
    throw modelError(`${model.path}.trees`, `expected ${numTrees} tree objects`);
  }
  const trees: XgbTree[] = new Array(numTrees);
  const filled = new Uint8Array(numTrees);
  (jsonTrees as readonly XgbJson[]).forEach((item, i) => {
    const tree = ModelReader.of(item, `${model.path}.trees[${i}]`);
    const id = tree.has('id') ? tree.integer('id') : i;
    if (id < 0 || id >= numTrees || filled[id])
      throw modelError(`${tree.path}.id`, `tree id ${id} is out of range or repeated`);
    filled[id] = 1;
    trees[id] = readTree(tree);
  });
  const treeInfo = model.int32s('tree_info', numTrees);
  treeInfo.forEach((group, i) => {
    if (group < 0 || group >= numGroup)
      throw modelError(`${model.path}.tree_info[${i}]`, `group ${group} is not below ${numGroup}`);
  });
  if (weightDrop && weightDrop.length > numTrees) {
    throw modelError(
      `${model.path}`,
      `weight_drop has ${weightDrop.length} weights for ${numTrees} trees`,
    );
  }
  return {
    kind,
    trees,
    treeInfo,
    numParallelTree,
    iterationIndptr: readIndptr(model, numTrees, numParallelTree * numGroup),
    weightDrop,
  };
}

function readIndptr(model: ModelReader, numTrees: number, layerTrees: number): number[] {
  if (model.has('iteration_indptr')) {
    const indptr = Array.from(model.indices('iteration_indptr'));
    const ok =
      indptr[0] === 0 &&
      indptr[indptr.length - 1] === numTrees &&
      indptr.every((v, i) => i === 0 || v >= (indptr[i - 1] as number));
    if (!ok)
      throw modelError(
        `${model.path}.iteration_indptr`,
        'expected a non-decreasing list from 0 to the number of trees',
      );
    return indptr;
  }
  const indptr = [0];
  for (let end = layerTrees; end <= numTrees; end += layerTrees) indptr.push(end);
  if (indptr[indptr.length - 1] !== numTrees) indptr.push(numTrees);
  return indptr;
}
