// The benchmark inputs, built through the public API of the built packages.
// Every builder is deterministic (seeded), so two runs measure the same bytes.
import { PyObject, PyTuple } from '@skops-ts/core';
import { DType, NDArray } from '@skops-ts/numpy';

const MB = 1e6;

/** mulberry32: a small seeded PRNG; Math.random cannot be seeded. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Roughly normal floats at float32 precision: model weights are often trained in float32 and stored as float64. */
function fillWeights(out, seed) {
  const rand = prng(seed);
  for (let i = 0; i < out.length; i++) {
    out[i] = Math.fround((rand() + rand() + rand() - 1.5) * 2);
  }
  return out;
}

function fillIds(out, seed) {
  const rand = prng(seed);
  for (let i = 0; i < out.length; i++) out[i] = (rand() * 1000) | 0;
  return out;
}

/** Fills a huge array by repeating one random block: filling gigabytes element by element takes too long. */
function fillRepeating(out, seed) {
  const block = fillWeights(new Float64Array(Math.min(out.length, 1 << 20)), seed);
  for (let p = 0; p < out.length; p += block.length)
    out.set(block.subarray(0, Math.min(block.length, out.length - p)), p);
  return out;
}

const f64 = (values) => NDArray.fromTypedArray(Float64Array.from(values));
const i64 = (values) => NDArray.fromTypedArray(BigInt64Array.from(values.map(BigInt)));

/** Dict of a float64 array of `200 MB × scale` and an int32 array of `50 MB × scale`. */
function arrays(scale) {
  const weights = fillWeights(new Float64Array(Math.round((200 * MB * scale) / 8)), 1);
  const ids = fillIds(new Int32Array(Math.round((50 * MB * scale) / 4)), 2);
  return { weights, ids };
}

/** The > 4 GiB input: two float64 arrays of 2.2 GB each, so offsets past 4 GiB need ZIP64 records. */
function huge() {
  const n = 275_000_000;
  return { a: fillRepeating(new Float64Array(n), 3), b: fillRepeating(new Float64Array(n), 4) };
}

// sklearn >= 1.3's NODE_DTYPE (aligned: 64 bytes per node).
const i8 = DType.parse('<i8');
const d8 = DType.parse('<f8');
const NODE_DTYPE = DType.structured(
  [
    { name: 'left_child', dtype: i8 },
    { name: 'right_child', dtype: i8 },
    { name: 'feature', dtype: i8 },
    { name: 'threshold', dtype: d8 },
    { name: 'impurity', dtype: d8 },
    { name: 'n_node_samples', dtype: i8 },
    { name: 'weighted_n_node_samples', dtype: d8 },
    { name: 'missing_go_to_left', dtype: DType.parse('|u1') },
  ],
  64,
);

/** A random binary tree of at most `budget` nodes and depth at most `maxDepth`, in sklearn's preorder layout. */
function randomTree(budget, maxDepth, nFeatures, rand) {
  const left = [];
  const right = [];
  let depthSeen = 0;
  const grow = (depth, room) => {
    const id = left.length;
    left.push(-1);
    right.push(-1);
    depthSeen = Math.max(depthSeen, depth);
    if (depth < maxDepth && room >= 3) {
      const share = room - 1;
      const l = Math.max(1, Math.min(share - 1, Math.round(share * (0.3 + 0.4 * rand()))));
      left[id] = grow(depth + 1, l);
      right[id] = grow(depth + 1, share - l);
    }
    return id;
  };
  grow(0, budget);
  const n = left.length;
  const buffer = new Uint8Array(n * 64);
  const view = new DataView(buffer.buffer);
  const values = new Float64Array(n * 2);
  for (let i = 0; i < n; i++) {
    const o = i * 64;
    const leaf = left[i] === -1;
    const samples = 1 + Math.floor(rand() * 1000);
    view.setBigInt64(o, BigInt(left[i]), true);
    view.setBigInt64(o + 8, BigInt(right[i]), true);
    view.setBigInt64(o + 16, BigInt(leaf ? -2 : Math.floor(rand() * nFeatures)), true);
    view.setFloat64(o + 24, leaf ? -2 : rand() * 10 - 5, true);
    view.setFloat64(o + 32, rand() * 0.5, true);
    view.setBigInt64(o + 40, BigInt(samples), true);
    view.setFloat64(o + 48, samples, true);
    buffer[o + 56] = leaf ? 0 : 1;
    const p = rand();
    values[2 * i] = p * samples;
    values[2 * i + 1] = (1 - p) * samples;
  }
  return {
    nodes: new NDArray({ dtype: NODE_DTYPE, shape: [n], buffer }),
    values: NDArray.fromTypedArray(values, [n, 1, 2]),
    depth: depthSeen,
  };
}

function decisionTree(nodes, seed, nFeatures, fitted) {
  const state = {
    criterion: 'gini',
    splitter: 'best',
    max_depth: 20n,
    min_samples_split: 2n,
    min_samples_leaf: 1n,
    min_weight_fraction_leaf: 0,
    max_features: 'sqrt',
    max_leaf_nodes: null,
    random_state: BigInt(seed),
    min_impurity_decrease: 0,
    class_weight: null,
    ccp_alpha: 0,
    monotonic_cst: null,
  };
  if (!fitted) return new PyObject('sklearn.tree._classes', 'DecisionTreeClassifier', state);
  const tree = randomTree(nodes, 20, nFeatures, prng(seed));
  Object.assign(state, {
    n_features_in_: BigInt(nFeatures),
    n_outputs_: 1n,
    classes_: f64([0, 1]),
    n_classes_: 2n,
    max_features_: BigInt(Math.round(Math.sqrt(nFeatures))),
    tree_: new PyObject('sklearn.tree._tree', 'Tree', {
      max_depth: BigInt(tree.depth),
      node_count: BigInt(tree.nodes.shape[0]),
      nodes: tree.nodes,
      values: tree.values,
    }),
    _sklearn_version: '1.5.2',
  });
  return new PyObject('sklearn.tree._classes', 'DecisionTreeClassifier', state);
}

/** RandomForestClassifier of `300 × scale` fitted trees of depth ≤ 20 and about 8,300 nodes each (~200 MB at scale 1). */
function forest(scale) {
  const nTrees = Math.round(300 * scale);
  const nFeatures = 50;
  const estimators = [];
  for (let t = 0; t < nTrees; t++) estimators.push(decisionTree(9_700, 1000 + t, nFeatures, true));
  return new PyObject('sklearn.ensemble._forest', 'RandomForestClassifier', {
    estimator: decisionTree(0, 0, nFeatures, false),
    n_estimators: BigInt(nTrees),
    estimator_params: new PyTuple([
      'criterion',
      'max_depth',
      'min_samples_split',
      'min_samples_leaf',
      'max_features',
      'random_state',
    ]),
    bootstrap: true,
    oob_score: false,
    n_jobs: null,
    random_state: 0n,
    verbose: 0n,
    warm_start: false,
    class_weight: null,
    max_samples: null,
    n_features_in_: BigInt(nFeatures),
    estimators_: estimators,
    classes_: f64([0, 1]),
    n_classes_: 2n,
    n_outputs_: 1n,
    _sklearn_version: '1.5.2',
  });
}

function scaler(k) {
  const n = 4 + (k % 5);
  const values = Array.from({ length: n }, (_, i) => (i + 1) * 0.25 + k);
  return new PyObject('sklearn.preprocessing._data', 'StandardScaler', {
    with_mean: true,
    with_std: true,
    copy: true,
    n_features_in_: BigInt(n),
    n_samples_seen_: 1000n,
    mean_: f64(values),
    var_: f64(values.map((v) => v * v)),
    scale_: f64(values.map((v) => Math.abs(v))),
    _sklearn_version: '1.5.2',
  });
}

/** Nested Pipeline / FeatureUnion with `leaves` StandardScaler leaves, at most 4 branches per level. */
function pipelineLevel(leaves, counter) {
  if (leaves <= 1) return scaler(counter.next++);
  const width = Math.min(4, leaves);
  const branches = [];
  for (let i = 0; i < width; i++) {
    const share = Math.floor(leaves / width) + (i < leaves % width ? 1 : 0);
    branches.push(new PyTuple([`b${i}`, pipelineLevel(share, counter)]));
  }
  const union = new PyObject('sklearn.pipeline', 'FeatureUnion', {
    transformer_list: branches,
    n_jobs: null,
    transformer_weights: null,
    verbose: false,
    verbose_feature_names_out: true,
  });
  return new PyObject('sklearn.pipeline', 'Pipeline', {
    steps: [new PyTuple(['union', union]), new PyTuple(['scale', scaler(counter.next++)])],
    memory: null,
    verbose: false,
    _sklearn_version: '1.5.2',
  });
}

/** A deep, wide pipeline: `1,024 × scale` StandardScaler leaves under nested Pipeline / FeatureUnion levels of 4 branches. */
function pipeline(scale) {
  return pipelineLevel(Math.max(1, Math.round(1024 * scale)), { next: 0 });
}

// sklearn's PREDICTOR_RECORD_DTYPE (packed, 56 bytes).
const PREDICTOR_DTYPE = DType.structured([
  { name: 'value', dtype: d8 },
  { name: 'count', dtype: DType.parse('<u4') },
  { name: 'feature_idx', dtype: i8 },
  { name: 'num_threshold', dtype: d8 },
  { name: 'missing_go_to_left', dtype: DType.parse('|u1') },
  { name: 'left', dtype: DType.parse('<u4') },
  { name: 'right', dtype: DType.parse('<u4') },
  { name: 'gain', dtype: d8 },
  { name: 'depth', dtype: DType.parse('<u4') },
  { name: 'is_leaf', dtype: DType.parse('|u1') },
  { name: 'bin_threshold', dtype: DType.parse('|u1') },
  { name: 'is_categorical', dtype: DType.parse('|u1') },
  { name: 'bitset_idx', dtype: DType.parse('<u4') },
]);

function predictor(seed) {
  const rand = prng(seed);
  const n = 61; // 31 leaves, sklearn's default max_leaf_nodes
  const buffer = new Uint8Array(n * 56);
  const view = new DataView(buffer.buffer);
  for (let i = 0; i < n; i++) {
    const o = i * 56;
    const leaf = 2 * i + 2 >= n;
    view.setFloat64(o, rand() - 0.5, true);
    view.setUint32(o + 8, 1 + Math.floor(rand() * 1000), true);
    view.setBigInt64(o + 12, BigInt(Math.floor(rand() * 30)), true);
    view.setFloat64(o + 20, rand() * 10, true);
    view.setUint32(o + 29, leaf ? 0 : 2 * i + 1, true);
    view.setUint32(o + 33, leaf ? 0 : 2 * i + 2, true);
    view.setFloat64(o + 37, rand(), true);
    view.setUint32(o + 45, Math.floor(Math.log2(i + 1)), true);
    buffer[o + 49] = leaf ? 1 : 0;
    buffer[o + 50] = Math.floor(rand() * 255);
  }
  const bitsets = () =>
    new NDArray({ dtype: DType.parse('<u4'), shape: [0, 8], buffer: new Uint8Array(0) });
  return new PyObject('sklearn.ensemble._hist_gradient_boosting.predictor', 'TreePredictor', {
    nodes: new NDArray({ dtype: PREDICTOR_DTYPE, shape: [n], buffer }),
    binned_left_cat_bitsets: bitsets(),
    raw_left_cat_bitsets: bitsets(),
  });
}

/** HistGradientBoostingClassifier-shaped: `1,500 × scale` TreePredictor members. */
function hgb(scale) {
  const nIter = Math.round(1500 * scale);
  const predictors = [];
  for (let i = 0; i < nIter; i++) predictors.push([predictor(5000 + i)]);
  const thresholds = [];
  for (let f = 0; f < 30; f++)
    thresholds.push(f64(Array.from({ length: 255 }, (_, i) => f + i / 255)));
  return new PyObject(
    'sklearn.ensemble._hist_gradient_boosting.gradient_boosting',
    'HistGradientBoostingClassifier',
    {
      loss: 'log_loss',
      learning_rate: 0.1,
      max_iter: BigInt(nIter),
      max_leaf_nodes: 31n,
      max_depth: null,
      min_samples_leaf: 20n,
      l2_regularization: 0,
      max_bins: 255n,
      early_stopping: false,
      n_iter_no_change: 10n,
      random_state: 0n,
      n_features_in_: 30n,
      classes_: i64([0, 1]),
      _baseline_prediction: NDArray.fromTypedArray(Float64Array.of(0.1), [1, 1]),
      _bin_mapper: new PyObject('sklearn.ensemble._hist_gradient_boosting.binning', '_BinMapper', {
        n_bins: 256n,
        subsample: 200000n,
        bin_thresholds_: thresholds,
        n_bins_non_missing_: NDArray.fromTypedArray(new Uint32Array(30).fill(255)),
        is_categorical_: NDArray.fromTypedArray(new Uint8Array(30)),
        missing_values_bin_idx_: 255n,
      }),
      _predictors: predictors,
      n_trees_per_iteration_: 1n,
      train_score_: f64([]),
      validation_score_: f64([]),
      _sklearn_version: '1.5.2',
    },
  );
}

/** The inputs by name: `build(scale)` returns the value; `scales` are the two sizes measured. */
export const INPUTS = {
  arrays: { build: arrays, describe: 'dict: float64 array 200 MB + int32 array 50 MB (× scale)' },
  forest: {
    build: forest,
    describe: 'RandomForestClassifier: 300 trees of depth ≤ 20, ~9,700 nodes each (× scale)',
  },
  pipeline: {
    build: pipeline,
    describe:
      'Pipeline / FeatureUnion nested 4 branches per level over 1,024 StandardScaler leaves (× scale)',
  },
  hgb: {
    build: hgb,
    describe: 'HistGradientBoostingClassifier: 1,500 TreePredictor members (× scale)',
  },
  huge: { build: huge, describe: 'dict: two float64 arrays of 2.2 GB (4.4 GB file, ZIP64)' },
};
