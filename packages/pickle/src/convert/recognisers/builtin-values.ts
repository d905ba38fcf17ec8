import { PyByteArray, PyComplex, PySet, PySlice, PyTuple } from '@skops-ts/core';
import type { CallRecogniser, RecogniserContext } from '../recogniser.js';
import { encodeText } from '../text-bytes.js';
import type { PickleCall } from '../../values/pickle-call.js';
import { argsOf, noItems, noState } from './args.js';

function itemsOf(value: unknown, ctx: RecogniserContext, what: string): readonly unknown[] {
  const v = ctx.convert(value);
  if (Array.isArray(v)) return v;
  if (PyTuple.is(v) || PySet.is(v)) return v.items;
  throw ctx.fail(`${what} is built from something that is not a list, tuple or set.`);
}

const setKey = (v: unknown): unknown =>
  typeof v === 'boolean'
    ? v
      ? 1n
      : 0n
    : typeof v === 'number' && Number.isInteger(v)
      ? BigInt(v)
      : v;

function uniqueItems(items: readonly unknown[]): unknown[] {
  const seen = new Set<unknown>();
  return items.filter((x) => {
    const k = setKey(x);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function setLike(kind: 'set' | 'frozenset'): CallRecogniser {
  return {
    kind: 'call',
    globals: [`builtins.${kind}`],
    convert(node, ctx) {
      const call = node as PickleCall;
      const [items] = argsOf(call, 0, 1, ctx);
      noState(call, ctx);
      const fromArgs = items === undefined ? [] : itemsOf(items, ctx, `A ${kind}`);
      return new PySet(
        uniqueItems([...fromArgs, ...call.setItems.map((x) => ctx.convert(x))]),
        kind,
      );
    },
  };
}

/** `bytes(...)` / `bytearray(...)`: empty, from bytes, from a list of ints, or `(str, encoding)`. */
function byteArgs(call: PickleCall, ctx: RecogniserContext): Uint8Array {
  const args = argsOf(call, 0, 2, ctx).map((a) => ctx.convert(a));
  noItems(call, ctx);
  const [source, encoding] = args;
  if (source === undefined) return new Uint8Array(0);
  if (typeof source === 'string') {
    if (typeof encoding !== 'string') throw ctx.fail('bytes from a str need an encoding.');
    const out = encodeText(source, encoding);
    if (!out) throw ctx.fail(`cannot encode a str with ${JSON.stringify(encoding)}.`);
    return out;
  }
  if (encoding !== undefined) throw ctx.fail('an encoding was given for bytes that are not a str.');
  if (source instanceof Uint8Array) return source.slice();
  if (PyByteArray.is(source)) return source.data.slice();
  if (Array.isArray(source) && source.every((b) => typeof b === 'bigint' && b >= 0n && b < 256n)) {
    return Uint8Array.from(source as bigint[], Number);
  }
  throw ctx.fail(
    'bytes are built from something that is not bytes, a str or a list of byte values.',
  );
}

const bytesRecogniser: CallRecogniser = {
  kind: 'call',
  globals: ['builtins.bytes'],
  convert(node, ctx) {
    const call = node as PickleCall;
    noState(call, ctx);
    return byteArgs(call, ctx);
  },
};

const bytearrayRecogniser: CallRecogniser = {
  kind: 'call',
  globals: ['builtins.bytearray'],
  convert(node, ctx) {
    const call = node as PickleCall;
    noState(call, ctx);
    return new PyByteArray(byteArgs(call, ctx));
  },
};

const sliceRecogniser: CallRecogniser = {
  kind: 'call',
  globals: ['builtins.slice'],
  convert(node, ctx) {
    const call = node as PickleCall;
    noState(call, ctx);
    noItems(call, ctx);
    const args = argsOf(call, 1, 3, ctx).map((a) => ctx.convert(a));
    if (args.length === 1) return new PySlice(null, args[0], null);
    return new PySlice(args[0], args[1], args[2] ?? null);
  },
};

const complexRecogniser: CallRecogniser = {
  kind: 'call',
  globals: ['builtins.complex'],
  convert(node, ctx) {
    const call = node as PickleCall;
    noState(call, ctx);
    noItems(call, ctx);
    const parts = argsOf(call, 0, 2, ctx).map((a) => ctx.convert(a));
    const num = (v: unknown): number => {
      if (v === undefined) return 0;
      if (typeof v === 'number') return v;
      if (typeof v === 'bigint') return Number(v);
      throw ctx.fail('complex parts must be numbers.');
    };
    return new PyComplex(num(parts[0]), num(parts[1]));
  },
};

/** `_codecs.encode(str, encoding)`: how protocol 2 writes bytes. */
const codecsEncodeRecogniser: CallRecogniser = {
  kind: 'call',
  globals: ['_codecs.encode'],
  convert(node, ctx) {
    const call = node as PickleCall;
    noState(call, ctx);
    noItems(call, ctx);
    const [text, encoding = 'utf-8'] = argsOf(call, 1, 2, ctx).map((a) => ctx.convert(a));
    if (typeof text !== 'string' || typeof encoding !== 'string')
      throw ctx.fail('_codecs.encode needs a str and an encoding name.');
    const out = encodeText(text, encoding);
    if (!out)
      throw ctx.fail(
        `_codecs.encode with ${JSON.stringify(encoding)} is not supported or the text does not fit it.`,
      );
    return out;
  },
};

/** set, frozenset, bytes, bytearray, slice, complex and `_codecs.encode`. */
export const builtinValueRecognisers: readonly CallRecogniser[] = [
  setLike('set'),
  setLike('frozenset'),
  bytesRecogniser,
  bytearrayRecogniser,
  sliceRecogniser,
  complexRecogniser,
  codecsEncodeRecogniser,
];
