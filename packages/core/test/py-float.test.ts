import { describe, expect, it } from 'vitest';
import { emitPyJson, JsonFloat, pyFloatRepr, pyJsonString } from '@skops-ts/core';

describe("Python's float repr", () => {
  // Expected strings are what CPython 3.11 prints for repr(x).
  const cases: [number, string][] = [
    [0, '0.0'],
    [-0, '-0.0'],
    [1, '1.0'],
    [1.5, '1.5'],
    [0.1, '0.1'],
    [1e-300, '1e-300'],
    [1e300, '1e+300'],
    [1e16, '1e+16'],
    [1e15, '1000000000000000.0'],
    [123456789012345680000, '1.2345678901234568e+20'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [5e-324, '5e-324'],
    [1.7976931348623157e308, '1.7976931348623157e+308'],
    [-2.5e-7, '-2.5e-07'],
    [NaN, 'nan'],
    [Infinity, 'inf'],
    [-Infinity, '-inf'],
  ];
  it.each(cases)('writes %s as %s', (x, expected) => {
    expect(pyFloatRepr(x)).toBe(expected);
  });
});

describe("Python's json.dumps", () => {
  it('escapes strings as ensure_ascii does', () => {
    expect(pyJsonString('quote" back\\slash\nnewline\ttab é 🎉 \u0001')).toBe(
      '"quote\\" back\\\\slash\\nnewline\\ttab \\u00e9 \\ud83c\\udf89 \\u0001"',
    );
  });

  it('writes floats, ints and nesting with indent 2', () => {
    expect(
      emitPyJson({ a: [1n, new JsonFloat(2), new JsonFloat(NaN)], b: {} }, { indent: 2 }),
    ).toBe('{\n  "a": [\n    1,\n    2.0,\n    NaN\n  ],\n  "b": {}\n}');
  });

  it('keeps the order of Map keys, integer-like ones included', () => {
    expect(
      emitPyJson(
        new Map([
          ['10', 1],
          ['2', 2],
        ]),
      ),
    ).toBe('{"10": 1, "2": 2}');
  });
});
