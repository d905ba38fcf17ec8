import type { PyDict } from '@skops-ts/core';

const BRAND = Symbol.for('skops-ts/numpy/Generator');

/**
 * `numpy.random.Generator`, by its bit generator's `state` dict (whose
 * `bit_generator` item names the class: MT19937, PCG64, PCG64DXSM, Philox or
 * SFC64) and the SeedSequence state skops stores next to it (null when the
 * file, written by skops < 0.10, has none). Nothing here draws numbers.
 */
export class Generator {
  readonly [BRAND] = true;
  readonly state: PyDict;
  readonly seedSeq: PyDict | null;

  constructor(state: PyDict, seedSeq: PyDict | null = null) {
    this.state = state;
    this.seedSeq = seedSeq;
  }

  /** The bit generator class name in `numpy.random`. */
  get bitGenerator(): string {
    return String(this.state.get('bit_generator'));
  }

  static is(value: unknown): value is Generator {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[BRAND] === true
    );
  }
}
