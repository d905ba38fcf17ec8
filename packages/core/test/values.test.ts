import { describe, expect, it } from 'vitest';
import { PyDict, PyTuple } from '@skops-ts/core';

describe('PyDict', () => {
  it('treats True, 1 and 1.0 as one key, as Python does, keeping the first key and the last value', () => {
    const d = new PyDict([
      [1n, 'a'],
      [true, 'b'],
      [1, 'c'],
    ]);
    expect(d.size).toBe(1);
    expect([...d.entries()]).toEqual([[1n, 'c']]);
    expect(d.get(1)).toBe('c');
  });

  it('keeps insertion order for integer-like string keys', () => {
    const d = new PyDict([
      ['b', 1],
      ['10', 2],
      ['2', 3],
    ]);
    expect([...d.keys()]).toEqual(['b', '10', '2']);
  });

  it('stores __proto__ and constructor as data without touching prototypes', () => {
    const d = new PyDict<unknown>([
      ['__proto__', { polluted: true }],
      ['constructor', 1],
    ]);
    expect(d.get('__proto__')).toEqual({ polluted: true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(d)).toBe(PyDict.prototype);
  });

  it('keeps tuple keys by identity', () => {
    const k = new PyTuple([1n, 2n]);
    const d = new PyDict([[k, 'x']]);
    expect(d.get(k)).toBe('x');
  });
});
