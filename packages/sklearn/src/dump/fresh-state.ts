import { PyDict, PyTuple } from '@skops-ts/core';
import { NDArray } from '@skops-ts/numpy';

const fresh = (v: unknown): unknown => (NDArray.is(v) ? v.reshape(v.shape) : v);

/**
 * What Cython's `Tree.__reduce__` hands to pickle at every call: a new
 * argument tuple and state dict whose arrays are new array objects, so a
 * tree saved twice gets new ids and new `.npy` members, as Python writes it.
 */
export function freshTuple(t: PyTuple): PyTuple {
  return new PyTuple(t.items.map(fresh), t.module, t.name);
}

/** See {@link freshTuple}. */
export function freshDict(d: PyDict): PyDict {
  return new PyDict(
    [...d.entries()].map(([k, v]) => [k, fresh(v)] as const),
    d.module,
    d.name,
  );
}
