import { hasBrand } from './brand.js';

const BRAND = Symbol.for('skops-ts/pickle/GlobalRef');

/** The opcode that named a global. */
export type GlobalOpcode = 'GLOBAL' | 'STACK_GLOBAL' | 'INST';

/**
 * A global (class, function, any module attribute) named by the stream.
 * Nothing is imported: this is the name only. `module`/`name` are spelled as
 * in the file; `py3Module`/`py3Name` are what Python 3's `find_class` would
 * import after the `fix_imports` mapping (protocols below 3). A dotted `name`
 * (protocol 4) walks attributes in Python, so treat the full dotted path as
 * the thing referenced.
 */
export class GlobalRef {
  readonly [BRAND] = true;
  constructor(
    readonly module: string,
    readonly name: string,
    readonly py3Module: string,
    readonly py3Name: string,
    readonly opcode: GlobalOpcode,
    /** Byte offset of the opcode in the (decompressed) stream. */
    readonly offset: number,
  ) {}

  /** `module.name` as spelled in the file. */
  get fullName(): string {
    return `${this.module}.${this.name}`;
  }

  /** `module.name` after `fix_imports`: what Python would import. */
  get py3FullName(): string {
    return `${this.py3Module}.${this.py3Name}`;
  }

  /** True when `fullName` is the spelled or the Python 3 name. */
  isNamed(fullName: string): boolean {
    return this.fullName === fullName || this.py3FullName === fullName;
  }

  static is(value: unknown): value is GlobalRef {
    return hasBrand(value, BRAND);
  }
}
