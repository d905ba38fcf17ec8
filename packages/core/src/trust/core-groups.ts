import type { TrustGroup } from '../plugin/types.js';

/** skops' PRIMITIVE_TYPE_NAMES: the same on every supported Python. */
const PRIMITIVES = ['builtins.int', 'builtins.float', 'builtins.str', 'builtins.bool'] as const;

/** skops' CONTAINER_TYPE_NAMES. */
const CONTAINERS = ['builtins.list', 'builtins.set', 'builtins.map', 'builtins.tuple'] as const;

/** Trust groups that the core handlers reference and the core itself provides. */
export const CORE_TRUST_GROUPS: Readonly<Record<string, TrustGroup>> = Object.freeze({
  'python.primitives': () => PRIMITIVES,
  'python.containers': () => CONTAINERS,
});
