import { PyDict, PyObject, PyTuple, SkopsError } from '@skops-ts/core';
import { NDArray, NDObjectArray } from '@skops-ts/numpy';
import { compareSklearnVersions } from '../trust/sklearn-version.js';
import { Tree } from '../values/tree.js';

/** Rows of feature values; `null` or NaN is a missing value. */
export type FeatureRows = readonly (readonly (number | null)[])[];

const SINGLE_TREES = new Set([
  'sklearn.tree._classes.DecisionTreeClassifier',
  'sklearn.tree._classes.ExtraTreeClassifier',
  'sklearn.tree._classes.DecisionTreeRegressor',
  'sklearn.tree._classes.ExtraTreeRegressor',
]);
const FORESTS = new Set([
  'sklearn.ensemble._forest.RandomForestClassifier',
  'sklearn.ensemble._forest.ExtraTreesClassifier',
  'sklearn.ensemble._forest.RandomForestRegressor',
  'sklearn.ensemble._forest.ExtraTreesRegressor',
]);

function unsupported(message: string): SkopsError {
  return new SkopsError('UNSUPPORTED_VALUE', message);
}

function attr(model: PyObject, name: string): unknown {
  if (!PyDict.is(model.state) || !model.state.has(name))
    throw unsupported(`${model.className} has no ${name}; is it fitted?`);
  return model.state.get(name);
}

function sequence(value: unknown, what: string): readonly unknown[] {
  if (Array.isArray(value)) return value;
  if (PyTuple.is(value)) return value.items;
  if (NDObjectArray.is(value)) return value.items;
  throw unsupported(`${what} must be a list of estimators.`);
}

/** The fitted tree of a single-tree estimator, checked to have one output. */
function treeOf(model: unknown): { tree: Tree; version: string } {
  if (!PyObject.is(model) || !SINGLE_TREES.has(model.className))
    throw unsupported('Expected a fitted scikit-learn decision tree.');
  const tree = attr(model, 'tree_');
  if (!Tree.is(tree)) throw unsupported(`${model.className}.tree_ is not a loaded Tree.`);
  if (tree.nOutputs !== 1) throw unsupported('Only single-output trees are predicted here.');
  const version = PyDict.is(model.state) ? model.state.get('_sklearn_version') : undefined;
  return { tree, version: typeof version === 'string' ? version : '0' };
}

function rowsOf(X: FeatureRows, nFeatures: number): Float64Array[] {
  return X.map((row, i) => {
    if (row.length !== nFeatures)
      throw unsupported(`Row ${i} has ${row.length} features; the model expects ${nFeatures}.`);
    return Float64Array.from(row, (v) => (v === null ? NaN : v));
  });
}

/**
 * A single tree's class probabilities for one leaf, as `predict_proba` of
 * that scikit-learn version computes them: before 1.4 the leaf holds weighted
 * class counts, divided by their sum (0 taken as 1); from 1.4 it holds the
 * fractions themselves.
 */
function leafProba(tree: Tree, leaf: number, nClasses: number, version: string): number[] {
  const row = [...tree.nodeValue(leaf).subarray(0, nClasses)];
  if (compareSklearnVersions(version, '1.4') >= 0) return row;
  let sum = 0;
  for (const v of row) sum += v;
  const normalizer = sum === 0 ? 1 : sum;
  return row.map((v) => v / normalizer);
}

function isClassifier(model: PyObject): boolean {
  return model.name.endsWith('Classifier');
}

function classesOf(model: PyObject): readonly unknown[] {
  const classes = attr(model, 'classes_');
  if (NDArray.is(classes)) return classes.toArray() as unknown[];
  if (NDObjectArray.is(classes)) return classes.items;
  throw unsupported(`${model.className}.classes_ is not an array.`);
}

/** Index of the first largest entry, as `numpy.argmax`. */
function argmax(values: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i++)
    if ((values[i] as number) > (values[best] as number)) best = i;
  return best;
}

function forestTrees(model: PyObject): { tree: Tree; version: string }[] {
  return sequence(attr(model, 'estimators_'), `${model.className}.estimators_`).map(treeOf);
}

/**
 * `predict_proba` of a fitted single-output DecisionTree / ExtraTree
 * classifier or RandomForest / ExtraTrees classifier: per-tree leaf
 * probabilities, summed tree by tree and divided by the number of trees,
 * in scikit-learn's order of float64 operations. Features are compared as
 * float32 (`Math.fround`), thresholds as float64.
 */
export function predictProba(model: unknown, X: FeatureRows): number[][] {
  if (!PyObject.is(model) || !isClassifier(model))
    throw unsupported('predictProba needs a fitted tree or forest classifier.');
  const nClasses = classesOf(model).length;
  if (SINGLE_TREES.has(model.className)) {
    const { tree, version } = treeOf(model);
    return rowsOf(X, tree.nFeatures).map((row) =>
      leafProba(tree, tree.leafOf(row), nClasses, version),
    );
  }
  if (!FORESTS.has(model.className)) throw unsupported(`${model.className} is not predicted here.`);
  const trees = forestTrees(model);
  if (trees.length === 0) throw unsupported(`${model.className} has no trees.`);
  const rows = rowsOf(X, (trees[0] as { tree: Tree }).tree.nFeatures);
  return rows.map((row) => {
    const out = new Array<number>(nClasses).fill(0);
    for (const { tree, version } of trees) {
      const p = leafProba(tree, tree.leafOf(row), nClasses, version);
      for (let k = 0; k < nClasses; k++) out[k] = (out[k] as number) + (p[k] as number);
    }
    return out.map((v) => v / trees.length);
  });
}

/**
 * `predict` of a fitted single-output tree or forest: class labels (from
 * `classes_`) for classifiers, leaf values (averaged over the trees of a
 * forest) for regressors.
 */
export function predict(model: unknown, X: FeatureRows): unknown[] {
  if (!PyObject.is(model)) throw unsupported('predict needs a fitted scikit-learn tree or forest.');
  if (isClassifier(model)) {
    const classes = classesOf(model);
    if (SINGLE_TREES.has(model.className)) {
      // A single tree picks the class from the raw leaf values, before normalisation.
      const { tree } = treeOf(model);
      return rowsOf(X, tree.nFeatures).map(
        (row) => classes[argmax([...tree.nodeValue(tree.leafOf(row)).subarray(0, classes.length)])],
      );
    }
    return predictProba(model, X).map((p) => classes[argmax(p)]);
  }
  if (SINGLE_TREES.has(model.className)) {
    const { tree } = treeOf(model);
    return rowsOf(X, tree.nFeatures).map((row) => tree.nodeValue(tree.leafOf(row))[0] as number);
  }
  if (!FORESTS.has(model.className)) throw unsupported(`${model.className} is not predicted here.`);
  const trees = forestTrees(model);
  if (trees.length === 0) throw unsupported(`${model.className} has no trees.`);
  return rowsOf(X, (trees[0] as { tree: Tree }).tree.nFeatures).map((row) => {
    let sum = 0;
    for (const { tree } of trees) sum += tree.nodeValue(tree.leafOf(row))[0] as number;
    return sum / trees.length;
  });
}
