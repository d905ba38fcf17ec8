import type { Dumper } from '@skops-ts/core';
import { NpScalar } from '../values/np-scalar.js';
import { npyState } from './ndarray-dumper.js';

/**
 * numpy scalars keep their class: an NdArrayNode of that class holding a
 * 0-d `.npy`. `numpy.bytes_` is a `bytes` subclass that Python skops
 * dispatches to its bytes saver first: a BytesNode of class `numpy.bytes_`
 * with the value in a `.bin` member, which loads back as plain bytes.
 */
export const npScalarDumper: Dumper = {
  name: 'numpy.generic',
  test: (value) => NpScalar.is(value),
  dump: (value, ctx) => {
    const scalar = value as NpScalar;
    if (scalar.name === 'bytes_') {
      return {
        __class__: 'bytes_',
        __module__: 'numpy',
        __loader__: 'BytesNode',
        file: ctx.addMember(`${ctx.idOf(scalar)}.bin`, scalar.value as Uint8Array),
      };
    }
    return npyState(scalar, scalar.array, scalar.name, ctx);
  },
};
