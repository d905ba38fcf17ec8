import { PyTuple } from '@skops-ts/core';
import { invalidPickle } from '../errors.js';
import type { DtypeSummary } from '../values/joblib-array.js';
import { PickleCall } from '../values/pickle-call.js';

const KINDS = new Set(['b', 'i', 'u', 'f', 'c', 'm', 'M', 'O', 'S', 'U', 'V']);
const ITEM_HASOBJECT = 0x01n;

/**
 * Reads a pickled `numpy.dtype` far enough to size array bytes: numpy
 * pickles a dtype as `numpy.dtype(typestr, False, True)` (typestr `'f8'`,
 * `'U5'` counted in characters, `'V16'`, ...) plus a BUILD state
 * `(version, byteorder, subarray, names, fields, elsize, alignment, flags[, metadata])`
 * whose `elsize` is the real itemsize for flexible and structured dtypes
 * (-1 otherwise) and whose `flags` carry NPY_ITEM_HASOBJECT. This is a
 * minimal reader on purpose; the numpy plugin owns the dtype model.
 */
export function summarizeDtype(node: unknown, offset: number): DtypeSummary {
  const fail = (why: string): never => {
    throw invalidPickle(`the dtype of a joblib array ${why}`, offset);
  };
  if (!PickleCall.is(node) || !node.calls('numpy.dtype'))
    return fail('is not a pickled numpy.dtype');
  const typestr = node.args.items[0];
  if (typeof typestr !== 'string') return fail('has no type string');
  const match = /^([a-zA-Z])(\d*)$/.exec(typestr);
  if (!match || !KINDS.has(match[1]!))
    return fail(`has an unknown type string ${JSON.stringify(typestr)}`);
  const kind = match[1]!;
  const count = match[2] ? Number(match[2]) : 0;
  const state = node.state;
  if (!PyTuple.is(state) || state.length < 8) return fail('has no BUILD state');
  const [, order, , , , elsize, , flags] = state.items;
  if (typeof order !== 'string' || typeof elsize !== 'bigint' || typeof flags !== 'bigint') {
    return fail('has a malformed BUILD state');
  }
  const itemsize = elsize > 0n ? Number(elsize) : kind === 'U' ? count * 4 : count;
  if (!Number.isSafeInteger(itemsize) || itemsize < 0) return fail('has an impossible itemsize');
  const hasObject = kind === 'O' || (flags & ITEM_HASOBJECT) !== 0n;
  const byteorder = order === '=' ? '<' : order;
  let str: string;
  if (kind === 'O') str = '|O';
  else if (kind === 'U') str = `${byteorder}U${itemsize / 4}`;
  else str = `${byteorder}${kind}${itemsize}`;
  return { str, kind, itemsize, hasObject, node };
}
