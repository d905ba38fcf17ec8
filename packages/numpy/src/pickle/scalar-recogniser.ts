import type { CallRecogniser } from '@skops-ts/pickle';
import { NDArray } from '../array/ndarray.js';
import { scalarType } from '../dtype/scalar-types.js';
import { NpScalar } from '../values/np-scalar.js';
import { dtypeValue } from './array-from-state.js';
import { coreSpellings, isNumpy2Spelling } from './spellings.js';

/**
 * `numpy.core.multiarray.scalar(dtype, raw)`: a numpy scalar that keeps its
 * class (`numpy.bytes_` too: its dumper writes it as Python skops does).
 * Object dtype scalars are their item.
 */
export const scalarRecogniser: CallRecogniser = {
  kind: 'call',
  globals: coreSpellings('multiarray.scalar'),
  convert(node, ctx) {
    if (!('args' in node) || node.args.length < 1 || node.args.length > 2)
      throw ctx.fail('numpy scalar takes (dtype[, raw]).');
    const [dtypeNode, raw] = node.args.items;
    const dtype = dtypeValue(dtypeNode, ctx);
    if (dtype.isObject) return ctx.convert(raw);
    const bytes =
      raw === undefined ? new Uint8Array(dtype.itemsize) : ctx.bytesOf(ctx.convert(raw));
    if (!bytes || bytes.length !== dtype.itemsize)
      throw ctx.fail(`a numpy scalar of dtype ${dtype.str} does not hold ${dtype.itemsize} bytes.`);
    const type = dtype.fields || dtype.subarray ? scalarType('V', dtype.itemsize) : dtype.scalar;
    if (!type) throw ctx.fail(`numpy has no scalar type for dtype ${dtype.str}.`);
    const name = isNumpy2Spelling(node.target?.py3FullName) ? type.numpy2Name : type.numpy1Name;
    return new NpScalar(name, new NDArray({ dtype, shape: [], buffer: bytes.slice() }));
  },
};
