import { hasBrand } from './brand.js';
import type { PyDict } from './py-dict.js';
import type { PyTuple } from './py-tuple.js';

const METHOD_BRAND = Symbol.for('skops-ts/PyMethod');
const PARTIAL_BRAND = Symbol.for('skops-ts/PyPartial');
const OPERATOR_BRAND = Symbol.for('skops-ts/PyOperator');

/** A bound method: `obj.name`. `module` is the module that defines the function. */
export class PyMethod {
  readonly [METHOD_BRAND] = true;
  constructor(
    readonly obj: unknown,
    readonly name: string,
    readonly module: string,
  ) {}

  static is(value: unknown): value is PyMethod {
    return hasBrand(value, METHOD_BRAND);
  }
}

/** `functools.partial(func, *args, **keywords)` with its instance namespace. */
export class PyPartial {
  readonly [PARTIAL_BRAND] = true;
  constructor(
    readonly func: unknown,
    readonly args: PyTuple,
    readonly keywords: PyDict,
    readonly namespace: PyDict | null,
  ) {}

  static is(value: unknown): value is PyPartial {
    return hasBrand(value, PARTIAL_BRAND);
  }
}

/** The operator callables skops supports. */
export type OperatorName = 'itemgetter' | 'attrgetter' | 'methodcaller';

/** `operator.itemgetter(*args)`, `operator.attrgetter(*args)` or `operator.methodcaller(*args)`. */
export class PyOperator {
  readonly [OPERATOR_BRAND] = true;
  constructor(
    readonly name: OperatorName,
    readonly args: PyTuple,
  ) {}

  static is(value: unknown): value is PyOperator {
    return hasBrand(value, OPERATOR_BRAND);
  }
}
