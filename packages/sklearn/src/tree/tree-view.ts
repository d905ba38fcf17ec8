/**
 * The columns of a decision tree as typed arrays, checked to form a tree:
 * node `i` splits on `feature[i]` at `threshold[i]` and goes to
 * `leftChild[i]` when `X[feature] <= threshold`, else to `rightChild[i]`;
 * leaves have both children `-1`.
 */
export interface TreeView {
  readonly nodeCount: number;
  readonly nFeatures: number;
  readonly nOutputs: number;
  /** Classes per output (`[1]` for a regressor). */
  readonly nClasses: readonly number[];
  /** The largest entry of {@link nClasses}: the last dimension of {@link values}. */
  readonly maxNClasses: number;
  readonly maxDepth: number;
  readonly leftChild: Int32Array;
  readonly rightChild: Int32Array;
  /** Split feature; sklearn writes -2 for leaves. */
  readonly feature: Int32Array;
  readonly threshold: Float64Array;
  readonly impurity: Float64Array;
  readonly nNodeSamples: BigInt64Array;
  readonly weightedNNodeSamples: Float64Array;
  /** Where a NaN goes (1 = left), scikit-learn 1.3 and later; undefined for older trees. */
  readonly missingGoToLeft: Uint8Array | undefined;
  /** `values` in C order, shape `[nodeCount, nOutputs, maxNClasses]`. */
  readonly values: Float64Array;
}
