"""Test oracle: answers prediction requests with the real XGBoost (Debian python3-xgboost).

Reads one JSON request on stdin, writes one JSON answer on stdout. Float32 results are
widened exactly to float64; NaN is null. Used only by the interop tests.
"""
import base64
import json
import sys

import numpy as np
import xgboost as xgb


def tolist(a):
    a = np.asarray(a)
    if a.dtype.kind == "f":
        a = a.astype(np.float64)
        return [None if np.isnan(v) else v for v in a.ravel().tolist()], list(a.shape)
    return a.ravel().tolist(), list(a.shape)


def matrix(rows):
    return np.array([[np.nan if v is None else v for v in r] for r in rows], dtype=np.float64)


def booster_from_handle(b64):
    bst = xgb.Booster()
    bst.__setstate__({"handle": bytearray(base64.b64decode(b64))})
    return bst


def predictions(bst, X, ranges):
    out = {}
    d = xgb.DMatrix(X)
    for r in ranges:
        key = f"{r[0]}:{r[1]}"
        out[f"value@{key}"] = tolist(bst.predict(d, iteration_range=tuple(r), validate_features=False))
        out[f"margin@{key}"] = tolist(bst.predict(d, output_margin=True, iteration_range=tuple(r), validate_features=False))
    return out


def train(case, rng):
    n, f = case.get("rows", 200), case.get("features", 5)
    X = rng.normal(size=(n, f))
    X[rng.random(size=X.shape) < 0.1] = np.nan
    obj = case["params"]["objective"]
    if obj.startswith("multi:"):
        y = rng.integers(0, case["params"]["num_class"], size=n)
    elif obj.startswith("binary:") or obj == "reg:logistic":
        y = (np.nan_to_num(X[:, 0]) + rng.normal(scale=0.5, size=n) > 0).astype(float)
    elif obj in ("count:poisson", "reg:tweedie"):
        y = rng.poisson(np.exp(np.nan_to_num(X[:, 0]) * 0.5)).astype(float)
    elif obj == "reg:gamma":
        y = rng.gamma(2.0, np.exp(np.nan_to_num(X[:, 0]) * 0.3))
    elif obj.startswith("rank:"):
        y = rng.integers(0, 4, size=n).astype(float)
    elif obj == "survival:cox":
        y = rng.exponential(size=n) * np.where(rng.random(n) < 0.8, 1, -1)
    else:
        y = 3 * np.nan_to_num(X[:, 0]) - 2 * np.nan_to_num(X[:, 1]) + rng.normal(size=n)
    feature_types = None
    if case.get("categorical"):
        X[:, 0] = np.where(np.isnan(X[:, 0]), np.nan, rng.integers(0, 12, size=n))
        y = y + np.where(np.isin(np.nan_to_num(X[:, 0]), [1, 4, 7]), 3.0, 0.0) if not obj.startswith(("binary:", "multi:")) else y
        feature_types = ["c"] + ["q"] * (f - 1)
    dtrain = xgb.DMatrix(X, label=y, feature_types=feature_types, enable_categorical=bool(feature_types))
    if obj.startswith("rank:"):
        dtrain.set_group([n // 4] * 4)
    bst = xgb.train(case["params"], dtrain, num_boost_round=case.get("rounds", 6))
    Xt = rng.normal(size=(40, f))
    Xt[rng.random(size=Xt.shape) < 0.15] = np.nan
    if case.get("categorical"):
        Xt[:, 0] = np.where(np.isnan(Xt[:, 0]), np.nan, rng.integers(-1, 15, size=40) + rng.choice([0, 0.5], size=40))
    rounds = bst.num_boosted_rounds()
    dt = xgb.DMatrix(Xt, feature_types=feature_types, enable_categorical=bool(feature_types))
    ranges = [(0, 0), (1, max(1, rounds - 1))] if case["params"].get("booster") != "gblinear" else [(0, 0)]
    out = {}
    for r in ranges:
        key = f"{r[0]}:{r[1]}"
        out[f"value@{key}"] = tolist(bst.predict(dt, iteration_range=r))
        out[f"margin@{key}"] = tolist(bst.predict(dt, output_margin=True, iteration_range=r))
    handle = bst.__getstate__()["handle"]
    return {
        "handle": base64.b64encode(bytes(handle)).decode(),
        "X": [[None if np.isnan(v) else float(v) for v in row] for row in Xt],
        "outputs": out,
    }


def sklearn_case(case, rng):
    n, f = 150, 4
    X = rng.normal(size=(n, f))
    X[rng.random(size=X.shape) < 0.1] = np.nan
    kind = case["kind"]
    params = dict(n_estimators=5, max_depth=3, **case.get("params", {}))
    if kind == "classifier":
        y = rng.integers(0, case.get("classes", 2), size=n)
        model = xgb.XGBClassifier(**params).fit(X, y)
    else:
        y = 2 * np.nan_to_num(X[:, 0]) + rng.normal(size=n)
        model = xgb.XGBRegressor(**params).fit(X, y)
    Xt = rng.normal(size=(30, f))
    Xt[rng.random(size=Xt.shape) < 0.15] = np.nan
    out = {"predict": tolist(model.predict(Xt))}
    if kind == "classifier":
        out["predict_proba"] = tolist(model.predict_proba(Xt))
    bst = model.get_booster()
    state = bst.__getstate__()
    return {
        "handle": base64.b64encode(bytes(state["handle"])).decode(),
        "best_iteration": state.get("best_iteration"),
        "wrapper": {
            "objective": model.objective if isinstance(model.objective, str) else None,
            "n_classes_": getattr(model, "n_classes_", None),
            "booster": model.booster,
            "predictor": model.predictor,
        },
        "X": [[None if np.isnan(v) else float(v) for v in row] for row in Xt],
        "outputs": out,
    }


def main():
    xgb.set_config(verbosity=0)
    request = json.load(sys.stdin)
    rng = np.random.default_rng(request.get("seed", 0))
    answer = {"version": xgb.__version__, "results": []}
    for item in request["items"]:
        mode = item["mode"]
        if mode == "train":
            answer["results"].append(train(item, rng))
        elif mode == "sklearn":
            answer["results"].append(sklearn_case(item, rng))
        elif mode == "handle":
            bst = booster_from_handle(item["handle"])
            answer["results"].append(predictions(bst, matrix(item["X"]), item.get("ranges", [[0, 0]])))
        elif mode == "json":
            bst = xgb.Booster()
            bst.load_model(bytearray(item["json"].encode("utf-8")))
            answer["results"].append(predictions(bst, matrix(item["X"]), item.get("ranges", [[0, 0]])))
        else:
            raise ValueError(mode)
    sys.stdout.write("\n" + json.dumps(answer) + "\n")


main()
