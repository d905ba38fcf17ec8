import { hasBrand } from './brand.js';

const BRAND = Symbol.for('skops-ts/PyByteArray');

/** A Python bytearray. (Python `bytes` is a plain `Uint8Array`.) */
export class PyByteArray {
  readonly [BRAND] = true;
  readonly data: Uint8Array;

  constructor(data: Uint8Array) {
    this.data = data;
  }

  static is(value: unknown): value is PyByteArray {
    return hasBrand(value, BRAND);
  }
}
