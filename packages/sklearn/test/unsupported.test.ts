import { describe, expect, it } from 'vitest';
import { dumps, PyDict, PyObject } from '@skops-ts/core';
import { numpyPlugin } from '@skops-ts/numpy';
import { sklearnPlugin } from '@skops-ts/sklearn';

describe('saving what Python skops refuses', () => {
  it('refuses Birch with the message Python skops gives', async () => {
    const birch = new PyObject(
      'sklearn.cluster._birch',
      'Birch',
      new PyDict<unknown>([
        ['threshold', 0.5],
        ['_sklearn_version', '1.2.1'],
      ]),
    );
    const err = await dumps(birch, { plugins: [numpyPlugin, sklearnPlugin] }).catch(
      (e: unknown) => e,
    );
    expect(err).toMatchObject({
      code: 'UNSUPPORTED_VALUE',
      message: 'Objects of type Birch are not supported yet.',
    });
  });
});
