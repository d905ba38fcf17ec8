import { LimitExceededError, PyByteArray, PyDict, PySet, PyTuple } from '@skops-ts/core';
import { fixImports } from '../compat-pickle.js';
import { invalidPickle, unsupportedPickle } from '../errors.js';
import { HIGHEST_PROTOCOL, OPCODE_NAMES } from '../opcodes.js';
import { ExtensionRef, PersistentRef } from '../values/external-refs.js';
import { GlobalRef, type GlobalOpcode } from '../values/global-ref.js';
import { PickleCall, type CallKind } from '../values/pickle-call.js';
import type { UnpickleContext } from './context.js';
import { Cursor, latin1 } from './cursor.js';
import {
  escapeDecode,
  parsePythonFloat,
  parsePythonInt,
  rawUnicodeEscapeDecode,
} from './text-args.js';
import { decodeUtf8 } from './utf8.js';

/** The result of one pickle stream: its root value and where its STOP ended. */
export interface StreamResult {
  readonly root: unknown;
  /** Offset just past the STOP opcode. */
  readonly end: number;
}

const asciiDecoder = new TextDecoder('ascii');

/** Python's `int.from_bytes(data, 'little', signed=True)`. */
function signedLittleEndian(data: Uint8Array): bigint {
  if (data.length === 0) return 0n;
  let hex = '';
  for (let i = data.length - 1; i >= 0; i--) hex += data[i]!.toString(16).padStart(2, '0');
  const unsigned = BigInt(`0x${hex}`);
  return data[data.length - 1]! & 0x80 ? unsigned - (1n << BigInt(data.length * 8)) : unsigned;
}

/** Key identity of a set member, with Python's `True == 1 == 1.0`. */
function setKey(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1n : 0n;
  if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
  return value;
}

/**
 * Simulates CPython's unpickler over one stream starting at `start`,
 * building an inert graph: globals become {@link GlobalRef}s and every call
 * a {@link PickleCall}. Iterative (one loop, an explicit stack), so no input
 * can exhaust the JavaScript call stack.
 */
export function unpickleStream(
  bytes: Uint8Array,
  start: number,
  ctx: UnpickleContext,
): StreamResult {
  const cur = new Cursor(bytes, start);
  const { limits, stats } = ctx;
  const stack: unknown[] = [];
  const marks: number[] = [];
  const memo = new Map<number, unknown>();
  let proto = 0;
  let at = start;

  const created = <T>(value: T): T => {
    if (++ctx.counter.nodes > limits.maxNodes) {
      throw new LimitExceededError(
        'maxNodes',
        ctx.counter.nodes,
        limits.maxNodes,
        'The pickle object graph',
      );
    }
    return value;
  };
  const push = (value: unknown): void => {
    stack.push(created(value));
  };
  const fence = (): number => (marks.length === 0 ? 0 : marks[marks.length - 1]!);
  const pop = (what: string): unknown => {
    if (stack.length <= fence()) throw invalidPickle(`stack underflow: ${what} found no value`, at);
    return stack.pop();
  };
  const top = (what: string): unknown => {
    if (stack.length <= fence()) throw invalidPickle(`stack underflow: ${what} found no value`, at);
    return stack[stack.length - 1];
  };
  const popMark = (what: string): unknown[] => {
    const mark = marks.pop();
    if (mark === undefined) throw invalidPickle(`${what} found no MARK`, at);
    return stack.splice(mark);
  };
  const memoGet = (key: number | bigint): unknown => {
    const k = Number(key);
    if (!memo.has(k)) throw invalidPickle(`memo key ${key} not defined`, at);
    return memo.get(k);
  };
  const memoPut = (key: number | bigint): void => {
    const k = Number(key);
    if (!memo.has(k) && memo.size >= limits.maxNodes) {
      throw new LimitExceededError('maxNodes', memo.size + 1, limits.maxNodes, 'The pickle memo');
    }
    memo.set(k, top('PUT'));
  };
  const text = (bytes: Uint8Array, how: 'utf-8' | 'ascii', what: string): string => {
    if (how === 'ascii') {
      if (bytes.some((b) => b > 0x7f)) throw invalidPickle(`${what} is not ASCII`, at);
      return asciiDecoder.decode(bytes);
    }
    const s = decodeUtf8(bytes);
    if (s === undefined) throw invalidPickle(`${what} is not valid UTF-8`, at);
    return s;
  };
  const legacyString = (raw: Uint8Array): unknown => {
    stats.legacyStrings++;
    switch (ctx.encoding) {
      case 'bytes':
        return raw.slice();
      case 'latin1':
        return latin1(raw);
      case 'utf-8':
        return text(raw, 'utf-8', 'Python 2 string');
      case 'ASCII':
        if (raw.some((b) => b > 0x7f)) {
          throw invalidPickle(
            'a Python 2 string holds non-ASCII bytes; read it with { encoding: "latin1" } (numpy data) or "bytes"',
            at,
          );
        }
        return asciiDecoder.decode(raw);
    }
  };
  const lineInt = (what: string, anyBase: boolean): bigint => {
    const raw = latin1(cur.line(what));
    const v = parsePythonInt(raw, anyBase);
    if (v === undefined)
      throw invalidPickle(`${what} argument ${JSON.stringify(raw.slice(0, 40))} is not an int`, at);
    return v;
  };
  const memoIndex = (v: bigint, what: string): number => {
    if (v < 0n) throw invalidPickle(`negative ${what} argument`, at);
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw invalidPickle(`${what} argument too large`, at);
    return Number(v);
  };
  const global = (module: string, name: string, opcode: GlobalOpcode): GlobalRef => {
    const [m3, n3] = fixImports(module, name, proto);
    const ref = created(new GlobalRef(module, name, m3, n3, opcode, at));
    stats.globals.push(ref);
    return ref;
  };
  const instantiate = (kind: CallKind, callable: unknown, args: unknown[]): PickleCall =>
    new PickleCall(kind, callable, created(new PyTuple(args)), null, at);
  const hashable = (key: unknown): unknown => {
    if (
      Array.isArray(key) ||
      PyDict.is(key) ||
      PyByteArray.is(key) ||
      (PySet.is(key) && key.kind === 'set')
    ) {
      throw invalidPickle('unhashable dict key (a list, dict, set or bytearray)', at);
    }
    return key;
  };
  const setItems = (target: unknown, items: unknown[], what: string): void => {
    if (items.length % 2 !== 0) throw invalidPickle(`${what} has an odd number of items`, at);
    const dict = PyDict.is(target) ? target : PickleCall.is(target) ? target.dictItems : undefined;
    if (!dict) throw invalidPickle(`${what} target is not a dict`, at);
    for (let i = 0; i < items.length; i += 2) dict.set(hashable(items[i]), items[i + 1]);
  };
  const appendItems = (target: unknown, items: unknown[], what: string): void => {
    const list = Array.isArray(target)
      ? target
      : PickleCall.is(target)
        ? target.listItems
        : undefined;
    if (!list) throw invalidPickle(`${what} target is not a list`, at);
    for (const item of items) list.push(item);
  };
  const addSetItems = (into: unknown[], items: unknown[]): void => {
    const seen = new Set(into.map(setKey));
    for (const item of items) {
      const k = setKey(hashable(item));
      if (!seen.has(k)) {
        seen.add(k);
        into.push(item);
      }
    }
  };
  const tuple = (items: unknown[]): void => push(new PyTuple(items));

  for (;;) {
    at = cur.pos;
    if (cur.remaining === 0) throw invalidPickle('truncated: no STOP opcode', at);
    const op = cur.bytes[cur.pos++]!;
    const name = OPCODE_NAMES.get(op);
    if (name === undefined)
      throw invalidPickle(`unknown opcode 0x${op.toString(16).padStart(2, '0')}`, at);
    stats.opcodes.add(name);
    switch (op) {
      case 0x28: // MARK
        marks.push(stack.length);
        if (marks.length > stats.maxMarkDepth) stats.maxMarkDepth = marks.length;
        if (marks.length > limits.maxDepth) {
          throw new LimitExceededError(
            'maxDepth',
            marks.length,
            limits.maxDepth,
            'Nested MARKs of the pickle stream',
          );
        }
        break;
      case 0x2e: // STOP
        return { root: pop('STOP'), end: cur.pos };
      case 0x30: // POP (CPython pops an empty MARK when nothing sits above it)
        if (marks.length > 0 && marks[marks.length - 1] === stack.length) marks.pop();
        else pop('POP');
        break;
      case 0x31: // POP_MARK
        popMark('POP_MARK');
        break;
      case 0x32: // DUP
        stack.push(top('DUP'));
        break;
      case 0x46: {
        // FLOAT
        const raw = latin1(cur.line('FLOAT'));
        const v = parsePythonFloat(raw);
        if (v === undefined)
          throw invalidPickle(
            `FLOAT argument ${JSON.stringify(raw.slice(0, 40))} is not a float`,
            at,
          );
        push(v);
        break;
      }
      case 0x49: {
        // INT: protocol 0 spells booleans "I00" / "I01"
        const raw = latin1(cur.line('INT'));
        if (raw === '00' || raw === '01') push(raw === '01');
        else {
          const v = parsePythonInt(raw, true);
          if (v === undefined)
            throw invalidPickle(
              `INT argument ${JSON.stringify(raw.slice(0, 40))} is not an int`,
              at,
            );
          push(v);
        }
        break;
      }
      case 0x4a: // BININT
        push(BigInt(cur.i32('BININT')));
        break;
      case 0x4b: // BININT1
        push(BigInt(cur.u8('BININT1')));
        break;
      case 0x4d: // BININT2
        push(BigInt(cur.u16('BININT2')));
        break;
      case 0x4c: {
        // LONG
        let raw = latin1(cur.line('LONG'));
        if (raw.endsWith('L')) raw = raw.slice(0, -1);
        const v = parsePythonInt(raw, true);
        if (v === undefined)
          throw invalidPickle(
            `LONG argument ${JSON.stringify(raw.slice(0, 40))} is not an int`,
            at,
          );
        push(v);
        break;
      }
      case 0x8a: // LONG1
        push(signedLittleEndian(cur.take(cur.u8('LONG1'), 'LONG1')));
        break;
      case 0x8b: {
        // LONG4
        const n = cur.i32('LONG4');
        if (n < 0) throw invalidPickle('LONG pickle has negative byte count', at);
        push(signedLittleEndian(cur.take(n, 'LONG4')));
        break;
      }
      case 0x47: // BINFLOAT
        push(cur.f64be('BINFLOAT'));
        break;
      case 0x4e: // NONE
        push(null);
        break;
      case 0x88: // NEWTRUE
        push(true);
        break;
      case 0x89: // NEWFALSE
        push(false);
        break;
      case 0x53: {
        // STRING
        const raw = cur.line('STRING');
        const q = raw[0];
        if (raw.length < 2 || (q !== 0x22 && q !== 0x27) || raw[raw.length - 1] !== q) {
          throw invalidPickle('the STRING opcode argument must be quoted', at);
        }
        const decoded = escapeDecode(raw.subarray(1, raw.length - 1));
        if (decoded === undefined) throw invalidPickle('bad escape in STRING argument', at);
        push(legacyString(decoded));
        break;
      }
      case 0x54: {
        // BINSTRING
        const n = cur.i32('BINSTRING');
        if (n < 0) throw invalidPickle('BINSTRING pickle has negative byte count', at);
        push(legacyString(cur.take(n, 'BINSTRING')));
        break;
      }
      case 0x55: // SHORT_BINSTRING
        push(legacyString(cur.take(cur.u8('SHORT_BINSTRING'), 'SHORT_BINSTRING')));
        break;
      case 0x56: {
        // UNICODE
        const s = rawUnicodeEscapeDecode(cur.line('UNICODE'));
        if (s === undefined) throw invalidPickle('bad \\u escape in UNICODE argument', at);
        push(s);
        break;
      }
      case 0x58: // BINUNICODE
        push(text(cur.take(cur.u32('BINUNICODE'), 'BINUNICODE'), 'utf-8', 'BINUNICODE'));
        break;
      case 0x8c: // SHORT_BINUNICODE
        push(
          text(
            cur.take(cur.u8('SHORT_BINUNICODE'), 'SHORT_BINUNICODE'),
            'utf-8',
            'SHORT_BINUNICODE',
          ),
        );
        break;
      case 0x8d: // BINUNICODE8
        push(text(cur.take(cur.u64('BINUNICODE8'), 'BINUNICODE8'), 'utf-8', 'BINUNICODE8'));
        break;
      case 0x42: // BINBYTES
        push(cur.take(cur.u32('BINBYTES'), 'BINBYTES').slice());
        break;
      case 0x43: // SHORT_BINBYTES
        push(cur.take(cur.u8('SHORT_BINBYTES'), 'SHORT_BINBYTES').slice());
        break;
      case 0x8e: // BINBYTES8
        push(cur.take(cur.u64('BINBYTES8'), 'BINBYTES8').slice());
        break;
      case 0x96: // BYTEARRAY8
        push(new PyByteArray(cur.take(cur.u64('BYTEARRAY8'), 'BYTEARRAY8').slice()));
        break;
      case 0x97: // NEXT_BUFFER
        throw unsupportedPickle(
          'The pickle uses out-of-band buffers (NEXT_BUFFER, protocol 5 with buffer_callback); ' +
            'they live outside the file and cannot be read. Re-save it without buffer_callback',
          at,
        );
      case 0x98: {
        // READONLY_BUFFER: a read-only view of a bytes-like object is bytes
        const v = top('READONLY_BUFFER');
        if (PyByteArray.is(v)) stack[stack.length - 1] = created(v.data);
        else if (!(v instanceof Uint8Array))
          throw invalidPickle('READONLY_BUFFER needs a bytes-like object', at);
        break;
      }
      case 0x29: // EMPTY_TUPLE
        tuple([]);
        break;
      case 0x74: // TUPLE
        tuple(popMark('TUPLE'));
        break;
      case 0x85: // TUPLE1
        tuple([pop('TUPLE1')]);
        break;
      case 0x86: {
        // TUPLE2
        const b = pop('TUPLE2');
        tuple([pop('TUPLE2'), b]);
        break;
      }
      case 0x87: {
        // TUPLE3
        const c = pop('TUPLE3');
        const b = pop('TUPLE3');
        tuple([pop('TUPLE3'), b, c]);
        break;
      }
      case 0x5d: // EMPTY_LIST
        push([]);
        break;
      case 0x6c: // LIST
        push(popMark('LIST'));
        break;
      case 0x61: {
        // APPEND
        const v = pop('APPEND');
        appendItems(top('APPEND'), [v], 'APPEND');
        break;
      }
      case 0x65: {
        // APPENDS
        const items = popMark('APPENDS');
        appendItems(top('APPENDS'), items, 'APPENDS');
        break;
      }
      case 0x7d: // EMPTY_DICT
        push(new PyDict());
        break;
      case 0x64: {
        // DICT
        const items = popMark('DICT');
        const d = new PyDict();
        setItems(d, items, 'DICT');
        push(d);
        break;
      }
      case 0x73: {
        // SETITEM
        const v = pop('SETITEM');
        const k = pop('SETITEM');
        setItems(top('SETITEM'), [k, v], 'SETITEM');
        break;
      }
      case 0x75: {
        // SETITEMS
        const items = popMark('SETITEMS');
        setItems(top('SETITEMS'), items, 'SETITEMS');
        break;
      }
      case 0x8f: // EMPTY_SET
        push(new PySet([], 'set'));
        break;
      case 0x90: {
        // ADDITEMS
        const items = popMark('ADDITEMS');
        const target = top('ADDITEMS');
        if (PySet.is(target) && target.kind === 'set') addSetItems(target.items, items);
        else if (PickleCall.is(target)) addSetItems(target.setItems, items);
        else throw invalidPickle('ADDITEMS target is not a set', at);
        break;
      }
      case 0x91: {
        // FROZENSET
        const items: unknown[] = [];
        addSetItems(items, popMark('FROZENSET'));
        push(new PySet(items, 'frozenset'));
        break;
      }
      case 0x63: {
        // GLOBAL
        const module = text(cur.line('GLOBAL module'), 'utf-8', 'GLOBAL module');
        const gname = text(cur.line('GLOBAL name'), 'utf-8', 'GLOBAL name');
        stack.push(global(module, gname, 'GLOBAL'));
        break;
      }
      case 0x93: {
        // STACK_GLOBAL
        const gname = pop('STACK_GLOBAL');
        const module = pop('STACK_GLOBAL');
        if (typeof gname !== 'string' || typeof module !== 'string')
          throw invalidPickle('STACK_GLOBAL requires str', at);
        stack.push(global(module, gname, 'STACK_GLOBAL'));
        break;
      }
      case 0x69: {
        // INST
        const module = text(cur.line('INST module'), 'ascii', 'INST module');
        const gname = text(cur.line('INST name'), 'ascii', 'INST name');
        const args = popMark('INST');
        push(instantiate('INST', global(module, gname, 'INST'), args));
        break;
      }
      case 0x6f: {
        // OBJ
        const args = popMark('OBJ');
        if (args.length === 0) throw invalidPickle('OBJ found no class after its MARK', at);
        const cls = args.shift();
        push(instantiate('OBJ', cls, args));
        break;
      }
      case 0x52: {
        // REDUCE
        const args = pop('REDUCE');
        const callable = pop('REDUCE');
        if (!PyTuple.is(args)) throw invalidPickle('REDUCE arguments are not a tuple', at);
        push(new PickleCall('REDUCE', callable, args, null, at));
        break;
      }
      case 0x81: {
        // NEWOBJ
        const args = pop('NEWOBJ');
        const cls = pop('NEWOBJ');
        if (!PyTuple.is(args)) throw invalidPickle('NEWOBJ arguments are not a tuple', at);
        push(new PickleCall('NEWOBJ', cls, args, null, at));
        break;
      }
      case 0x92: {
        // NEWOBJ_EX
        const kwargs = pop('NEWOBJ_EX');
        const args = pop('NEWOBJ_EX');
        const cls = pop('NEWOBJ_EX');
        if (!PyTuple.is(args) || !PyDict.is(kwargs))
          throw invalidPickle('NEWOBJ_EX needs a tuple and a dict', at);
        push(new PickleCall('NEWOBJ_EX', cls, args, kwargs, at));
        break;
      }
      case 0x62: {
        // BUILD
        const state = pop('BUILD');
        const target = top('BUILD');
        if (!PickleCall.is(target)) {
          throw invalidPickle(
            'BUILD target is not an object the stream created (REDUCE, NEWOBJ, INST or OBJ)',
            at,
          );
        }
        target.states.push(state);
        const replaced = ctx.onBuild?.(target, cur, ctx);
        if (replaced) stack[stack.length - 1] = replaced.value;
        break;
      }
      case 0x67: // GET
        stack.push(memoGet(memoIndex(lineInt('GET', false), 'GET')));
        break;
      case 0x68: // BINGET
        stack.push(memoGet(cur.u8('BINGET')));
        break;
      case 0x6a: // LONG_BINGET
        stack.push(memoGet(cur.u32('LONG_BINGET')));
        break;
      case 0x70: // PUT
        memoPut(memoIndex(lineInt('PUT', false), 'PUT'));
        break;
      case 0x71: // BINPUT
        memoPut(cur.u8('BINPUT'));
        break;
      case 0x72: // LONG_BINPUT
        memoPut(cur.u32('LONG_BINPUT'));
        break;
      case 0x94: // MEMOIZE
        memoPut(memo.size);
        break;
      case 0x80: {
        // PROTO
        const v = cur.u8('PROTO');
        if (v > HIGHEST_PROTOCOL) throw invalidPickle(`unsupported pickle protocol: ${v}`, at);
        proto = v;
        stats.protocol ??= v;
        break;
      }
      case 0x95: // FRAME: a length hint only, as in CPython's C unpickler; opcodes continue linearly
        cur.need(cur.u64('FRAME'), 'FRAME');
        break;
      case 0x82:
      case 0x83:
      case 0x84: {
        // EXT1 / EXT2 / EXT4
        const code = op === 0x82 ? cur.u8('EXT1') : op === 0x83 ? cur.u16('EXT2') : cur.i32('EXT4');
        stats.extensionCodes.push(code);
        if (code <= 0) throw invalidPickle(`${name} specifies code <= 0`, at);
        if (!ctx.recordExtensions) {
          throw unsupportedPickle(
            `The pickle uses the extension registry (${name} code ${code}): a global chosen by a code in copyreg's ` +
              'registry of the loading process, which cannot be checked. Refusing it',
            at,
          );
        }
        push(new ExtensionRef(code, name as 'EXT1' | 'EXT2' | 'EXT4', at));
        break;
      }
      case 0x50:
      case 0x51: {
        // PERSID / BINPERSID
        const pid = op === 0x50 ? text(cur.line('PERSID'), 'ascii', 'PERSID') : pop('BINPERSID');
        stats.persistentIds++;
        if (!ctx.recordPersistentIds) {
          throw unsupportedPickle(
            `The pickle refers to a persistent id (${name}): the object lives outside the file ` +
              '(a torch storage, a database row) and only a persistent_load function of the writer can resolve it',
            at,
          );
        }
        push(new PersistentRef(pid, at));
        break;
      }
      default:
        throw invalidPickle(`opcode ${name} is not implemented`, at);
    }
  }
}
