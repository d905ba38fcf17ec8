import { PyDict, SkopsError } from '@skops-ts/core';

/**
 * The bit generators numpy ships. A file names the class to instantiate;
 * only these are accepted, whatever the caller trusts, because Python skops
 * would call any `numpy.random` attribute the file names.
 */
export const BIT_GENERATORS: readonly string[] = Object.freeze([
  'MT19937',
  'PCG64',
  'PCG64DXSM',
  'Philox',
  'SFC64',
]);

const REQUIRED: Readonly<Record<string, { state: readonly string[]; top: readonly string[] }>> = {
  MT19937: { state: ['key', 'pos'], top: [] },
  PCG64: { state: ['state', 'inc'], top: ['has_uint32', 'uinteger'] },
  PCG64DXSM: { state: ['state', 'inc'], top: ['has_uint32', 'uinteger'] },
  Philox: { state: ['counter', 'key'], top: ['buffer', 'buffer_pos', 'has_uint32', 'uinteger'] },
  SFC64: { state: ['state'], top: ['has_uint32', 'uinteger'] },
};

const SEED_SEQUENCE_KEYS: ReadonlySet<string> = new Set([
  'entropy',
  'spawn_key',
  'pool_size',
  'n_children_spawned',
]);

/** Refuses a bit generator name that is not one of numpy's own. */
export function checkBitGeneratorName(name: unknown, path: string): string {
  if (typeof name !== 'string' || !BIT_GENERATORS.includes(name)) {
    throw new SkopsError(
      'UNSUPPORTED_VALUE',
      `The generator names the bit generator ${JSON.stringify(name)}; only numpy's ${BIT_GENERATORS.join(', ')} ` +
        'can be loaded (a file must not choose another class to instantiate, trusted or not).',
      { path },
    );
  }
  return name;
}

function invalid(message: string, path: string): SkopsError {
  return new SkopsError('INVALID_DATA', message, { path });
}

/** Checks what numpy's `bit_generator.state = ...` setter reads, and returns the state dict. */
export function checkBitGeneratorState(value: unknown, path: string): PyDict {
  if (!PyDict.is(value)) throw invalid('A bit generator state must be a dict.', path);
  const name = checkBitGeneratorName(value.get('bit_generator'), path);
  const need = REQUIRED[name] ?? { state: [], top: [] };
  const inner = value.get('state');
  if (!PyDict.is(inner)) throw invalid(`The ${name} state needs a "state" dict.`, path);
  for (const key of need.state) {
    if (!inner.has(key)) throw invalid(`The ${name} state dict lacks "${key}".`, path);
  }
  for (const key of need.top) {
    if (!value.has(key)) throw invalid(`The ${name} bit generator state lacks "${key}".`, path);
  }
  return value;
}

/** Checks the keyword arguments of `SeedSequence(**state)`. */
export function checkSeedSequence(value: unknown, path: string): PyDict {
  if (!PyDict.is(value)) throw invalid('A seed sequence state must be a dict.', path);
  for (const key of value.keys()) {
    if (typeof key !== 'string' || !SEED_SEQUENCE_KEYS.has(key)) {
      throw invalid(`SeedSequence takes no argument ${JSON.stringify(key)}.`, path);
    }
  }
  return value;
}
