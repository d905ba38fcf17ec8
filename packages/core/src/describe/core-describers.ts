import type { Describer, Description, DescribeContext } from '../plugin/types.js';
import { PyByteArray } from '../values/py-bytearray.js';
import { PyMethod, PyOperator, PyPartial } from '../values/py-callables.js';
import { PyComplex } from '../values/py-complex.js';
import { PyDict } from '../values/py-dict.js';
import { PyObject } from '../values/py-object.js';
import { PyFunction, PyType } from '../values/py-refs.js';
import { PySet } from '../values/py-set.js';
import { PySlice } from '../values/py-slice.js';
import { PyTuple } from '../values/py-tuple.js';
import { sha256Hex } from './sha256.js';
import { sortKey } from './sort-key.js';

/** The spec's F(x): `{"float": x}`, with NaN and infinities as strings. */
export function describeFloat(x: number): Description {
  if (Number.isNaN(x)) return { float: 'nan' };
  if (x === Infinity) return { float: 'inf' };
  if (x === -Infinity) return { float: '-inf' };
  return { float: x };
}

const pairs = (dict: PyDict, ctx: DescribeContext): Description[] =>
  [...dict.entries()].map(([k, v]) => [ctx.describe(k), ctx.describe(v)]);

const rule = (
  name: string,
  test: (v: unknown) => boolean,
  describe: (v: never, ctx: DescribeContext) => Description,
): Describer => ({
  name,
  test,
  describe: describe as (v: unknown, ctx: DescribeContext) => Description,
});

/** Rules 1–7 and 15–27 of the canonical description, for the core value model. */
export const CORE_DESCRIBERS: readonly Describer[] = [
  rule(
    'None',
    (v) => v === null,
    () => null,
  ),
  rule(
    'bool',
    (v) => typeof v === 'boolean',
    (v: boolean) => v,
  ),
  rule(
    'int',
    (v) => typeof v === 'bigint',
    (v: bigint) => ({ int: v.toString() }),
  ),
  rule(
    'float',
    (v) => typeof v === 'number',
    (v: number) => describeFloat(v),
  ),
  rule('complex', PyComplex.is, (v: PyComplex) => ({
    complex: [describeFloat(v.real), describeFloat(v.imag)],
  })),
  rule(
    'str',
    (v) => typeof v === 'string',
    (v: string) => ({ str: v }),
  ),
  rule(
    'bytes',
    (v) => v instanceof Uint8Array && v.constructor.name === 'Uint8Array',
    (v: Uint8Array) => ({
      bytes: { len: v.length, sha256: sha256Hex(v) },
    }),
  ),
  rule('bytearray', PyByteArray.is, (v: PyByteArray) => ({
    bytearray: { len: v.data.length, sha256: sha256Hex(v.data) },
  })),
  rule('list', Array.isArray, (v: unknown[], ctx) => ({ list: v.map((x) => ctx.describe(x)) })),
  rule('tuple', PyTuple.is, (v: PyTuple, ctx) => ({ tuple: v.items.map((x) => ctx.describe(x)) })),
  rule('set', PySet.is, (v: PySet, ctx) => {
    const items = v.items.map((x) => ctx.describe(x));
    const keyed = items
      .map((d) => [sortKey(d), d] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return { [v.kind]: keyed.map(([, d]) => d) };
  }),
  rule('slice', PySlice.is, (v: PySlice, ctx) => ({
    slice: [ctx.describe(v.start), ctx.describe(v.stop), ctx.describe(v.step)],
  })),
  rule('dict', PyDict.is, (v: PyDict, ctx): Description => {
    const cls = v.className;
    if (cls === 'collections.defaultdict') {
      return {
        defaultdict: { default_factory: ctx.describe(v.defaultFactory), items: pairs(v, ctx) },
      };
    }
    if (cls === 'builtins.dict') return { dict: pairs(v, ctx) };
    if (cls === 'collections.OrderedDict') return { OrderedDict: pairs(v, ctx) };
    return { object: cls, state: null, items: pairs(v, ctx) };
  }),
  rule('partial', PyPartial.is, (v: PyPartial, ctx) => ({
    partial: {
      func: ctx.describe(v.func),
      args: ctx.describe(v.args),
      kwds: ctx.describe(v.keywords),
      namespace: v.namespace === null || v.namespace.size === 0 ? null : ctx.describe(v.namespace),
    },
  })),
  rule('operator', PyOperator.is, (v: PyOperator, ctx) => ({
    operator: { class: v.name, args: ctx.describe(v.args) },
  })),
  rule('method', PyMethod.is, (v: PyMethod, ctx) => ({
    method: { obj: ctx.describe(v.obj), func: v.name },
  })),
  rule('type', PyType.is, (v: PyType) => ({ type: v.fullName })),
  rule('function', PyFunction.is, (v: PyFunction) => ({ function: v.fullName })),
  rule('object', PyObject.is, (v: PyObject, ctx) => {
    const out: Record<string, Description> = {
      object: v.className,
      state: v.state === undefined || v.state === null ? null : ctx.describe(v.state),
    };
    if (v.reduceArgs) out.reduce_args = ctx.describe(v.reduceArgs);
    return out;
  }),
];
