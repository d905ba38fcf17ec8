import type { PickleRecogniser } from '../recogniser.js';
import { builtinFunctionsRecogniser, builtinTypesRecogniser } from './builtin-types.js';
import { builtinValueRecognisers } from './builtin-values.js';
import { collectionsRecognisers } from './collections.js';
import { copyregRecognisers } from './copyreg.js';
import { datetimeRecogniser } from './datetime.js';
import { partialRecogniser } from './functools-partial.js';
import { operatorRecogniser } from './operator.js';

/** Recognisers of the builtins and standard library pieces skops supports; they belong to no plugin. */
export const builtinRecognisers: readonly PickleRecogniser[] = [
  ...builtinValueRecognisers,
  ...collectionsRecognisers,
  ...copyregRecognisers,
  partialRecogniser,
  datetimeRecogniser,
  operatorRecogniser,
  builtinTypesRecogniser,
  builtinFunctionsRecogniser,
];
