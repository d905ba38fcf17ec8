import type { PickleRecogniser } from '@skops-ts/pickle';
import { sparseMatrixRecogniser } from './sparse-matrix-recogniser.js';

/** Recognisers of scipy's pickle forms: sparse matrices become {@link SparseMatrix} values. */
export const scipyRecognisers: readonly PickleRecogniser[] = [sparseMatrixRecogniser];
