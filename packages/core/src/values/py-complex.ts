import { hasBrand } from './brand.js';

const BRAND = Symbol.for('skops-ts/PyComplex');

/** A Python complex number. */
export class PyComplex {
  readonly [BRAND] = true;
  constructor(
    readonly real: number,
    readonly imag: number,
  ) {}

  static is(value: unknown): value is PyComplex {
    return hasBrand(value, BRAND);
  }
}
