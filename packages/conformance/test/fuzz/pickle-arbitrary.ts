import fc from 'fast-check';
import { rarely } from './rarely.js';

const latin1 = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0) & 0xff);
const utf8 = (s: string): number[] => [...new TextEncoder().encode(s)];

/** `n` little-endian bytes of `v` (two's complement for negatives). */
function le(v: bigint, n: number): number[] {
  const out: number[] = [];
  let x = BigInt.asUintN(n * 8, v);
  for (let i = 0; i < n; i++) {
    out.push(Number(x & 0xffn));
    x >>= 8n;
  }
  return out;
}

/** Opcodes without an argument. */
const NO_ARG = [
  0x28, 0x2e, 0x30, 0x31, 0x32, 0x4e, 0x51, 0x52, 0x61, 0x62, 0x64, 0x7d, 0x65, 0x6c, 0x5d, 0x6f,
  0x73, 0x74, 0x29, 0x75, 0x81, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8f, 0x90, 0x91, 0x92, 0x93, 0x94,
  0x97, 0x98,
];
/** Opcodes that build containers and objects: the ones that give recognisers something to match. */
const BUILDERS = [
  0x28, 0x52, 0x62, 0x81, 0x85, 0x86, 0x87, 0x74, 0x29, 0x7d, 0x5d, 0x73, 0x75, 0x61, 0x65, 0x93,
  0x94,
];

/** Globals the recognisers claim, ones they refuse, and spellings that probe the name handling. */
const GLOBALS: readonly (readonly [string, string])[] = [
  ['numpy.core.multiarray', '_reconstruct'],
  ['numpy._core.multiarray', '_reconstruct'],
  ['numpy.core.multiarray', 'scalar'],
  ['numpy', 'ndarray'],
  ['numpy', 'dtype'],
  ['numpy.ma.core', '_mareconstruct'],
  ['numpy.random._pickle', '__randomstate_ctor'],
  ['numpy.random._pickle', '__generator_ctor'],
  ['numpy.random._pickle', '__bit_generator_ctor'],
  ['joblib.numpy_pickle', 'NumpyArrayWrapper'],
  ['scipy.sparse._csr', 'csr_matrix'],
  ['sklearn.linear_model._base', 'LinearRegression'],
  ['sklearn.tree._tree', 'Tree'],
  ['sklearn._loss._loss', 'CyHalfSquaredError'],
  ['sklearn.neighbors._kd_tree', 'newObj'],
  ['xgboost.core', 'Booster'],
  ['copyreg', '_reconstructor'],
  ['copy_reg', '_reconstructor'],
  ['copyreg', '__newobj__'],
  ['builtins', 'object'],
  ['builtins', 'set'],
  ['builtins', 'frozenset'],
  ['builtins', 'bytearray'],
  ['builtins', 'slice'],
  ['builtins', 'complex'],
  ['builtins', 'getattr'],
  ['__builtin__', 'set'],
  ['builtins', 'eval'],
  ['_codecs', 'encode'],
  ['collections', 'OrderedDict'],
  ['collections', 'defaultdict'],
  ['functools', 'partial'],
  ['operator', 'itemgetter'],
  ['os', 'system'],
  ['posix', 'system'],
  ['', ''],
  ['a.b', 'c.d'],
];

const text = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      '',
      'a',
      'abc',
      'latin1',
      'bytes',
      'f8',
      '<f8',
      'O8',
      'C',
      'state',
      '__dict__',
      '\u00e9\u4e2d',
      '\ud800',
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
);

/** A length that is true most of the time, otherwise a lie (too long, huge, negative as unsigned). */
const lengthFor = (actual: number, bytes: number): fc.Arbitrary<bigint> =>
  fc.oneof(
    { weight: 12, arbitrary: fc.constant(BigInt(actual)) },
    { weight: 1, arbitrary: fc.bigInt({ min: 0n, max: 2n ** BigInt(8 * bytes) - 1n }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        BigInt(actual + 1),
        2n ** BigInt(8 * bytes) - 1n,
        2n ** BigInt(8 * bytes - 1),
      ),
    },
  );

const withLength = (
  op: number,
  lenBytes: number,
  payload: fc.Arbitrary<number[]>,
): fc.Arbitrary<number[]> =>
  payload.chain((p) => lengthFor(p.length, lenBytes).map((n) => [op, ...le(n, lenBytes), ...p]));

const bytesPayload = fc.oneof(
  text.map(utf8),
  fc.uint8Array({ maxLength: 16 }).map((b) => [...b]),
);

const lineText = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      '0',
      '1',
      '00',
      '01',
      '-5',
      '123L',
      '99999999999999999999999',
      '1.5',
      'nan',
      '-inf',
      '1e400',
      "'abc'",
      '"x"',
      "S'",
      "'\\x00\\n'",
      'junk',
      '',
      ' 1',
    ),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }).map((s) => s.replaceAll('\n', '')) },
);

/** One opcode with an argument of the right kind (and sometimes a lying length). */
export const pickleOp: fc.Arbitrary<number[]> = fc.oneof(
  { weight: 10, arbitrary: fc.constantFrom(...NO_ARG).map((op) => [op]) },
  { weight: 10, arbitrary: fc.constantFrom(...BUILDERS).map((op) => [op]) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.constantFrom(0x4b, 0x68, 0x71, 0x82), fc.nat(255))
      .map(([op, v]) => [op, v]),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constant(0x80), fc.oneof(fc.integer({ min: 0, max: 5 }), fc.nat(255)))
      .map(([op, v]) => [op, v]),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(0x4d, 0x83), fc.nat(0xffff))
      .map(([op, v]) => [op, ...le(BigInt(v), 2)]),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.constantFrom(0x4a, 0x6a, 0x72, 0x84),
        fc.oneof(fc.integer({ min: -2, max: 8 }), fc.integer()),
      )
      .map(([op, v]) => [op, ...le(BigInt(v), 4)]),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constant(0x95), fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }))
      .map(([op, v]) => [op, ...le(v, 8)]),
  },
  {
    weight: 2,
    arbitrary: fc.oneof(fc.double(), fc.constantFrom(Number.NaN, Infinity, -0)).map((v) => {
      const b = new Uint8Array(8);
      new DataView(b.buffer).setFloat64(0, v, false);
      return [0x47, ...b];
    }),
  },
  {
    weight: 3,
    arbitrary: fc.constantFrom(0x55, 0x43, 0x8c).chain((op) => withLength(op, 1, bytesPayload)),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(0x54, 0x58, 0x42).chain((op) => withLength(op, 4, bytesPayload)),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(0x8d, 0x8e, 0x96).chain((op) => withLength(op, 8, bytesPayload)),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(0x8a, 0x8b), fc.uint8Array({ maxLength: 12 }))
      .chain(([op, b]) => withLength(op, op === 0x8a ? 1 : 4, fc.constant([...b]))),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.constantFrom(0x49, 0x4c, 0x46, 0x53, 0x56, 0x50, 0x67, 0x70), lineText)
      .map(([op, t]) => [op, ...latin1(t), 0x0a]),
  },
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.constantFrom(0x63, 0x69), fc.constantFrom(...GLOBALS), fc.boolean())
      .map(([op, [m, n], ok]) => [op, ...latin1(m), 0x0a, ...latin1(n), ...(ok ? [0x0a] : [])]),
  },
  {
    // STACK_GLOBAL's usual prelude: two short unicode strings.
    weight: 4,
    arbitrary: fc
      .constantFrom(...GLOBALS)
      .map(([m, n]) => [0x8c, utf8(m).length, ...utf8(m), 0x8c, utf8(n).length, ...utf8(n), 0x93]),
  },
);

/** A pickle stream: an optional PROTO, random opcodes, usually STOP, sometimes trailing bytes. */
export const pickleStream: fc.Arbitrary<Uint8Array> = fc
  .record({
    proto: fc.option(fc.integer({ min: 0, max: 6 }), { freq: 3 }),
    ops: fc.array(pickleOp, { maxLength: 60 }),
    stop: fc.oneof(
      { weight: 6, arbitrary: fc.constant(true) },
      { weight: 1, arbitrary: fc.constant(false) },
    ),
    tail: rarely(fc.uint8Array({ maxLength: 8 }), 6),
  })
  .map(({ proto, ops, stop, tail }) => {
    const out: number[] = proto === null ? [] : [0x80, proto];
    for (const op of ops) out.push(...op);
    if (stop) out.push(0x2e);
    if (tail) out.push(...tail);
    return Uint8Array.from(out);
  });

/** Raw bytes, with a joblib compression magic in front now and then. */
export const rawPickleBytes: fc.Arbitrary<Uint8Array> = fc
  .tuple(
    fc.oneof(
      { weight: 4, arbitrary: fc.constant<number[]>([]) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          [0x80, 0x04],
          [0x78, 0x9c],
          [0x1f, 0x8b, 0x08],
          [0x42, 0x5a, 0x68],
          [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00],
          [0x5d, 0x00, 0x00],
          [0x5a, 0x46],
        ),
      },
    ),
    fc.uint8Array({ maxLength: 200 }),
  )
  .map(([magic, body]) => Uint8Array.from([...magic, ...body]));

const shortUnicode = (s: string): number[] => {
  const b = utf8(s);
  return b.length < 256 ? [0x8c, b.length, ...b] : [0x58, ...le(BigInt(b.length), 4), ...b];
};
const shortBytes = (b: readonly number[]): number[] =>
  b.length < 256 ? [0x43, b.length, ...b] : [0x42, ...le(BigInt(b.length), 4), ...b];
const stackGlobal = ([m, n]: readonly [string, string]): number[] => [
  ...shortUnicode(m),
  ...shortUnicode(n),
  0x93,
];
const tupleOf = (items: readonly number[][]): number[] =>
  items.length === 0
    ? [0x29]
    : items.length <= 3
      ? [...items.flat(), 0x84 + items.length]
      : [0x28, ...items.flat(), 0x74];

const intOp = (v: bigint): number[] => {
  if (v >= 0n && v < 256n) return [0x4b, Number(v)];
  if (v >= -(2n ** 31n) && v < 2n ** 31n) return [0x4a, ...le(v, 4)];
  const bytes: number[] = [];
  let x = v;
  // LONG1: little-endian two's complement, as short as the sign allows.
  do {
    bytes.push(Number(BigInt.asUintN(8, x)));
    x >>= 8n;
  } while (!(
    (x === 0n && (bytes[bytes.length - 1] as number) < 0x80) ||
    (x === -1n && (bytes[bytes.length - 1] as number) >= 0x80)
  ));
  return [0x8a, bytes.length, ...bytes];
};

const floatOp = (v: number): number[] => {
  const b = new Uint8Array(8);
  new DataView(b.buffer).setFloat64(0, v, false);
  return [0x47, ...b];
};

/** A numpy dtype as numpy pickles it: `numpy.dtype(str, False, True)` then BUILD with its state tuple. */
const dtypePickle: fc.Arbitrary<number[]> = fc
  .tuple(
    fc.constantFrom('f8', 'f4', 'i8', 'i4', 'u1', 'b1', 'c16', 'U3', 'S2', 'V4', 'M8', 'O8', 'f3'),
    fc.constantFrom('<', '>', '|', '='),
    fc.boolean(),
  )
  .map(([name, order, withState]) => [
    ...stackGlobal(['numpy', 'dtype']),
    ...tupleOf([shortUnicode(name), [0x89], [0x88]]),
    0x52,
    ...(withState
      ? [
          ...tupleOf([
            intOp(3n),
            shortUnicode(order),
            [0x4e],
            [0x4e],
            [0x4e],
            intOp(-1n),
            intOp(-1n),
            intOp(0n),
          ]),
          0x62,
        ]
      : []),
  ]);

/** An ndarray as numpy pickles it: `_reconstruct(ndarray, (0,), b'b')` then BUILD (1, shape, dtype, fortran, data). */
const ndarrayPickle: fc.Arbitrary<number[]> = fc
  .record({
    shape: fc.array(
      fc.oneof(
        { weight: 8, arbitrary: fc.nat(4) },
        { weight: 1, arbitrary: fc.constantFrom(2 ** 31, 2 ** 40, -1) },
      ),
      { maxLength: 3 },
    ),
    dtype: dtypePickle,
    fortran: fc.boolean(),
    data: fc.uint8Array({ maxLength: 96 }),
    version: fc.oneof(
      { weight: 8, arbitrary: fc.constant(1n) },
      { weight: 1, arbitrary: fc.constantFrom(0n, 2n) },
    ),
  })
  .map(({ shape, dtype, fortran, data, version }) => [
    ...stackGlobal(['numpy.core.multiarray', '_reconstruct']),
    ...stackGlobal(['numpy', 'ndarray']),
    ...tupleOf([intOp(0n)]),
    ...shortBytes([0x62]),
    0x87,
    0x52,
    ...tupleOf([
      intOp(version),
      tupleOf(shape.map((d) => intOp(BigInt(d)))),
      dtype,
      [fortran ? 0x88 : 0x89],
      shortBytes([...data]),
    ]),
    0x62,
  ]);

/**
 * A well-formed pickle value: scalars, containers, memo references, and
 * calls of recognised globals with random arguments and state (so that
 * conversion gets past the reader and into the recognisers).
 */
const pickleValue: fc.Arbitrary<number[]> = fc.letrec<{ value: number[] }>((tie) => {
  const value = tie('value');
  const items = fc.array(value, { maxLength: 4 });
  return {
    value: fc.oneof(
      { depthSize: 'small', maxDepth: 5, depthIdentifier: 'pickle' },
      {
        weight: 6,
        arbitrary: fc.oneof(
          fc.constant<number[]>([0x4e]),
          fc.constantFrom<number[]>([0x88], [0x89]),
          fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map(intOp),
          fc.integer({ min: -3, max: 300 }).map((v) => intOp(BigInt(v))),
          fc.oneof(fc.double(), fc.constantFrom(0, 1.5, Number.NaN)).map(floatOp),
          text.map(shortUnicode),
          fc.uint8Array({ maxLength: 16 }).map((b) => shortBytes([...b])),
        ),
      },
      {
        weight: 2,
        arbitrary: items.map((xs) => [0x5d, ...(xs.length ? [0x28, ...xs.flat(), 0x65] : [])]),
      },
      { weight: 2, arbitrary: items.map(tupleOf) },
      {
        weight: 1,
        arbitrary: items.map((xs) => [0x8f, ...(xs.length ? [0x28, ...xs.flat(), 0x90] : [])]),
      },
      {
        weight: 2,
        arbitrary: fc
          .array(
            fc.tuple(
              fc.oneof(
                text.map(shortUnicode),
                fc.integer({ min: -2, max: 9 }).map((v) => intOp(BigInt(v))),
              ),
              value,
            ),
            { maxLength: 4 },
          )
          .map((kv) => [0x7d, ...(kv.length ? [0x28, ...kv.flat(2), 0x75] : [])]),
      },
      {
        weight: 3,
        arbitrary: fc
          .tuple(fc.constantFrom(...GLOBALS), items, rarely(value, 2), fc.constantFrom(0x52, 0x81))
          .map(([g, args, state, call]) => [
            ...stackGlobal(g),
            ...tupleOf(args),
            call,
            ...(state ? [...state, 0x62] : []),
          ]),
      },
      { weight: 1, arbitrary: dtypePickle },
      { weight: 2, arbitrary: ndarrayPickle },
      // Memoise a value and refer to it again: shared references and, through BUILD, cycles.
      {
        weight: 1,
        arbitrary: fc
          .tuple(value, fc.nat(3))
          .map(([v, i]) => [0x5d, 0x94, 0x28, ...v, 0x68, i, 0x65]),
      },
    ),
  };
}).value;

/** A well-formed pickle (protocol 2-5) of a random value. */
export const pickleOfValue: fc.Arbitrary<Uint8Array> = fc
  .tuple(fc.integer({ min: 2, max: 5 }), pickleValue)
  .map(([proto, v]) => Uint8Array.from([0x80, proto, ...v, 0x2e]));
