import { PyDict, PyTuple, SkopsError } from '@skops-ts/core';
import type { CallRecogniser, RecogniserContext } from '@skops-ts/pickle';
import { DType, type ByteOrder } from '../dtype/dtype.js';

const ORDERS: Readonly<Record<string, ByteOrder>> = { '<': '<', '>': '>', '|': '|', '=': '<' };

function toNumber(value: unknown, what: string, ctx: RecogniserContext): number {
  if (typeof value !== 'bigint' || value < 0n || value > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw ctx.fail(`the ${what} of a pickled numpy dtype is not a size.`);
  }
  return Number(value);
}

function tupleItems(value: unknown): readonly unknown[] | undefined {
  return PyTuple.is(value) ? value.items : undefined;
}

/** The datetime unit in a version 4 dtype state: `(metadata, (unit, num, 1, 1))`, unit as bytes or str. */
function datetimeUnit(meta: unknown, ctx: RecogniserContext): string {
  const queue: unknown[] = [meta];
  while (queue.length > 0) {
    const item = tupleItems(queue.shift());
    if (!item) continue;
    const [unit, num] = item;
    const text = unit instanceof Uint8Array ? String.fromCharCode(...unit) : unit;
    if (typeof text === 'string' && typeof num === 'bigint') {
      if (text === 'generic') return '';
      return num === 1n ? text : `${num}${text}`;
    }
    queue.push(...item);
  }
  throw ctx.fail('a pickled datetime dtype carries no unit.');
}

function structuredDType(
  names: readonly unknown[],
  fields: unknown,
  elsize: number | undefined,
  ctx: RecogniserContext,
): DType {
  if (!PyDict.is(fields)) throw ctx.fail('a pickled structured dtype has no fields dict.');
  const out = names.map((name) => {
    if (typeof name !== 'string')
      throw ctx.fail('a pickled structured dtype has a field name that is not a str.');
    const spec = tupleItems(fields.get(name));
    if (!spec || spec.length < 2)
      throw ctx.fail(
        `the field ${JSON.stringify(name)} of a pickled dtype is not (dtype, offset).`,
      );
    const [dtype, offset, title] = spec;
    if (!DType.is(dtype) || dtype.isObject)
      throw ctx.fail(
        `the field ${JSON.stringify(name)} of a pickled dtype holds objects, which skops cannot store.`,
      );
    return {
      name,
      dtype,
      offset: toNumber(offset, 'field offset', ctx),
      title: typeof title === 'string' ? title : null,
    };
  });
  return DType.structured(out, elsize);
}

function dtypeOf(typestr: string, state: readonly unknown[], ctx: RecogniserContext): DType {
  const [version, endian, subarray, names, fields, elsize, , , meta] = state;
  if (version !== 3n && version !== 4n)
    throw ctx.fail(
      `pickled numpy dtype state version ${String(version)} is not supported (3 or 4).`,
    );
  const order = typeof endian === 'string' ? ORDERS[endian] : undefined;
  if (!order) throw ctx.fail('a pickled numpy dtype has no byte order.');
  // numpy writes -1 for types whose size the type string gives.
  const size = elsize === -1n ? -1 : toNumber(elsize, 'item size', ctx);
  const sub = tupleItems(subarray);
  if (sub) {
    const [base, shape] = sub;
    const dims = tupleItems(shape);
    if (!DType.is(base) || base.isObject || !dims)
      throw ctx.fail('a pickled sub-array dtype is not (dtype, shape).');
    return DType.subarrayOf(
      base,
      dims.map((d) => toNumber(d, 'sub-array dimension', ctx)),
    );
  }
  const nameList = tupleItems(names);
  if (nameList) return structuredDType(nameList, fields, size < 0 ? undefined : size, ctx);
  const kind = typestr[0];
  if (kind === 'O') return DType.object();
  if (kind === 'M' || kind === 'm')
    return DType.parse(`${order}${kind}8${unitSuffix(datetimeUnit(meta, ctx))}`);
  if ((kind === 'U' || kind === 'S' || kind === 'V') && size >= 0)
    return DType.of(kind, size, kind === 'U' ? order : '|');
  const m = /^([biufc])([0-9]+)$/.exec(typestr);
  if (!m) throw ctx.fail(`the numpy dtype ${JSON.stringify(typestr)} is not supported.`);
  return DType.parse(`${order}${m[1]}${m[2]}`);
}

const unitSuffix = (unit: string): string => (unit === '' ? '' : `[${unit}]`);

/** `numpy.dtype(typestr, align, copy)` + BUILD state: a {@link DType}. */
export const dtypeRecogniser: CallRecogniser = {
  kind: 'call',
  globals: ['numpy.dtype'],
  convert(node, ctx) {
    if (!('args' in node)) throw ctx.fail('numpy.dtype is not called.');
    const [typestr] = node.args.items.map((a) => ctx.convert(a));
    if (typeof typestr !== 'string') throw ctx.fail('numpy.dtype is called without a type string.');
    const state = ctx.convert(node.state);
    const items = tupleItems(state);
    if (!items || items.length < 8)
      throw ctx.fail('a pickled numpy dtype has no (version, byteorder, ...) state.');
    try {
      return dtypeOf(typestr, items, ctx);
    } catch (error) {
      if (SkopsError.isInstance(error) && error.path === undefined) throw ctx.fail(error.message);
      throw error;
    }
  },
};
