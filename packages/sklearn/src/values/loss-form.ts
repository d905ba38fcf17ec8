import { compareSklearnVersions } from '../trust/sklearn-version.js';
import type { LossPickleForm } from './loss.js';

/** Module names of the Cython losses (`_loss` in scikit-learn 1.5 – 1.8 wheels). */
const CYTHON_LOSS_MODULES = new Set(['sklearn._loss._loss', '_loss']);

/**
 * How a loss class pickles on a scikit-learn version. The `sklearn._loss._loss`
 * classes use Cython's automatic pickling on 1.2 (fixtures: `../skops/`) and
 * define `__reduce__() = (cls, params)` on 1.9 (`../skops-modern/`), except
 * `CyHalfMultinomialLoss`, which keeps the Cython form. The change is taken
 * to come with 1.6, when SGD started to pickle these classes with their
 * parameters; versions between 1.2 and 1.9 are not pinned by a fixture.
 */
export function lossPickleForm(
  module: string,
  name: string,
  sklearnVersion: string,
): LossPickleForm {
  if (!CYTHON_LOSS_MODULES.has(module)) return 'reduce';
  if (name === 'CyHalfMultinomialLoss') return 'cython';
  return compareSklearnVersions(sklearnVersion, '1.6') < 0 ? 'cython' : 'reduce';
}
