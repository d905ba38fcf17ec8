import type { PyDict } from '@skops-ts/core';

const BRAND = Symbol.for('skops-ts/numpy/RandomState');

/**
 * `numpy.random.RandomState`, by its `get_state(legacy=False)` dict:
 * `bit_generator` ("MT19937"), `state` (`key` uint32[624], `pos`),
 * `has_gauss`, `gauss`. Nothing here draws numbers.
 */
export class RandomState {
  readonly [BRAND] = true;
  readonly state: PyDict;

  constructor(state: PyDict) {
    this.state = state;
  }

  static is(value: unknown): value is RandomState {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[BRAND] === true
    );
  }
}
