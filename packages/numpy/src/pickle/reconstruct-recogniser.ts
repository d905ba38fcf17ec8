import { PyTuple } from '@skops-ts/core';
import type { CallRecogniser, RecogniserContext } from '@skops-ts/pickle';
import { DType } from '../dtype/dtype.js';
import { MaskedArray } from '../values/masked-array.js';
import { NDArray } from '../array/ndarray.js';
import { arrayClassOf, arrayFromParts, dtypeValue, shapeOf } from './array-from-state.js';
import { coreSpellings } from './spellings.js';

function stateItems(
  state: unknown,
  min: number,
  what: string,
  ctx: RecogniserContext,
): readonly unknown[] {
  if (!PyTuple.is(state) || state.length < min)
    throw ctx.fail(`${what} has no (version, shape, dtype, is_fortran, data) state.`);
  return state.items;
}

/** `numpy.core.multiarray._reconstruct(cls, (0,), b'b')` + BUILD `(1, shape, dtype, is_fortran, raw)`. */
export const reconstructRecogniser: CallRecogniser = {
  kind: 'call',
  globals: coreSpellings('multiarray._reconstruct'),
  convert(node, ctx) {
    if (!('args' in node)) throw ctx.fail('_reconstruct is not called.');
    const className = arrayClassOf(node.args.items[0], ctx);
    const [, shape, dtype, fortran, raw] = stateItems(node.state, 5, 'a pickled array', ctx);
    return arrayFromParts(
      className,
      shapeOf(shape, ctx),
      dtypeValue(dtype, ctx),
      ctx.convert(fortran) === true,
      raw,
      ctx,
    );
  },
};

/** `numpy.core.numeric._frombuffer(buffer, dtype, shape, order)` (protocol 5 contiguous arrays). */
export const frombufferRecogniser: CallRecogniser = {
  kind: 'call',
  globals: coreSpellings('numeric._frombuffer'),
  convert(node, ctx) {
    if (!('args' in node) || node.args.length !== 4)
      throw ctx.fail('_frombuffer takes (buffer, dtype, shape, order).');
    const [buffer, dtype, shape, order] = node.args.items;
    const o = ctx.convert(order);
    if (o !== 'C' && o !== 'F') throw ctx.fail('_frombuffer order is not "C" or "F".');
    const dt = dtypeValue(dtype, ctx);
    if (dt.isObject) throw ctx.fail('_frombuffer cannot hold objects.');
    // `frombuffer` keeps the stored byte order, unlike `ndarray.__setstate__`.
    return arrayFromParts('numpy.ndarray', shapeOf(shape, ctx), dt, o === 'F', buffer, ctx, false);
  },
};

/** `numpy.ma.core._mareconstruct(MaskedArray, ndarray, (0,), 'b')` + BUILD `(1, shape, dtype, is_fortran, data, mask, fill_value)`. */
export const maskedArrayRecogniser: CallRecogniser = {
  kind: 'call',
  globals: ['numpy.ma.core._mareconstruct'],
  convert(node, ctx) {
    if (!('args' in node)) throw ctx.fail('_mareconstruct is not called.');
    const cls = ctx.globalName(node.args.items[0]);
    if (cls !== 'numpy.ma.core.MaskedArray')
      throw ctx.fail(
        `the masked array class ${cls ?? '(computed)'} is not numpy.ma.core.MaskedArray.`,
      );
    const [, shape, dtype, fortran, raw, mask] = stateItems(
      node.state,
      6,
      'a pickled masked array',
      ctx,
    );
    const dims = shapeOf(shape, ctx);
    const isFortran = ctx.convert(fortran) === true;
    const data = arrayFromParts('numpy.ndarray', dims, dtypeValue(dtype, ctx), isFortran, raw, ctx);
    const maskArray = arrayFromParts(
      'numpy.ndarray',
      dims,
      DType.parse('|b1'),
      isFortran,
      mask,
      ctx,
    );
    if (!NDArray.is(maskArray)) throw ctx.fail('a masked array mask is not a bool array.');
    return new MaskedArray(data, maskArray, 'numpy.ma.core');
  },
};
