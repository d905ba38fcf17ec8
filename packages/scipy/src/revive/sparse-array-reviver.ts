import { PyDict, PyObject, PyTuple, type ConstructContext, type Reviver } from '@skops-ts/core';
import { NDArray } from '@skops-ts/numpy';
import {
  parseSparseClass,
  SPARSE_FORMATS,
  sparseClassName,
  type SparseFormat,
} from '../sparse/formats.js';
import { SparseValidationError } from '../sparse/sparse-error.js';
import { SparseMatrix } from '../sparse/sparse-matrix.js';

function shapeOf(value: unknown, ctx: ConstructContext): number[] {
  const items = PyTuple.is(value) ? value.items : undefined;
  const shape = items?.map((d) => (typeof d === 'bigint' ? Number(d) : d));
  if (
    !shape ||
    !shape.every((d): d is number => typeof d === 'number' && Number.isSafeInteger(d) && d >= 0)
  ) {
    throw ctx.error('A scipy sparse array needs `_shape`, a tuple of non-negative ints.');
  }
  return shape;
}

function revive(value: unknown, ctx: ConstructContext): SparseMatrix {
  const obj = value as PyObject;
  const format = parseSparseClass(obj.className)?.format as SparseFormat;
  const state = obj.state;
  if (!PyDict.is(state)) throw ctx.error(`${obj.className} needs its attribute dict as state.`);
  const array = (key: string): NDArray | undefined => {
    const v = state.get(key);
    if (v === undefined) return undefined;
    if (!NDArray.is(v))
      throw ctx.error(`Attribute \`${key}\` of ${obj.className} must be a numpy array.`);
    return v;
  };
  const coordsValue = state.get('coords');
  let coords: NDArray[] | undefined;
  if (coordsValue !== undefined) {
    if (!PyTuple.is(coordsValue) || !coordsValue.items.every((a) => NDArray.is(a))) {
      throw ctx.error(`Attribute \`coords\` of ${obj.className} must be a tuple of numpy arrays.`);
    }
    coords = [...coordsValue.items] as NDArray[];
  }
  const data = array('data');
  if (!data) throw ctx.error(`${obj.className} has no \`data\` attribute.`);
  try {
    return new SparseMatrix({
      format,
      shape: shapeOf(state.get('_shape'), ctx),
      data,
      indices: array('indices'),
      indptr: array('indptr'),
      coords,
      offsets: array('offsets'),
      className: obj.className,
      storage: 'object',
      source: obj,
    });
  } catch (error) {
    throw SparseValidationError.is(error) && !error.path ? error.at(ctx.path) : error;
  }
}

/**
 * scipy >= 1.11 sparse arrays (`csr_array`, …) are not `spmatrix`, so skops
 * saves them as ObjectNodes of their `__dict__`. This gives them the same
 * {@link SparseMatrix} view, keeping the object for the round trip.
 */
export const sparseArrayReviver: Reviver = {
  classes: SPARSE_FORMATS.map((f) => sparseClassName(f, 'array')),
  revive: (value, ctx) => (PyObject.is(value) ? revive(value, ctx) : value),
};
