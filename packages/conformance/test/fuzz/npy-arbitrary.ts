import fc from 'fast-check';
import { rarely } from './rarely.js';

/** Type strings numpy writes, ones it writes elsewhere (object), and near misses. */
const TYPESTRS = [
  '<f8',
  '>f8',
  '<f4',
  '<f2',
  '<f16',
  '<c8',
  '<c16',
  '>c32',
  '|b1',
  '|i1',
  '<i2',
  '>i4',
  '<i8',
  '|u1',
  '<u2',
  '<u4',
  '>u8',
  '<U0',
  '<U1',
  '<U5',
  '>U3',
  '|S0',
  '|S1',
  '|S7',
  '|V0',
  '|V4',
  '|V16',
  '<M8[ns]',
  '<M8[D]',
  '<M8',
  '>m8[us]',
  '<m8[25s]',
  '<M8[generic]',
  '|O',
  '<f3',
  '<i3',
  'f8',
  '=f8',
  '<U99999999999999999999',
  '|S9007199254740993',
  '<M8[xyz]',
  '|V',
  '',
  'float64',
];

/** A Python int literal: small, at the edges numpy and JavaScript care about, huge, negative. */
const intText = fc.oneof(
  { weight: 20, arbitrary: fc.integer({ min: 0, max: 7 }).map(String) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '0',
      '-1',
      '2147483648',
      '4294967296',
      '9007199254740991',
      '9007199254740993',
      '18446744073709551616',
      '99999999999999999999999999999',
      '1_000',
      '0x10',
      '1L',
      '1.5',
      '1e3',
      'True',
      'None',
    ),
  },
);

const tupleText = (items: fc.Arbitrary<string>, max: number): fc.Arbitrary<string> =>
  fc
    .tuple(fc.array(items, { maxLength: max }), fc.boolean())
    .map(([xs, trailing]) =>
      xs.length === 1 ? `(${xs[0]},)` : `(${xs.join(', ')}${trailing && xs.length > 0 ? ',' : ''})`,
    );

const shapeText = fc.oneof(
  { weight: 10, arbitrary: tupleText(intText, 4) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('[3]', '3', '()', '(,)', '((2,),)', "('a',)", '(3 4)', '(', 'None'),
  },
);

const pyString = (s: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc
    .tuple(s, fc.constantFrom("'", '"'))
    .map(([v, q]) => `${q}${v.replaceAll('\\', '\\\\').replaceAll(q, `\\${q}`)}${q}`);

const fieldName = fc.oneof(
  fc.constantFrom('', 'a', 'b', 'x', 'f0', 'é', '\u4e2d'),
  fc.string({ maxLength: 4 }),
);

/** descr: a type string, a (descr, shape) sub-array, or a list of (name, descr[, shape]) fields, nested. */
const descrText: fc.Arbitrary<string> = fc.letrec<{ descr: string }>((tie) => ({
  descr: fc.oneof(
    { depthSize: 'small', maxDepth: 4 },
    {
      weight: 8,
      arbitrary: pyString(
        fc.oneof(
          { weight: 6, arbitrary: fc.constantFrom(...TYPESTRS) },
          { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
        ),
      ),
    },
    { weight: 1, arbitrary: fc.tuple(tie('descr'), shapeText).map(([d, s]) => `(${d}, ${s})`) },
    {
      weight: 2,
      arbitrary: fc
        .array(
          fc.tuple(
            fc.oneof(
              pyString(fieldName),
              fc.tuple(pyString(fieldName), pyString(fieldName)).map(([t, n]) => `(${t}, ${n})`),
            ),
            tie('descr'),
            rarely(shapeText, 4),
          ),
          { maxLength: 4 },
        )
        .map(
          (fields) =>
            `[${fields.map(([n, d, s]) => (s === null ? `(${n}, ${d})` : `(${n}, ${d}, ${s})`)).join(', ')}]`,
        ),
    },
    { weight: 1, arbitrary: fc.constantFrom('None', '1', "b'<f8'", "u'<f8'", "'<f8' '<f8'", '{}') },
  ),
})).descr;

const boolText = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom('False', 'True') },
  { weight: 1, arbitrary: fc.constantFrom('0', 'false', "'False'", 'None') },
);

/** A header dict as numpy writes it, with keys dropped, doubled, misspelt or reordered. */
const headerDict = fc
  .record({
    descr: descrText,
    fortran: boolText,
    shape: shapeText,
    keys: fc.shuffledSubarray(['descr', 'fortran_order', 'shape'], { minLength: 0 }),
    extra: rarely(
      fc.tuple(
        fc.constantFrom("'descr'", "'shape'", "'extra'", "b'shape'", '1', "'__proto__'"),
        fc.constantFrom('1', "'x'", '(1,)', 'None'),
      ),
      12,
    ),
    keepAll: fc.oneof(
      { weight: 8, arbitrary: fc.constant(true) },
      { weight: 1, arbitrary: fc.constant(false) },
    ),
    trailingComma: fc.boolean(),
  })
  .map(({ descr, fortran, shape, keys, extra, keepAll, trailingComma }) => {
    const values: Record<string, string> = { descr, fortran_order: fortran, shape };
    const order = keepAll ? ['descr', 'fortran_order', 'shape'] : keys;
    const entries = order.map((k) => `'${k}': ${values[k]}`);
    if (extra) entries.push(`${extra[0]}: ${extra[1]}`);
    return `{${entries.join(', ')}${trailingComma ? ', ' : ''}}`;
  });

/** Characters that change how a Python literal parses. */
const EDIT_CHARS = '{}()[]\',:"\\ 0123456789-.eTrueFalseNone\n\t\u0000\u00ff';

/** Small edits of a header text: a character replaced, inserted or removed. */
const editedHeader = fc
  .tuple(
    headerDict,
    fc.array(
      fc.tuple(
        fc.nat(),
        fc.constantFrom('replace', 'insert', 'delete'),
        fc.nat(EDIT_CHARS.length - 1),
      ),
      { minLength: 1, maxLength: 3 },
    ),
  )
  .map(([text, edits]) => {
    let s = text;
    for (const [at, how, c] of edits) {
      const i = s.length === 0 ? 0 : at % s.length;
      const ch = EDIT_CHARS[c] as string;
      if (how === 'replace') s = s.slice(0, i) + ch + s.slice(i + 1);
      else if (how === 'insert') s = s.slice(0, i) + ch + s.slice(i);
      else s = s.slice(0, i) + s.slice(i + 1);
    }
    return s;
  });

/** The header text: numpy's dict, edited, or anything at all. */
export const npyHeaderText: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: headerDict },
  { weight: 3, arbitrary: editedHeader },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      '{',
      '{}',
      '['.repeat(200),
      '('.repeat(5000),
      `{'descr': ${'['.repeat(3000)}`,
    ),
  },
);

/** How the header is framed: version, declared length, padding. */
export interface NpyFraming {
  readonly text: string;
  readonly magicOk: boolean;
  readonly major: number;
  readonly minor: number;
  /** Declared header length: the true one, or a lie. */
  readonly lengthLie: number | null;
  readonly pad: boolean;
}

export const npyFraming: fc.Arbitrary<NpyFraming> = fc.record({
  text: npyHeaderText,
  magicOk: fc.oneof(
    { weight: 40, arbitrary: fc.constant(true) },
    { weight: 1, arbitrary: fc.constant(false) },
  ),
  major: fc.oneof(
    { weight: 40, arbitrary: fc.constantFrom(1, 2, 3) },
    { weight: 1, arbitrary: fc.nat(255) },
  ),
  minor: fc.oneof({ weight: 40, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.nat(255) }),
  lengthLie: rarely(fc.oneof(fc.nat(200), fc.constantFrom(0xffff, 0xffffffff, 10_000, 10_001)), 10),
  pad: fc.boolean(),
});

/** Encodes a header: magic, version, length, text (latin-1 up to v2, UTF-8 in v3), padding to 64 bytes. */
export function npyHeaderBytes(f: NpyFraming): Uint8Array {
  const body =
    f.major === 3
      ? new TextEncoder().encode(f.text)
      : Uint8Array.from(f.text, (c) => c.charCodeAt(0) & 0xff);
  const lenSize = f.major === 1 ? 2 : 4;
  const prefix = 8 + lenSize;
  const padding = f.pad ? (64 - ((prefix + body.length + 1) % 64)) % 64 : 0;
  const headerLen = body.length + padding + 1;
  const out = new Uint8Array(prefix + headerLen);
  out.set(f.magicOk ? [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59] : [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x58]);
  out[6] = f.major & 0xff;
  out[7] = f.minor & 0xff;
  const declared = f.lengthLie ?? headerLen;
  const view = new DataView(out.buffer);
  if (lenSize === 2) view.setUint16(8, declared & 0xffff, true);
  else view.setUint32(8, declared >>> 0, true);
  out.set(body, prefix);
  out.fill(0x20, prefix + body.length, out.length - 1);
  out[out.length - 1] = 0x0a;
  return out;
}
