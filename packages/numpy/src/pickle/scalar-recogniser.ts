import type { CallRecogniser } from '@skops-ts/pickle';
import { NDArray } from '../array/ndarray.js';
import { DType } from '../dtype/dtype.js';
import { scalarType } from '../dtype/scalar-types.js';
import { NpScalar } from '../values/np-scalar.js';
import { dtypeValue } from './array-from-state.js';
import { coreSpellings, isNumpy2Spelling } from './spellings.js';

/**
 * `numpy.core.multiarray.scalar(dtype, raw)`: a numpy scalar. Object dtype
 * scalars are their item. `numpy.bytes_` becomes bytes, which is what Python
 * skops saves for it (a BytesNode) and loads back.
 */
export const scalarRecogniser: CallRecogniser = {
  kind: 'call',
  globals: coreSpellings('multiarray.scalar'),
  convert(node, ctx) {
    if (!('args' in node) || node.args.length < 1 || node.args.length > 2)
      throw ctx.fail('numpy scalar takes (dtype[, raw]).');
    const [dtypeNode, raw] = node.args.items;
    const dtype = dtypeValue(dtypeNode, ctx);
    if (!DType.is(dtype)) return ctx.convert(raw);
    const bytes =
      raw === undefined ? new Uint8Array(dtype.itemsize) : ctx.bytesOf(ctx.convert(raw));
    if (!bytes || bytes.length !== dtype.itemsize)
      throw ctx.fail(`a numpy scalar of dtype ${dtype.str} does not hold ${dtype.itemsize} bytes.`);
    const kind = dtype.fields || dtype.subarray ? 'V' : dtype.kind;
    const type = scalarType(kind, dtype.itemsize);
    if (!type) throw ctx.fail(`numpy has no scalar type for dtype ${dtype.str}.`);
    if (kind === 'S') return bytes.slice();
    const name = isNumpy2Spelling(node.target?.py3FullName) ? type.numpy2Name : type.numpy1Name;
    return new NpScalar(name, new NDArray({ dtype, shape: [], buffer: bytes.slice() }));
  },
};
