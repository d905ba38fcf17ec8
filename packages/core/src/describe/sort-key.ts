import { emitPyJson, JsonFloat } from '../json/emit.js';
import type { Description } from '../plugin/types.js';

/**
 * In a description, numbers are ints (shapes, lengths) except the value of a
 * `float` key, which Python's `json.dumps` writes as a float repr.
 */
function toEmittable(d: Description, key?: string): unknown {
  if (typeof d === 'number') return key === 'float' ? new JsonFloat(d) : d;
  if (Array.isArray(d)) return d.map((x) => toEmittable(x));
  if (d !== null && typeof d === 'object') {
    const out = new Map<string, unknown>();
    for (const [k, v] of Object.entries(d)) out.set(k, toEmittable(v as Description, k));
    return out;
  }
  return d;
}

/** The spec's SORTKEY: `json.dumps(d, sort_keys=True)` with Python's separators and ASCII escapes. */
export function sortKey(d: Description): string {
  return emitPyJson(toEmittable(d), { sortKeys: true });
}

/** A description as JSON text, floats in Python repr (`-0.0`, `1e+300`), optionally indented. */
export function stringifyDescription(d: Description, indent?: number): string {
  return emitPyJson(toEmittable(d), indent === undefined ? {} : { indent });
}
