import type { SkopsPlugin } from '@skops-ts/core';

const OFFICIAL = ['numpy', 'scipy', 'sklearn', 'xgboost'] as const;

/** The official plugins present in this checkout (a fresh package may not exist yet while it is being built). */
export async function availablePlugins(): Promise<SkopsPlugin[]> {
  const found: SkopsPlugin[] = [];
  for (const name of OFFICIAL) {
    try {
      const mod = (await import(`@skops-ts/${name}`)) as Record<string, unknown>;
      const plugin = mod[`${name}Plugin`];
      if (plugin) found.push(plugin as SkopsPlugin);
    } catch {
      // The package is not in this checkout.
    }
  }
  return found;
}
