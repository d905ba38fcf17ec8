const BRAND = Symbol.for('skops-ts/numpy/pickle/ObjectDType');

/**
 * numpy's object dtype (`dtype('O')`) as a pickle names it. {@link DType}
 * has no object kind (`.npy` cannot store one without pickle); object arrays
 * become NDObjectArray instead, so this marker never leaves the conversion.
 */
export class ObjectDType {
  readonly [BRAND] = true;

  static is(value: unknown): value is ObjectDType {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[BRAND] === true
    );
  }
}
