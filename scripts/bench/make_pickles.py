"""Writes the `arrays` input as Python would hand it to a converter: a pickle
(protocol 4, Python's default) and a joblib file (uncompressed) of a dict
holding a float64 array of 200 MB x scale (float32-precision values) and an
int32 array of 50 MB x scale.

  make_pickles.py SCALE PICKLE_PATH JOBLIB_PATH
"""

import pickle
import sys

import joblib
import numpy as np

scale = float(sys.argv[1])
rng = np.random.default_rng(1)
value = {
    "weights": rng.standard_normal(round(200e6 * scale / 8)).astype(np.float32).astype(np.float64),
    "ids": rng.integers(0, 1000, size=round(50e6 * scale / 4), dtype=np.int32),
}
with open(sys.argv[2], "wb") as f:
    pickle.dump(value, f, protocol=4)
joblib.dump(value, sys.argv[3])
