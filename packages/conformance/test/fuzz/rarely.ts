import fc from 'fast-check';

/**
 * `arb` one time in `oneIn`, else null. (fast-check's `fc.option` is the
 * other way round: its `freq` is how rarely the value is null.)
 */
export function rarely<T>(arb: fc.Arbitrary<T>, oneIn: number): fc.Arbitrary<T | null> {
  return fc.oneof(
    { weight: oneIn - 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: arb },
  );
}
