import type { PyTuple } from '@skops-ts/core';

const BRAND = Symbol.for('skops-ts/sklearn/Loss');

/**
 * How a loss class pickles itself, which decides its description (rule 27.2):
 * `cython` is Cython's automatic `(unpickle, (cls, checksum, state))` form,
 * `reduce` a class-defined `(cls, args)`.
 */
export type LossPickleForm = 'cython' | 'reduce';

/**
 * A scikit-learn loss object (`sklearn.linear_model._sgd_fast.Hinge`,
 * `sklearn._loss._loss.CyHalfBinomialLoss`, …): its class, the constructor
 * arguments from `__reduce__` and the stored state, kept to save back
 * exactly as read. Nothing of the class is run.
 */
export class Loss {
  readonly [BRAND] = true;
  readonly module: string;
  readonly name: string;
  readonly reduceArgs: PyTuple;
  /** The LossNode `content` (usually an empty dict). */
  readonly state: unknown;
  readonly form: LossPickleForm;

  constructor(
    module: string,
    name: string,
    reduceArgs: PyTuple,
    state: unknown,
    form: LossPickleForm,
  ) {
    this.module = module;
    this.name = name;
    this.reduceArgs = reduceArgs;
    this.state = state;
    this.form = form;
  }

  get className(): string {
    return `${this.module}.${this.name}`;
  }

  static is(value: unknown): value is Loss {
    return (
      typeof value === 'object' &&
      value !== null &&
      (value as Record<symbol, unknown>)[BRAND] === true
    );
  }
}
