import { describe, expect, it } from 'vitest';
import { isJsonObject, LimitExceededError, parseJson, SkopsError } from '@skops-ts/core';

describe('parseJson', () => {
  it('keeps object keys in file order, integer-like keys included', () => {
    const v = parseJson('{"b": 1, "10": 2, "2": 3, "a": 4}');
    expect(isJsonObject(v) && v.entries.map(([k]) => k)).toEqual(['b', '10', '2', 'a']);
  });

  it('keeps number literals as text so big ints and 1 vs 1.0 survive', () => {
    expect(parseJson('[18446744073709551621, 1, 1.0, -0.0, 1e+300]')).toEqual([
      { kind: 'number', text: '18446744073709551621' },
      { kind: 'number', text: '1' },
      { kind: 'number', text: '1.0' },
      { kind: 'number', text: '-0.0' },
      { kind: 'number', text: '1e+300' },
    ]);
  });

  it("accepts Python's NaN and Infinity only when asked to", () => {
    expect(parseJson('[NaN, -Infinity]', { allowNonFinite: true })).toEqual([
      { kind: 'number', text: 'NaN' },
      { kind: 'number', text: '-Infinity' },
    ]);
    expect(() => parseJson('NaN')).toThrow(SkopsError);
  });

  it('refuses duplicate keys when asked to, so an audit and a load cannot see different values', () => {
    expect(() => parseJson('{"a": 1, "a": 2}', { rejectDuplicateKeys: true })).toThrow(
      /Duplicate key "a"/,
    );
    const v = parseJson('{"a": 1, "a": 2}');
    expect(isJsonObject(v) && v.get('a')).toEqual({ kind: 'number', text: '2' });
  });

  it('treats __proto__ as an ordinary key', () => {
    const v = parseJson('{"__proto__": {"polluted": true}}');
    expect(isJsonObject(v) && v.entries[0]?.[0]).toBe('__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('stops deep nesting with a limit error instead of overflowing the stack', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(() => parseJson(deep, { maxDepth: 1000 })).toThrow(LimitExceededError);
    try {
      parseJson(deep, { maxDepth: 1000 });
    } catch (err) {
      expect(SkopsError.isInstance(err) && err.code).toBe('LIMIT_EXCEEDED');
    }
  });

  it('decodes escapes including surrogate pairs', () => {
    expect(parseJson('"a\\n\\u00e9\\ud83c\\udf89"')).toBe('a\né🎉');
  });

  it('reports malformed text with a typed error', () => {
    for (const bad of ['{', '[1,]', '{"a" 1}', '"abc', '01', 'tru', '[1] 2']) {
      expect(() => parseJson(bad), bad).toThrow(SkopsError);
    }
  });
});
