import { hasBrand } from './brand.js';
import type { PyTuple } from './py-tuple.js';

const BRAND = Symbol.for('skops-ts/PyObject');

/**
 * An instance of a Python class that has no richer JavaScript form: its class
 * by name and the state Python would hand to `__setstate__` (for estimators,
 * a dict of parameters and fitted attributes). Nothing of the class is run.
 */
export class PyObject {
  readonly [BRAND] = true;
  readonly module: string;
  readonly name: string;
  /** The `__getstate__` result; `undefined` when the file stored none. */
  state: unknown;
  /** Constructor arguments, for objects rebuilt as `cls(*reduceArgs)` (ConstructorFromReduceNode). */
  readonly reduceArgs: PyTuple | undefined;

  constructor(module: string, name: string, state?: unknown, reduceArgs?: PyTuple) {
    this.module = module;
    this.name = name;
    this.state = state;
    this.reduceArgs = reduceArgs;
  }

  get className(): string {
    return `${this.module}.${this.name}`;
  }

  static is(value: unknown): value is PyObject {
    return hasBrand(value, BRAND);
  }
}
