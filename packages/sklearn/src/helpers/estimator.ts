import { PyDict, PyObject, PySet, PyTuple } from '@skops-ts/core';
import { NDObjectArray } from '@skops-ts/numpy';

/**
 * True for a loaded scikit-learn estimator: an object whose state is a dict
 * carrying `_sklearn_version`, which `BaseEstimator.__getstate__` adds to
 * every estimator (scikit-learn's own and third-party ones such as
 * `xgboost.sklearn.XGBClassifier`).
 */
export function isEstimator(value: unknown): value is PyObject & { state: PyDict } {
  return PyObject.is(value) && PyDict.is(value.state) && value.state.has('_sklearn_version');
}

function stateEntries(obj: unknown): [string, unknown][] {
  if (!PyObject.is(obj) || !PyDict.is(obj.state)) return [];
  return [...obj.state.entries()].filter((e): e is [string, unknown] => typeof e[0] === 'string');
}

/**
 * The constructor parameters of an estimator as stored: public attributes
 * that do not end in `_` (scikit-learn stores each `__init__` argument under
 * its own name). Private (`_x`) and fitted (`x_`) attributes are left out.
 */
export function params(obj: unknown): Map<string, unknown> {
  return new Map(stateEntries(obj).filter(([k]) => !k.startsWith('_') && !k.endsWith('_')));
}

/**
 * The fitted attributes of an estimator: names ending in `_` and not starting
 * with `__`, the rule of scikit-learn's `check_is_fitted`. Empty for an
 * unfitted estimator.
 */
export function fittedAttributes(obj: unknown): Map<string, unknown> {
  return new Map(stateEntries(obj).filter(([k]) => k.endsWith('_') && !k.startsWith('__')));
}

/** An estimator found inside another one, with where it sits in the parent's state. */
export interface NestedEstimator {
  /** Python-like access path from the parent's state, e.g. `steps[0][1]`, `best_estimator_`, `estimators_[3]`. */
  readonly path: string;
  readonly estimator: PyObject & { state: PyDict };
}

/**
 * The estimators held directly by an estimator: Pipeline `steps`,
 * ColumnTransformer `transformers` / `transformers_`, FeatureUnion
 * `transformer_list`, a search's `estimator` and `best_estimator_`,
 * ensembles' `estimator` and `estimators_`, and any other attribute that
 * holds estimators in lists, tuples, dicts or object arrays. It does not look
 * inside the estimators it finds (call it again on them); an estimator held
 * in several places is listed once, at its first path.
 */
export function nestedEstimators(obj: unknown): NestedEstimator[] {
  const found: NestedEstimator[] = [];
  const seen = new Set<unknown>([obj]);
  const stack: [string, unknown][] = stateEntries(obj).map(([k, v]) => [k, v]);
  stack.reverse();
  while (stack.length) {
    const [path, value] = stack.pop() as [string, unknown];
    if (typeof value !== 'object' || value === null || seen.has(value)) continue;
    seen.add(value);
    if (isEstimator(value)) {
      found.push({ path, estimator: value });
      continue;
    }
    const children: [string, unknown][] = [];
    if (Array.isArray(value) || PyTuple.is(value) || PySet.is(value)) {
      [...(Array.isArray(value) ? value : PyTuple.is(value) ? value.items : value.items)].forEach(
        (v, i) => children.push([`${path}[${i}]`, v]),
      );
    } else if (NDObjectArray.is(value)) {
      value.items.forEach((v, i) => children.push([`${path}.flat[${i}]`, v]));
    } else if (PyDict.is(value)) {
      for (const [k, v] of value.entries())
        children.push([`${path}[${typeof k === 'string' ? JSON.stringify(k) : String(k)}]`, v]);
    } else if (PyObject.is(value) && PyDict.is(value.state)) {
      // Containers that are not estimators (a Bunch, a calibrated-classifier wrapper) are looked through.
      for (const [k, v] of value.state.entries()) children.push([`${path}.${String(k)}`, v]);
    }
    children.reverse();
    stack.push(...children);
  }
  return found;
}
