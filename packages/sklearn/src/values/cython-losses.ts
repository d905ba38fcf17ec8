/** `sklearn._loss._loss` Cython losses whose constructors take no parameters. */
export const STATELESS_CYTHON_LOSSES: readonly string[] = [
  'CyAbsoluteError',
  'CyExponentialLoss',
  'CyHalfBinomialLoss',
  'CyHalfGammaLoss',
  'CyHalfMultinomialLoss',
  'CyHalfPoissonLoss',
  'CyHalfSquaredError',
];

/** Every `sklearn._loss._loss` Cython loss class. */
export const CYTHON_LOSSES: readonly string[] = [
  ...STATELESS_CYTHON_LOSSES,
  'CyHalfTweedieLoss',
  'CyHalfTweedieLossIdentity',
  'CyHuberLoss',
  'CyPinballLoss',
];

/** scikit-learn 1.5 – 1.8 wheels name the Cython loss module `_loss`. */
export const CYTHON_LOSS_MODULES: readonly string[] = ['sklearn._loss._loss', '_loss'];
