import type { PickleRecogniser } from '@skops-ts/pickle';
import { dtypeRecogniser } from './dtype-recogniser.js';
import { joblibArrayRecogniser } from './joblib-array-recogniser.js';
import { generatorRecogniser, randomStateRecogniser } from './random-recognisers.js';
import {
  frombufferRecogniser,
  maskedArrayRecogniser,
  reconstructRecogniser,
} from './reconstruct-recogniser.js';
import { scalarRecogniser } from './scalar-recogniser.js';
import { numpyTypeRecogniser } from './type-recogniser.js';

/** Recognisers of numpy's pickle forms (arrays, dtypes, scalars, masked arrays, random states, joblib arrays). */
export const numpyRecognisers: readonly PickleRecogniser[] = [
  dtypeRecogniser,
  reconstructRecogniser,
  frombufferRecogniser,
  maskedArrayRecogniser,
  scalarRecogniser,
  joblibArrayRecogniser,
  randomStateRecogniser,
  generatorRecogniser,
  numpyTypeRecogniser,
];
