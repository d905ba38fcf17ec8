import { hasBrand } from './brand.js';

const TYPE_BRAND = Symbol.for('skops-ts/PyType');
const FUNCTION_BRAND = Symbol.for('skops-ts/PyFunction');

/** A reference to a Python class, by name. Nothing is imported or resolved. */
export class PyType {
  readonly [TYPE_BRAND] = true;
  constructor(
    readonly module: string,
    readonly name: string,
  ) {}

  get fullName(): string {
    return `${this.module}.${this.name}`;
  }

  static is(value: unknown): value is PyType {
    return hasBrand(value, TYPE_BRAND);
  }
}

/**
 * A reference to a Python function, by name. `builtin` marks C functions
 * (`builtins.len`, what Python saves as a TypeNode) as opposed to Python
 * functions and ufuncs (FunctionNode).
 */
export class PyFunction {
  readonly [FUNCTION_BRAND] = true;
  constructor(
    readonly module: string,
    readonly name: string,
    readonly builtin: boolean = false,
  ) {}

  get fullName(): string {
    return `${this.module}.${this.name}`;
  }

  static is(value: unknown): value is PyFunction {
    return hasBrand(value, FUNCTION_BRAND);
  }
}
