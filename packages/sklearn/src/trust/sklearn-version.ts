import type { PythonEnv } from '@skops-ts/core';
import { SKLEARN_TRUST_ROWS } from './sklearn-versions.generated.js';

/** The default trusted names of one scikit-learn version. */
export interface SklearnTrust {
  /** The known version whose lists apply (the newest known one not above the requested version). */
  readonly version: string;
  /** skops' SKLEARN_ESTIMATOR_TYPE_NAMES. */
  readonly estimators: readonly string[];
  /** skops' SKLEARN_INTERNAL_TYPE_NAMES. */
  readonly internal: readonly string[];
  /** skops' ALLOWED_LOSSES (LossNode's default). */
  readonly losses: readonly string[];
}

/** Numeric parts of a version (`1.10.1rc1` -> [1, 10, 1]). */
function parts(version: string): number[] {
  return version.split('.').map((p) => parseInt(p, 10) || 0);
}

/** Compares dotted versions numerically. */
export function compareSklearnVersions(a: string, b: string): number {
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The scikit-learn versions whose lists are known, oldest first. */
export const KNOWN_SKLEARN_VERSIONS: readonly string[] = Object.freeze(
  SKLEARN_TRUST_ROWS.map((r) => r.version),
);

/**
 * The trusted names for a scikit-learn version: those of the newest known
 * version not above it; a version older than every known one gets the
 * oldest known lists.
 */
export function sklearnTrust(version: string): SklearnTrust {
  let estimators = new Set<string>();
  let chosen: SklearnTrust | undefined;
  for (const row of SKLEARN_TRUST_ROWS) {
    if (chosen && compareSklearnVersions(row.version, version) > 0) break;
    estimators = new Set(estimators);
    for (const name of row.estimatorsRemoved) estimators.delete(name);
    for (const name of row.estimatorsAdded) estimators.add(name);
    chosen = {
      version: row.version,
      estimators: [...estimators].sort(),
      internal: row.internal,
      losses: row.losses,
    };
  }
  if (!chosen) throw new Error('internal: no scikit-learn trust data');
  return chosen;
}

/** {@link sklearnTrust} for a resolved Python environment. */
export function sklearnTrustOf(env: Required<PythonEnv>): SklearnTrust {
  return sklearnTrust(env.sklearn);
}
