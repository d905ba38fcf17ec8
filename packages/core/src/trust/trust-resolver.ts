import type { PythonEnv, TrustGroup, TrustSpec, TrustedParam } from '../plugin/types.js';

/**
 * Computes each node's effective trusted set as Python skops does: the list
 * the node was given plus its defaults. Sets are cached per (spec, list) so
 * a tree of a million nodes shares a handful of sets.
 */
export class TrustResolver {
  readonly #groups: ReadonlyMap<string, TrustGroup>;
  readonly #env: Required<PythonEnv>;
  readonly #defaults = new Map<TrustSpec, ReadonlySet<string>>();
  readonly #combined = new Map<TrustSpec, Map<TrustedParam, ReadonlySet<string>>>();

  constructor(groups: ReadonlyMap<string, TrustGroup>, env: Required<PythonEnv>) {
    this.#groups = groups;
    this.#env = env;
  }

  defaults(spec: TrustSpec): ReadonlySet<string> {
    let set = this.#defaults.get(spec);
    if (!set) {
      const names = new Set<string>(spec.names ?? []);
      for (const group of spec.groups ?? []) {
        for (const name of this.#groups.get(group)?.(this.#env) ?? []) names.add(name);
      }
      set = names;
      this.#defaults.set(spec, set);
    }
    return set;
  }

  effective(spec: TrustSpec, given: TrustedParam): ReadonlySet<string> {
    if (given === null) return this.defaults(spec);
    let bySpec = this.#combined.get(spec);
    if (!bySpec) {
      bySpec = new Map();
      this.#combined.set(spec, bySpec);
    }
    let set = bySpec.get(given);
    if (!set) {
      set = new Set([...given, ...this.defaults(spec)]);
      bySpec.set(given, set);
    }
    return set;
  }
}
