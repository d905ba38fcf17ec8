import { hasBrand } from './brand.js';

const BRAND = Symbol.for('skops-ts/PySlice');

/** A bound of a slice: usually a Python int (bigint), float (number) or None (null); Python allows any value. */
export type SliceBound = unknown;

/** A Python slice. */
export class PySlice {
  readonly [BRAND] = true;
  constructor(
    readonly start: SliceBound,
    readonly stop: SliceBound,
    readonly step: SliceBound,
  ) {}

  static is(value: unknown): value is PySlice {
    return hasBrand(value, BRAND);
  }
}
