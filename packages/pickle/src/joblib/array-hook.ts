import { LimitExceededError, PyDict, PyTuple } from '@skops-ts/core';
import { invalidPickle, unsupportedPickle } from '../errors.js';
import type { BuildHook } from '../reader/context.js';
import { unpickleStream } from '../reader/unpickler.js';
import { JoblibArray } from '../values/joblib-array.js';
import { PickleCall } from '../values/pickle-call.js';
import { summarizeDtype } from './dtype-summary.js';

const WRAPPER = 'joblib.numpy_pickle.NumpyArrayWrapper';
const LEGACY_WRAPPERS = [
  'joblib.numpy_pickle_compat.NDArrayWrapper',
  'joblib.numpy_pickle_compat.ZNDArrayWrapper',
];

function shapeOf(value: unknown, offset: number): number[] {
  const items = PyTuple.is(value) ? value.items : Array.isArray(value) ? value : undefined;
  if (!items) throw invalidPickle('the shape of a joblib array is not a tuple', offset);
  return items.map((d) => {
    if (typeof d !== 'bigint' || d < 0n || d > BigInt(Number.MAX_SAFE_INTEGER)) {
      throw invalidPickle(
        'the shape of a joblib array holds a value that is not a dimension',
        offset,
      );
    }
    return Number(d);
  });
}

/**
 * What `joblib.load` does after each BUILD (`NumpyUnpickler.load_build`):
 * when the object built is a NumpyArrayWrapper, the array's bytes follow
 * right here, outside any opcode. Reads them (or the embedded protocol 2
 * pickle of an object array) and puts a {@link JoblibArray} on the stack in
 * the wrapper's place. Sizes are checked against the limits and the bytes
 * that remain before anything is taken.
 */
export function joblibArrayHook(arrays: JoblibArray[]): BuildHook {
  return (target, cur, ctx) => {
    if (!PickleCall.is(target)) return undefined;
    const legacy = LEGACY_WRAPPERS.find((name) => target.calls(name));
    if (legacy) {
      throw unsupportedPickle(
        `This joblib file stores arrays with ${legacy} (joblib < 0.10 wrote them to separate files); ` +
          'load and re-save it with a current joblib',
        target.offset,
      );
    }
    if (!target.calls(WRAPPER)) return undefined;
    const offset = cur.pos;
    const state = target.state;
    if (!PyDict.is(state)) throw invalidPickle('a NumpyArrayWrapper has no state dict', offset);
    const shape = shapeOf(state.get('shape'), offset);
    const order = state.get('order');
    if (order !== 'C' && order !== 'F')
      throw invalidPickle('a NumpyArrayWrapper order is not "C" or "F"', offset);
    const dtype = summarizeDtype(state.get('dtype'), offset);
    const { limits } = ctx;
    let count = 1;
    for (const d of shape) count *= d;
    if (count > limits.maxArrayElements) {
      throw new LimitExceededError(
        'maxArrayElements',
        count,
        limits.maxArrayElements,
        'A joblib array',
      );
    }
    if (++ctx.counter.nodes > limits.maxNodes) {
      throw new LimitExceededError(
        'maxNodes',
        ctx.counter.nodes,
        limits.maxNodes,
        'The pickle object graph',
      );
    }
    let array: JoblibArray;
    if (dtype.hasObject) {
      const embedded = unpickleStream(cur.bytes, offset, { ...ctx, onBuild: undefined });
      cur.pos = embedded.end;
      array = new JoblibArray(
        target,
        shape,
        order,
        dtype,
        offset,
        null,
        offset,
        0,
        embedded.end,
        null,
        embedded.root,
      );
    } else {
      const alignment = state.get('numpy_array_alignment_bytes');
      let padding: number | null = null;
      if (alignment !== undefined && alignment !== null) {
        padding = cur.u8('joblib array padding length');
        cur.take(padding, 'joblib array padding');
      }
      const nbytes = count * dtype.itemsize;
      if (nbytes > limits.maxArrayBytes) {
        throw new LimitExceededError(
          'maxArrayBytes',
          nbytes,
          limits.maxArrayBytes,
          'A joblib array',
        );
      }
      const dataOffset = cur.pos;
      const data = cur.take(
        nbytes,
        `joblib array data (shape [${shape.join(', ')}], dtype ${dtype.str})`,
      );
      array = new JoblibArray(
        target,
        shape,
        order,
        dtype,
        offset,
        padding,
        dataOffset,
        nbytes,
        cur.pos,
        data,
        undefined,
      );
    }
    arrays.push(array);
    return { value: array };
  };
}
