/**
 * Which official package handles each loader that the core does not, so that
 * a file needing an unregistered plugin fails with the package to add.
 */
export const LOADER_PACKAGES: Readonly<Record<string, string>> = Object.freeze({
  NdArrayNode: '@skops-ts/numpy',
  MaskedArrayNode: '@skops-ts/numpy',
  DTypeNode: '@skops-ts/numpy',
  RandomStateNode: '@skops-ts/numpy',
  RandomGeneratorNode: '@skops-ts/numpy',
  SparseMatrixNode: '@skops-ts/scipy',
  TreeNode: '@skops-ts/sklearn',
  LossNode: '@skops-ts/sklearn',
  SGDNode: '@skops-ts/sklearn',
  _DictWithDeprecatedKeysNode: '@skops-ts/sklearn',
});
