import { PyType, SkopsError, pyFloatRepr, type KeyConverter } from '@skops-ts/core';
import { DType } from '../dtype/dtype.js';
import { SCALAR_TYPES, scalarTypeByName } from '../dtype/scalar-types.js';
import { isAscii } from '../array/element-codec.js';
import { NpScalar } from '../values/np-scalar.js';

const INT = /^\s*[+-]?[0-9](?:_?[0-9])*\s*$/;
const FLOAT =
  /^\s*[+-]?(?:(?:[0-9](?:_?[0-9])*)?\.?(?:[0-9](?:_?[0-9])*)?(?:[eE][+-]?[0-9](?:_?[0-9])*)?|inf|infinity|nan)\s*$/i;

function bad(text: string, typeName: string): SkopsError {
  return new SkopsError(
    'INVALID_DATA',
    `The dict key ${JSON.stringify(text)} is not a valid ${typeName}.`,
  );
}

function parseFloatText(text: string, typeName: string): number {
  const t = text.trim().replace(/_/g, '').toLowerCase();
  if (!FLOAT.test(text) || !/[0-9]|inf|nan/.test(t)) throw bad(text, typeName);
  if (t.endsWith('nan')) return NaN;
  if (t.endsWith('inf') || t.endsWith('infinity')) return t.startsWith('-') ? -Infinity : Infinity;
  return Number(t);
}

/** The scalar class names the converter handles (those a str parses into the way `numpy.<type>(s)` does). */
const CONVERTIBLE = SCALAR_TYPES.filter((t) => 'biufUS'.includes(t.kind)).flatMap((t) => [
  t.numpy1Name,
  t.numpy2Name,
  ...t.aliases,
]);

/**
 * Dict keys whose key type is a numpy scalar type: `numpy.int64("3")`,
 * `numpy.float32("0.5")`, `numpy.bool_("x")` (true for any non-empty string,
 * like Python's `bool(s)`), `numpy.str_("a")`, `numpy.bytes_("a")`.
 */
export const numpyScalarKeyConverter: KeyConverter = {
  types: [...new Set(CONVERTIBLE)].map((name) => `numpy.${name}`),
  convert(text, typeName) {
    const name = typeName.replace(/^numpy\./, '');
    const t = scalarTypeByName(name);
    if (!t) throw bad(text, typeName);
    switch (t.kind) {
      case 'b':
        return NpScalar.of(name, text.length > 0);
      case 'i':
      case 'u': {
        if (!INT.test(text)) throw bad(text, typeName);
        try {
          return NpScalar.of(name, BigInt(text.trim().replace(/_/g, '')));
        } catch (error) {
          throw new SkopsError(
            'INVALID_DATA',
            `The dict key ${text} does not fit in ${typeName}.`,
            { cause: error },
          );
        }
      }
      case 'f':
        return NpScalar.of(name, parseFloatText(text, typeName));
      case 'U':
        return NpScalar.of(name, text);
      case 'S':
        if (!isAscii(text)) throw bad(text, typeName);
        return NpScalar.of(name, text, DType.of('S', text.length));
      default:
        throw bad(text, typeName);
    }
  },
  // Python writes `key.item()` as the JSON key and `type(key)` as its key type.
  encode(key) {
    if (!NpScalar.is(key)) return undefined;
    const value = key.value;
    const type = new PyType('numpy', key.name);
    switch (key.dtype.kind) {
      case 'b':
        return { type, text: value ? 'true' : 'false' };
      case 'i':
      case 'u':
        return { type, text: String(value) };
      case 'f': {
        const x = value as number;
        const text = Number.isNaN(x)
          ? 'NaN'
          : x === Infinity
            ? 'Infinity'
            : x === -Infinity
              ? '-Infinity'
              : pyFloatRepr(x);
        return { type, text };
      }
      case 'U':
        return { type, text: value as string };
      default:
        return undefined;
    }
  },
};
