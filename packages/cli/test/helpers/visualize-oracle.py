"""Prints {file: text or null} with what Python skops' visualize prints (no colours) for each file."""
import contextlib
import io
import json
import sys

from skops.io import visualize

out = {}
for path in sys.argv[1:]:
    buf = io.StringIO()
    try:
        with contextlib.redirect_stdout(buf):
            visualize(path, use_colors=False)
        out[path] = buf.getvalue()
    except Exception:  # Python's visualize fails on some nodes (MethodNode); those files are left out
        out[path] = None
print(json.dumps(out))
