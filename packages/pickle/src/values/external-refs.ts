import { hasBrand } from './brand.js';

const PERSISTENT_BRAND = Symbol.for('skops-ts/pickle/PersistentRef');
const EXTENSION_BRAND = Symbol.for('skops-ts/pickle/ExtensionRef');

/**
 * A persistent id (PERSID / BINPERSID): the object lives outside the stream
 * (torch storages, database rows) and Python asks `persistent_load` for it.
 */
export class PersistentRef {
  readonly [PERSISTENT_BRAND] = true;
  constructor(
    readonly pid: unknown,
    readonly offset: number,
  ) {}

  static is(value: unknown): value is PersistentRef {
    return hasBrand(value, PERSISTENT_BRAND);
  }
}

/** An extension-registry code (EXT1/2/4): Python looks the global up in `copyreg`'s registry. */
export class ExtensionRef {
  readonly [EXTENSION_BRAND] = true;
  constructor(
    readonly code: number,
    readonly opcode: 'EXT1' | 'EXT2' | 'EXT4',
    readonly offset: number,
  ) {}

  static is(value: unknown): value is ExtensionRef {
    return hasBrand(value, EXTENSION_BRAND);
  }
}
