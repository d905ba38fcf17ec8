import type { PickleRecogniser } from '@skops-ts/pickle';
import { cythonUnpickleLossRecogniser, reduceLossRecogniser } from './loss-recognisers.js';
import { newObjRecogniser } from './new-obj-recogniser.js';
import { treeRecogniser } from './tree-recogniser.js';

/**
 * Recognisers of scikit-learn's reduce forms (Tree, losses, the neighbors
 * trees' `newObj`). Estimators need none: they pickle as classes created
 * without their code plus a state dict, which the converter handles.
 */
export const sklearnRecognisers: readonly PickleRecogniser[] = [
  treeRecogniser,
  cythonUnpickleLossRecogniser,
  reduceLossRecogniser,
  newObjRecogniser,
];
