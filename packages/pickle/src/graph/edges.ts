import { PyByteArray, PyDict, PySet, PyTuple } from '@skops-ts/core';
import { PersistentRef } from '../values/external-refs.js';
import { JoblibArray } from '../values/joblib-array.js';
import { PickleCall } from '../values/pickle-call.js';

/** One outgoing reference of a graph value: the path segment that reaches it and the value. */
export type Edge = readonly [segment: string, child: unknown];

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Python-like `repr` of a dict key, for path segments. */
export function keyRepr(key: unknown): string {
  if (typeof key === 'string') return `'${key.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
  if (typeof key === 'bigint' || typeof key === 'number') return String(key);
  if (typeof key === 'boolean') return key ? 'True' : 'False';
  if (key === null) return 'None';
  return '<object>';
}

function pushDictEdges(out: Edge[], dict: PyDict, attributes: boolean): void {
  let i = 0;
  for (const [k, v] of dict.entries()) {
    if (typeof k === 'object' && k !== null) out.push([`<key ${i}>`, k]);
    const seg =
      attributes && typeof k === 'string' && IDENTIFIER.test(k) ? `.${k}` : `[${keyRepr(k)}]`;
    out.push([seg, v]);
    i++;
  }
}

/** True for values that have identity in the graph (everything but None, bools, numbers, strings). */
export function isGraphObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

/**
 * The references a value holds, with path segments: `[i]` for list and
 * tuple items, `['key']` for dict values, `{i}` for set members, `.name` for
 * the attributes of an object's BUILD state dict, and `<callable>`,
 * `<args>`, `<kwargs>`, `<state>`, `<dtype>`, `<objects>`, ... for the parts
 * of recorded calls and joblib arrays.
 */
export function edgesOf(value: unknown): Edge[] {
  const out: Edge[] = [];
  if (!isGraphObject(value) || value instanceof Uint8Array || PyByteArray.is(value)) return out;
  if (Array.isArray(value)) {
    value.forEach((v, i) => out.push([`[${i}]`, v]));
  } else if (PyTuple.is(value)) {
    value.items.forEach((v, i) => out.push([`[${i}]`, v]));
  } else if (PyDict.is(value)) {
    pushDictEdges(out, value, false);
  } else if (PySet.is(value)) {
    value.items.forEach((v, i) => out.push([`{${i}}`, v]));
  } else if (PickleCall.is(value)) {
    for (const state of value.states) {
      if (PyDict.is(state)) pushDictEdges(out, state, true);
      else out.push(['<state>', state]);
    }
    value.listItems.forEach((v, i) => out.push([`[${i}]`, v]));
    pushDictEdges(out, value.dictItems, false);
    value.setItems.forEach((v, i) => out.push([`{${i}}`, v]));
    out.push(['<callable>', value.callable], ['<args>', value.args]);
    if (value.kwargs) out.push(['<kwargs>', value.kwargs]);
  } else if (JoblibArray.is(value)) {
    if (value.embedded !== undefined) out.push(['<objects>', value.embedded]);
    out.push(['<dtype>', value.dtype.node], ['<wrapper>', value.wrapper]);
  } else if (PersistentRef.is(value)) {
    out.push(['<pid>', value.pid]);
  }
  return out;
}
