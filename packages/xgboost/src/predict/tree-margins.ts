import type { XgbTree } from '../model/tree.js';
import type { XgbTreeEnsemble } from '../model/gradient-booster.js';
import type { Float32Matrix } from './matrix.js';

const f32 = Math.fround;

/** XGBoost's `AsCat` range check: categories are in [0, 16777216). */
const MAX_CATEGORY = 16777216;

/**
 * The leaf a row reaches, as XGBoost's `GetNextNode`: missing (NaN or an
 * absent column) follows `default_left`; a numerical split goes left when
 * `x < split_condition` (both float32); a categorical split goes right when
 * the truncated category is in the node's set.
 */
export function leafIndex(tree: XgbTree, data: Float32Array, offset: number, cols: number): number {
  let node = 0;
  for (;;) {
    const left = tree.leftChildren[node] as number;
    if (left === -1) return node;
    const feature = tree.splitIndices[node] as number;
    const value = feature < cols ? (data[offset + feature] as number) : NaN;
    let goLeft: boolean;
    if (Number.isNaN(value)) goLeft = tree.defaultLeft[node] === 1;
    else if (tree.splitType[node] === 1) {
      goLeft =
        value < 0 ||
        value >= MAX_CATEGORY ||
        !(tree.categories.get(node) as ReadonlySet<number>).has(Math.trunc(value));
    } else goLeft = value < (tree.splitConditions[node] as number);
    node = goLeft ? left : (tree.rightChildren[node] as number);
  }
}

/** How DART tree weights are applied: Booster.predict (DMatrix) or inplace_predict (the sklearn wrappers). */
export type DartMode = 'dmatrix' | 'inplace';

/**
 * Adds trees `[treeBegin, treeEnd)` to `out` (rows × numGroup margins that
 * start at the base margin), tree by tree in float32 as XGBoost's CPU
 * predictor accumulates.
 */
export function addTreeMargins(
  model: XgbTreeEnsemble,
  x: Float32Matrix,
  numGroup: number,
  treeBegin: number,
  treeEnd: number,
  out: Float32Array,
  baseMargin: Float32Array,
  dartMode: DartMode,
): void {
  const { data, rows, cols } = x;
  for (let t = treeBegin; t < treeEnd; t++) {
    const tree = model.trees[t] as XgbTree;
    const group = model.treeInfo[t] as number;
    const weight = model.weightDrop ? (model.weightDrop[t] ?? 1) : undefined;
    for (let r = 0; r < rows; r++) {
      const leaf = tree.splitConditions[leafIndex(tree, data, r * cols, cols)] as number;
      const k = r * numGroup + group;
      const current = out[k] as number;
      if (weight === undefined) out[k] = f32(current + leaf);
      else if (dartMode === 'dmatrix') out[k] = f32(current + f32(leaf * weight));
      else {
        const base = baseMargin[group] as number;
        out[k] = f32(current + f32(f32(f32(base + leaf) - base) * weight));
      }
    }
  }
}
