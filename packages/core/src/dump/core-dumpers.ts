import { SkopsError } from '../errors/skops-error.js';
import { JsonFloat, pyJsonString } from '../json/emit.js';
import { pyJsonFloat } from '../json/py-float.js';
import type { DumpContext, Dumper } from '../plugin/types.js';
import { PyByteArray } from '../values/py-bytearray.js';
import { PyMethod, PyOperator, PyPartial } from '../values/py-callables.js';
import { PyDict } from '../values/py-dict.js';
import { PyObject } from '../values/py-object.js';
import { PyFunction, PyType } from '../values/py-refs.js';
import { PySet } from '../values/py-set.js';
import { PySlice } from '../values/py-slice.js';
import { PyTuple } from '../values/py-tuple.js';

type State = Record<string, unknown>;

const head = (cls: string, module: string, loader: string): State => ({
  __class__: cls,
  __module__: module,
  __loader__: loader,
});

/** A JsonNode state, exactly as Python's `object_get_state` writes one. */
export function jsonState(content: string): State {
  // Most nodes of a schema are JsonNodes: one literal, no spread of a shared head.
  return {
    __class__: 'str',
    __module__: 'builtins',
    __loader__: 'JsonNode',
    content,
    is_json: true,
  };
}

const dumper = (
  name: string,
  test: (v: unknown) => boolean,
  dump: (v: never, ctx: DumpContext) => State,
): Dumper => ({
  name,
  test,
  dump: dump as (v: unknown, ctx: DumpContext) => State,
});

/** The type of a dict key and the string Python's `json.dumps` makes of it. */
function keyOf(key: unknown): { type: unknown; text: string } {
  if (typeof key === 'string') return { type: new PyType('builtins', 'str'), text: key };
  if (typeof key === 'bigint') return { type: new PyType('builtins', 'int'), text: key.toString() };
  if (typeof key === 'number')
    return { type: new PyType('builtins', 'float'), text: pyJsonFloat(key) };
  if (typeof key === 'boolean')
    return { type: new PyType('builtins', 'bool'), text: key ? 'true' : 'false' };
  throw new SkopsError(
    'UNSUPPORTED_VALUE',
    `A dict key must be a str, int, float or bool to be saved (JSON object keys), got ${key === null ? 'None' : typeof key}.`,
  );
}

function dictState(
  entries: Iterable<readonly [unknown, unknown]>,
  cls: string,
  module: string,
  ctx: DumpContext,
): State {
  const content = new Map<string, unknown>();
  const keyTypes: unknown[] = [];
  for (const [k, v] of entries) {
    const { type, text } = ctx.keyOf(k) ?? keyOf(k);
    keyTypes.push(type);
    content.set(text, ctx.state(v));
  }
  return { ...head(cls, module, 'DictNode'), content, key_types: ctx.state(keyTypes) };
}

const sliceBound = (v: unknown): unknown => {
  if (v === null || typeof v === 'bigint') return v;
  if (typeof v === 'number') return new JsonFloat(v);
  throw new SkopsError(
    'UNSUPPORTED_VALUE',
    'Slice bounds must be int (bigint), float (number) or None (null).',
  );
};

const isPlainObject = (v: unknown): v is Record<string, unknown> => {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/** Dumpers of the core value model and of plain JavaScript values, in Python's dispatch order. */
export const CORE_DUMPERS: readonly Dumper[] = [
  dumper(
    'None',
    (v) => v === null,
    () => jsonState('null'),
  ),
  dumper(
    'bool',
    (v) => typeof v === 'boolean',
    (v: boolean) => jsonState(v ? 'true' : 'false'),
  ),
  dumper(
    'int',
    (v) => typeof v === 'bigint',
    (v: bigint) => jsonState(v.toString()),
  ),
  dumper(
    'float',
    (v) => typeof v === 'number',
    (v: number) => jsonState(pyJsonFloat(v)),
  ),
  dumper(
    'str',
    (v) => typeof v === 'string',
    (v: string) => jsonState(pyJsonString(v)),
  ),
  dumper(
    'bytes',
    (v) => v instanceof Uint8Array && v.constructor.name === 'Uint8Array',
    (v: Uint8Array, ctx) => ({
      ...head('bytes', 'builtins', 'BytesNode'),
      file: ctx.addMember(`${ctx.idOf(v)}.bin`, v),
    }),
  ),
  dumper('bytearray', PyByteArray.is, (v: PyByteArray, ctx) => ({
    ...head('bytearray', 'builtins', 'BytearrayNode'),
    file: ctx.addMember(`${ctx.idOf(v)}.bin`, v.data),
  })),
  dumper('list', Array.isArray, (v: unknown[], ctx) => ({
    ...head('list', 'builtins', 'ListNode'),
    content: v.map((x) => ctx.state(x)),
  })),
  dumper('tuple', PyTuple.is, (v: PyTuple, ctx) => ({
    ...head(v.name, v.module, 'TupleNode'),
    content: v.items.map((x) => ctx.state(x)),
  })),
  dumper(
    'set',
    (v) => PySet.is(v) && v.kind === 'set',
    (v: PySet, ctx) => ({
      ...head('set', 'builtins', 'SetNode'),
      content: v.items.map((x) => ctx.state(x)),
    }),
  ),
  // Python skops saves a frozenset as a stateless object, so it loads back
  // empty; written the same way, Python reads our files as it reads its own.
  dumper(
    'frozenset',
    (v) => PySet.is(v) && v.kind === 'frozenset',
    (_v: PySet, ctx) => ({
      ...head('frozenset', 'builtins', 'ObjectNode'),
      content: ctx.state(null),
    }),
  ),
  dumper(
    'defaultdict',
    (v) => PyDict.is(v) && v.className === 'collections.defaultdict',
    (v: PyDict, ctx) => ({
      ...head(v.name, v.module, 'DefaultDictNode'),
      content: {
        main: ctx.state(new PyDict(v.entries())),
        default_factory: ctx.state(v.defaultFactory),
      },
    }),
  ),
  dumper('dict', PyDict.is, (v: PyDict, ctx) => dictState(v.entries(), v.name, v.module, ctx)),
  dumper(
    'Map',
    (v) => v instanceof Map,
    (v: Map<unknown, unknown>, ctx) => dictState(v.entries(), 'dict', 'builtins', ctx),
  ),
  dumper('slice', PySlice.is, (v: PySlice) => ({
    ...head('slice', 'builtins', 'SliceNode'),
    content: { start: sliceBound(v.start), stop: sliceBound(v.stop), step: sliceBound(v.step) },
  })),
  dumper('function', PyFunction.is, (v: PyFunction) =>
    v.builtin || v.module === 'builtins'
      ? head(v.name, v.module, 'TypeNode')
      : head(v.name, v.module, 'FunctionNode'),
  ),
  dumper('type', PyType.is, (v: PyType) => head(v.name, v.module, 'TypeNode')),
  dumper('method', PyMethod.is, (v: PyMethod, ctx) => {
    const owner = v.obj;
    if (!PyObject.is(owner))
      throw new SkopsError(
        'UNSUPPORTED_VALUE',
        'A bound method can be saved only when bound to an object (PyObject).',
      );
    return {
      ...head(owner.name, v.module, 'MethodNode'),
      content: { func: v.name, obj: ctx.state(owner) },
    };
  }),
  dumper('partial', PyPartial.is, (v: PyPartial, ctx) => ({
    ...head('partial', 'functools', 'PartialNode'),
    content: {
      func: ctx.state(v.func),
      args: ctx.state(v.args),
      kwds: ctx.state(v.keywords),
      namespace: ctx.state(v.namespace),
    },
  })),
  dumper('operator', PyOperator.is, (v: PyOperator, ctx) => ({
    ...head(v.name, 'operator', 'OperatorFuncNode'),
    attrs: ctx.state(v.args),
  })),
  dumper('object', PyObject.is, (v: PyObject, ctx) => {
    if (v.reduceArgs)
      return {
        ...head(v.name, v.module, 'ConstructorFromReduceNode'),
        content: ctx.state(v.reduceArgs),
      };
    const state = head(v.name, v.module, 'ObjectNode');
    if (v.state !== undefined) state.content = ctx.state(v.state);
    return state;
  }),
  dumper('object literal', isPlainObject, (v: Record<string, unknown>, ctx) =>
    dictState(
      Object.keys(v).map((k) => [k, v[k]] as const),
      'dict',
      'builtins',
      ctx,
    ),
  ),
];
