import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loads, type PythonEnv } from '@skops-ts/core';
import { numpyPlugin } from '@skops-ts/numpy';
import { sklearnPlugin } from '@skops-ts/sklearn';

/** The fixture folder: $SKOPS_FIXTURES, or the repository's copy. */
export const FIXTURES =
  process.env.SKOPS_FIXTURES ??
  resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../fixtures');

export const PLUGINS = [numpyPlugin, sklearnPlugin] as const;

export interface Sidecar {
  readonly python: Record<string, string>;
  readonly untrusted_types?: string[];
  readonly inputs?: { X: unknown; X_kind: string };
  readonly outputs?: Record<string, unknown>;
  readonly describe?: unknown;
  readonly describe_by_writer?: unknown;
  readonly [key: string]: unknown;
}

export function fixturePath(folder: string, name: string): string {
  return join(FIXTURES, folder, name);
}

export function hasFixture(folder: string, name: string): boolean {
  return existsSync(fixturePath(folder, `${name}.skops`));
}

export function sidecar(folder: string, name: string): Sidecar {
  return JSON.parse(readFileSync(fixturePath(folder, `${name}.json`), 'utf8')) as Sidecar;
}

export function envOf(s: Sidecar): PythonEnv {
  return { sklearn: s.python.sklearn, numpy: s.python.numpy, scipy: s.python.scipy };
}

/** Loads a fixture the way its sidecar says Python loads it (its stack, trusting `untrusted_types`). */
export async function loadFixture(folder: string, name: string): Promise<unknown> {
  const s = sidecar(folder, name);
  return loads(readFileSync(fixturePath(folder, `${name}.skops`)), {
    plugins: PLUGINS,
    pythonEnv: envOf(s),
    trusted: s.untrusted_types ?? [],
  });
}
