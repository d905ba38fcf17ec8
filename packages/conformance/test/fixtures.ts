import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The fixture folder: $SKOPS_FIXTURES, or the repository's copy. */
export const FIXTURES =
  process.env.SKOPS_FIXTURES ??
  resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../fixtures');

/** A fixture case: a skops file and its sidecar. */
export interface SkopsCase {
  readonly folder: string;
  readonly name: string;
  readonly file: string;
  readonly sidecar: Record<string, unknown>;
}

/** Every `NAME.skops` with a `NAME.json` sidecar in one fixture folder. */
export function skopsCases(folder: string): SkopsCase[] {
  const dir = join(FIXTURES, folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.skops') && existsSync(join(dir, f.replace(/\.skops$/, '.json'))))
    .sort()
    .map((f) => ({
      folder,
      name: f.replace(/\.skops$/, ''),
      file: join(dir, f),
      sidecar: JSON.parse(
        readFileSync(join(dir, f.replace(/\.skops$/, '.json')), 'utf8'),
      ) as Record<string, unknown>,
    }));
}

/** The Python environment a sidecar's verdicts were computed under. */
export function pythonEnvOf(sidecar: Record<string, unknown>): {
  sklearn?: string;
  numpy?: string;
  scipy?: string;
} {
  const py = (sidecar.python ?? {}) as Record<string, string>;
  return { sklearn: py.sklearn ?? py['scikit-learn'], numpy: py.numpy, scipy: py.scipy };
}

/** Deep equality of JSON values with numbers compared exactly (`-0.0` differs from `0.0`) and key order ignored. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Object.is(a, b);
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((x, i) => jsonEqual(x, b[i]))
    );
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    return (
      ka.length === kb.length &&
      ka.every(
        (k) =>
          Object.prototype.hasOwnProperty.call(b, k) &&
          jsonEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
      )
    );
  }
  return a === b;
}

/** The first place two JSON values differ, as a path and both sides (for readable failures). */
export function firstDifference(a: unknown, b: unknown, path = '$'): string | undefined {
  if (jsonEqual(a, b)) return undefined;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path}: length ${a.length} vs ${b.length}`;
    for (let i = 0; i < a.length; i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
  }
  if (
    a &&
    b &&
    typeof a === 'object' &&
    typeof b === 'object' &&
    !Array.isArray(a) &&
    !Array.isArray(b)
  ) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const d = firstDifference(
        (a as Record<string, unknown>)[k],
        (b as Record<string, unknown>)[k],
        `${path}.${k}`,
      );
      if (d) return d;
    }
  }
  return `${path}: ${JSON.stringify(a)?.slice(0, 300)} vs ${JSON.stringify(b)?.slice(0, 300)}`;
}

/**
 * Python's XGBoost re-serialises a booster's `handle` when it loads one, so
 * the handle bytes Python describes are its own XGBoost's encoding of the
 * same model, not the file's bytes. Those bytes are compared as "a
 * bytearray" only; the xgboost package proves the model itself (Python
 * predicts identically from the handle we keep and from our JSON export).
 */
function withoutBoosterHandles(d: unknown): unknown {
  if (Array.isArray(d)) return d.map(withoutBoosterHandles);
  if (!d || typeof d !== 'object') return d;
  const o = d as Record<string, unknown>;
  if (o.object === 'xgboost.core.Booster' && o.state && typeof o.state === 'object') {
    const items = ((o.state as { dict?: unknown[][] }).dict ?? []).map(([k, v]) =>
      jsonEqual(k, { str: 'handle' })
        ? [k, { bytearray: 'as re-serialised by the loading XGBoost' }]
        : [k, withoutBoosterHandles(v)],
    );
    return { ...o, state: { dict: items } };
  }
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, withoutBoosterHandles(v)]));
}

/** 'equal', or where a description differs from Python's (booster handles compared as bytearrays only). */
export const sameDescription = (got: unknown, expected: unknown): string =>
  firstDifference(withoutBoosterHandles(got), withoutBoosterHandles(expected)) ?? 'equal';
