import type { Describer } from '@skops-ts/core';
import { NpScalar } from '../values/np-scalar.js';
import { arrayHash } from './array-hash.js';
import { describeDType } from './dtype-description.js';

/** numpy scalars (rule 10). */
export const npScalarDescriber: Describer = {
  name: 'numpy.generic',
  test: (value) => NpScalar.is(value),
  describe: (value) => {
    const scalar = value as NpScalar;
    return {
      npscalar: {
        class: scalar.className,
        dtype: describeDType(scalar.dtype),
        sha256: arrayHash(scalar.array),
      },
    };
  },
};
