import { PyDict } from '@skops-ts/core';
import type { CallRecogniser } from '@skops-ts/pickle';
import { NDArray } from '../array/ndarray.js';
import { arrayClassOf, dtypeValue, native } from './array-from-state.js';

/** joblib's `NumpyArrayWrapper` with the raw bytes (or embedded object-array pickle) that follow it. */
export const joblibArrayRecogniser: CallRecogniser = {
  kind: 'call',
  globals: ['joblib.numpy_pickle.NumpyArrayWrapper'],
  convert(node, ctx) {
    if (!('wrapper' in node)) throw ctx.fail('a NumpyArrayWrapper without its array data.');
    if (node.isObjectArray) return ctx.convert(node.embedded);
    const state = node.wrapper.state;
    const className = arrayClassOf(PyDict.is(state) ? state.get('subclass') : undefined, ctx);
    const dtype = dtypeValue(node.dtype.node, ctx);
    if (dtype.isObject || node.data === null)
      throw ctx.fail('a joblib array of objects has no embedded pickle.');
    const fixed = native(dtype, node.data);
    return new NDArray({
      dtype: fixed.dtype,
      shape: node.shape,
      buffer: fixed.bytes,
      order: node.order,
      className,
    });
  },
};
