import {
  PyByteArray,
  PyDict,
  PyFunction,
  PyObject,
  PySet,
  PyTuple,
  SkopsError,
  type Limits,
} from '@skops-ts/core';
import { edgesOf, isGraphObject } from '../graph/edges.js';
import { pathsOf } from '../graph/paths.js';
import { GlobalRef } from '../values/global-ref.js';
import { JoblibArray } from '../values/joblib-array.js';
import { PickleCall } from '../values/pickle-call.js';
import { PyType } from '@skops-ts/core';
import type {
  BuildRecogniser,
  CallRecogniser,
  GlobalRecogniser,
  PickleRecogniser,
  RecogniserContext,
} from './recogniser.js';
import { PickleRefusedError, type Refusal } from './refused-error.js';
import { latin1Bytes } from './text-bytes.js';

/** What {@link convertGraph} needs. */
export interface ConvertGraphOptions {
  readonly recognisers: readonly PickleRecogniser[];
  readonly limits: Limits;
}

const CLASS_NAME = /^_*[A-Z]/;

function index<R extends PickleRecogniser>(
  recognisers: readonly PickleRecogniser[],
  kind: R['kind'],
): Map<string, R> {
  const map = new Map<string, R>();
  for (const r of recognisers) {
    // The first recogniser that claims a name wins, so callers can override defaults by listing theirs first.
    if (r.kind === kind) for (const g of r.globals) if (!map.has(g)) map.set(g, r as R);
  }
  return map;
}

/** True for a protocol 4 name that walks attributes (`os.system` under module `joblib.numpy_pickle`). */
const isDotted = (ref: GlobalRef): boolean => ref.py3Name.includes('.');

/**
 * Converts an inert pickle graph into skops values, one object at a time:
 * recognised calls become the values their recogniser builds, classes
 * instantiated without their code become objects, referenced globals become
 * type or function references. Every call nobody claims is collected and
 * the whole conversion refused at the end, naming each one with its path.
 */
export function convertGraph(root: unknown, options: ConvertGraphOptions): unknown {
  const calls = index<CallRecogniser>(options.recognisers, 'call');
  const builds = index<BuildRecogniser>(options.recognisers, 'build');
  const globals = index<GlobalRecogniser>(options.recognisers, 'global');
  const paths = pathsOf(root);
  const memo = new Map<object, unknown>();
  const active = new Set<object>();
  const refusals: Refusal[] = [];
  const refusedAt = new Set<string>();

  const pathOf = (value: unknown, fallback: string): string =>
    (isGraphObject(value) ? paths.get(value) : undefined) ?? fallback;

  const refuse = (global: string, path: string, how: Refusal['how']): undefined => {
    const key = `${global}\n${path}\n${how}`;
    if (!refusedAt.has(key)) {
      refusedAt.add(key);
      refusals.push({ global, path, how });
    }
    return undefined;
  };

  /** After a refusal, names the other calls below it too, without converting anything. */
  /** How a refusal names a callable that is not a global: by the call that computes it. */
  const computedName = (callable: unknown): string => {
    const inner = PickleCall.is(callable) ? callable.target : undefined;
    return inner ? `<result of ${inner.py3FullName}(...)>` : '<computed callable>';
  };

  const refuseBelow = (start: object): void => {
    const seen = new Set<object>([start]);
    const queue: object[] = [start];
    for (let head = 0; head < queue.length; head++) {
      for (const [, child] of edgesOf(queue[head]!)) {
        if (!isGraphObject(child) || seen.has(child)) continue;
        seen.add(child);
        queue.push(child);
        if (PickleCall.is(child) && !memo.has(child)) {
          const target = child.target;
          if (!target) refuse(computedName(child.callable), pathOf(child, '?'), 'called');
          else if (!calls.has(target.py3FullName) && !isInstantiation(child)) {
            refuse(target.py3FullName, pathOf(child, '?'), 'called');
          }
        }
      }
    }
  };

  const isInstantiation = (call: PickleCall): boolean =>
    (call.kind === 'NEWOBJ' || call.kind === 'NEWOBJ_EX') &&
    call.args.length === 0 &&
    (call.kwargs === null || call.kwargs.size === 0);

  const context = (path: string): RecogniserContext => ({
    path,
    limits: options.limits,
    convert: (value) => convert(value, path),
    instantiate: (cls, state, call) => instantiate(cls, state, call, path),
    globalName: (value) => (GlobalRef.is(value) ? value.py3FullName : undefined),
    callOf: (value, ...names) =>
      PickleCall.is(value) && value.target && names.includes(value.target.py3FullName)
        ? value
        : undefined,
    bytesOf,
    fail: (message) =>
      new SkopsError('INVALID_DATA', `Cannot convert the pickle: ${message}`, { path }),
  });

  const instantiate = (cls: unknown, state: unknown, call: PickleCall, path: string): unknown => {
    if (!GlobalRef.is(cls)) {
      refuse('<computed class>', path, 'called');
      refuseBelow(call);
      return undefined;
    }
    const name = cls.py3FullName;
    if (isDotted(cls)) return refuse(name, path, 'called');
    const recogniser = builds.get(name);
    if (recogniser)
      return recogniser.convert(
        { module: cls.py3Module, name: cls.py3Name, state, call },
        context(path),
      );
    if (call.listItems.length > 0 || call.dictItems.size > 0 || call.setItems.length > 0) {
      // A list, dict or set subclass nobody knows: Python would run its append / __setitem__ / add.
      refuse(name, path, 'called');
      refuseBelow(call);
      return undefined;
    }
    return new PyObject(
      cls.py3Module,
      cls.py3Name,
      state === undefined ? null : convert(state, path),
    );
  };

  const convertCall = (call: PickleCall, path: string): unknown => {
    const target = call.target;
    if (!target) {
      refuse(computedName(call.callable), path, 'called');
      refuseBelow(call);
      return undefined;
    }
    const name = target.py3FullName;
    const recogniser = isDotted(target) ? undefined : calls.get(name);
    if (recogniser) return recogniser.convert(call, context(path));
    if (isInstantiation(call)) return instantiate(target, call.state, call, path);
    refuse(name, path, 'called');
    refuseBelow(call);
    return undefined;
  };

  const convertGlobal = (ref: GlobalRef, path: string): unknown => {
    const name = ref.py3FullName;
    const recogniser = globals.get(name);
    if (recogniser) return recogniser.convert(ref, context(path));
    // skops stores a class or function by module and __name__: an attribute path has no such form.
    if (isDotted(ref)) return refuse(name, path, 'referenced');
    return CLASS_NAME.test(ref.py3Name)
      ? new PyType(ref.py3Module, ref.py3Name)
      : new PyFunction(ref.py3Module, ref.py3Name);
  };

  const build = (value: object, path: string): unknown => {
    if (Array.isArray(value)) return value.map((v) => convert(v, path));
    if (PyTuple.is(value))
      return new PyTuple(
        value.items.map((v) => convert(v, path)),
        value.module,
        value.name,
      );
    if (PyDict.is(value)) {
      const dict = new PyDict<unknown>([], value.module, value.name);
      for (const [k, v] of value.entries()) dict.set(convert(k, path), convert(v, path));
      return dict;
    }
    if (PySet.is(value))
      return new PySet(
        value.items.map((v) => convert(v, path)),
        value.kind,
      );
    if (GlobalRef.is(value)) return convertGlobal(value, path);
    if (PickleCall.is(value)) return convertCall(value, path);
    if (JoblibArray.is(value)) {
      const name = value.wrapper.target?.py3FullName ?? '';
      const recogniser = calls.get(name);
      if (recogniser) return recogniser.convert(value, context(path));
      return refuse(name, path, 'called');
    }
    throw new SkopsError(
      'UNSUPPORTED_VALUE',
      `Cannot convert the pickle: unsupported value at ${path}.`,
      { path },
    );
  };

  function convert(value: unknown, parentPath: string): unknown {
    if (!isGraphObject(value) || value instanceof Uint8Array || PyByteArray.is(value)) return value;
    if (memo.has(value)) return memo.get(value);
    const path = pathOf(value, parentPath);
    if (active.has(value)) {
      throw new SkopsError(
        'CYCLE',
        'Cannot convert the pickle: an object contains itself, which skops files cannot store.',
        { path },
      );
    }
    active.add(value);
    const result = build(value, path);
    active.delete(value);
    memo.set(value, result);
    return result;
  }

  let result: unknown;
  try {
    result = convert(root, 'root');
  } catch (error) {
    if (error instanceof RangeError) {
      throw new SkopsError(
        'LIMIT_EXCEEDED',
        'Cannot convert the pickle: its objects nest too deeply; lower limits.maxDepth.',
      );
    }
    throw error;
  }
  if (refusals.length > 0) throw new PickleRefusedError(refusals);
  return result;
}

function bytesOf(value: unknown): Uint8Array | undefined {
  if (value instanceof Uint8Array) return value;
  if (PyByteArray.is(value)) return value.data;
  if (typeof value === 'string') return latin1Bytes(value);
  return undefined;
}
