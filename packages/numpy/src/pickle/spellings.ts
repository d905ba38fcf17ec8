/** A numpy global under both of its module spellings: `numpy.core` (numpy 1) and `numpy._core` (numpy 2). */
export function coreSpellings(path: string): string[] {
  return [`numpy.core.${path}`, `numpy._core.${path}`];
}

/** True when the global was spelled the numpy 2 way, so scalar classes take their numpy 2 names. */
export function isNumpy2Spelling(fullName: string | undefined): boolean {
  return fullName?.startsWith('numpy._core.') ?? false;
}
