import { describe, expect, it } from 'vitest';
import { SkopsError } from '@skops-ts/core';
import { decodeUbjson, isXgbObject } from '@skops-ts/xgboost';

/** Builds UBJSON bytes from markers (1-char strings), raw byte arrays and big-endian numbers. */
class Bytes {
  readonly parts: number[] = [];
  m(markers: string): this {
    for (const c of markers) this.parts.push(c.charCodeAt(0));
    return this;
  }
  raw(bytes: readonly number[]): this {
    this.parts.push(...bytes);
    return this;
  }
  i64(n: bigint): this {
    const view = new DataView(new ArrayBuffer(8));
    view.setBigInt64(0, n, false);
    return this.raw([...new Uint8Array(view.buffer)]);
  }
  f32(x: number): this {
    const view = new DataView(new ArrayBuffer(4));
    view.setFloat32(0, x, false);
    return this.raw([...new Uint8Array(view.buffer)]);
  }
  f64(x: number): this {
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, x, false);
    return this.raw([...new Uint8Array(view.buffer)]);
  }
  /** A string body as XGBoost writes it: `L` int64 length, then UTF-8. */
  str(s: string): this {
    const utf8 = new TextEncoder().encode(s);
    return this.m('L')
      .i64(BigInt(utf8.length))
      .raw([...utf8]);
  }
  get bytes(): Uint8Array {
    return Uint8Array.from(this.parts);
  }
}

const b = () => new Bytes();

function errorOf(fn: () => unknown): SkopsError {
  try {
    fn();
  } catch (error) {
    if (SkopsError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected an error');
}

describe('UBJSON reader', () => {
  it('reads every scalar type with big-endian payloads', () => {
    const doc = b()
      .m('[#')
      .m('U')
      .raw([11])
      .m('Z')
      .m('T')
      .m('F')
      .m('i')
      .raw([0xff])
      .m('U')
      .raw([0xff])
      .m('I')
      .raw([0x80, 0x00])
      .m('l')
      .raw([0x7f, 0xff, 0xff, 0xff])
      .m('L')
      .i64(-9223372036854775808n)
      .m('d')
      .f32(0.1)
      .m('D')
      .f64(0.1)
      .m('S')
      .str('hé').bytes;
    expect(decodeUbjson(doc)).toEqual([
      null,
      true,
      false,
      -1n,
      255n,
      -32768n,
      2147483647n,
      -9223372036854775808n,
      Math.fround(0.1),
      0.1,
      'hé',
    ]);
  });

  it('reads XGBoost optimized containers as typed arrays', () => {
    const doc = b()
      .m('{')
      .str('f')
      .m('[$d#L')
      .i64(3n)
      .f32(1.5)
      .f32(-0)
      .f32(NaN)
      .str('i')
      .m('[$l#L')
      .i64(2n)
      .raw([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 7])
      .str('u')
      .m('[$U#L')
      .i64(2n)
      .raw([0, 1])
      .str('q')
      .m('[$L#L')
      .i64(1n)
      .i64(1n << 40n)
      .str('e')
      .m('[$d#L')
      .i64(0n)
      .m('}').bytes;
    const value = decodeUbjson(doc);
    if (!isXgbObject(value)) throw new Error('expected an object');
    const f = value.get('f') as Float32Array;
    expect(f).toBeInstanceOf(Float32Array);
    expect(Array.from(f)).toEqual([1.5, -0, NaN]);
    expect(Object.is(f[1], -0)).toBe(true);
    expect(Array.from(value.get('i') as Int32Array)).toEqual([-1, 7]);
    expect(value.get('u')).toEqual(Uint8Array.of(0, 1));
    expect(Array.from(value.get('q') as BigInt64Array)).toEqual([1n << 40n]);
    expect((value.get('e') as Float32Array).length).toBe(0);
  });

  it('keeps object keys in file order and treats __proto__ as data', () => {
    const doc = b()
      .m('{')
      .str('z')
      .m('i')
      .raw([1])
      .str('__proto__')
      .m('i')
      .raw([2])
      .str('10')
      .m('i')
      .raw([3])
      .m('}').bytes;
    const value = decodeUbjson(doc);
    expect(isXgbObject(value) && [...value.keys()]).toEqual(['z', '__proto__', '10']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reads counted and uncounted arrays, no-op markers and short length markers', () => {
    const doc = b()
      .m('[')
      .m('N')
      .m('[#i')
      .raw([2])
      .m('T')
      .m('F')
      .m('S')
      .m('U')
      .raw([2])
      .m('ab')
      .m(']').bytes;
    expect(decodeUbjson(doc)).toEqual([[true, false], 'ab']);
  });

  it('reads high-precision numbers and chars', () => {
    const hp = (s: string) => b().m('H').m('U').raw([s.length]).m(s).bytes;
    expect(decodeUbjson(hp('12345678901234567890'))).toBe(12345678901234567890n);
    expect(decodeUbjson(hp('1.5e3'))).toBe(1500);
    expect(errorOf(() => decodeUbjson(hp('1x'))).code).toBe('INVALID_DATA');
    expect(decodeUbjson(b().m('C').m('x').bytes)).toBe('x');
  });

  it('refuses truncated input at every byte with INVALID_DATA', () => {
    const doc = b()
      .m('{')
      .str('trees')
      .m('[$d#L')
      .i64(2n)
      .f32(1)
      .f32(2)
      .str('n')
      .m('S')
      .str('abc')
      .m('}').bytes;
    for (let cut = 0; cut < doc.length; cut++) {
      const error = errorOf(() => decodeUbjson(doc.subarray(0, cut)));
      expect(error.code).toBe('INVALID_DATA');
    }
    expect(isXgbObject(decodeUbjson(doc))).toBe(true);
  });

  it('checks counts and lengths against the bytes left before allocating', () => {
    const hugeTyped = b()
      .m('[$d#L')
      .i64(1n << 60n).bytes;
    expect(errorOf(() => decodeUbjson(hugeTyped)).message).toMatch(/exceeds the 0 bytes left/);
    const hugeArray = b().m('[#L').i64(4_000_000_000n).m('Z').bytes;
    expect(errorOf(() => decodeUbjson(hugeArray)).code).toBe('INVALID_DATA');
    const hugeString = b()
      .m('S')
      .m('L')
      .i64(1n << 40n).bytes;
    expect(errorOf(() => decodeUbjson(hugeString)).code).toBe('INVALID_DATA');
    const negative = b().m('[#i').raw([0xff]).bytes;
    expect(errorOf(() => decodeUbjson(negative)).message).toMatch(/negative container count/);
    const zeroSize = b()
      .m('[$Z#L')
      .i64(1n << 50n).bytes;
    expect(errorOf(() => decodeUbjson(zeroSize)).code).toBe('INVALID_DATA');
  });

  it('limits nesting depth with a LIMIT_EXCEEDED error instead of overflowing the stack', () => {
    const deep = new Uint8Array(100_000).fill('['.charCodeAt(0));
    expect(errorOf(() => decodeUbjson(deep)).code).toBe('LIMIT_EXCEEDED');
    const nested = b().m('[[[').m(']]]').bytes;
    expect(decodeUbjson(nested)).toEqual([[[]]]);
    expect(errorOf(() => decodeUbjson(nested, { maxDepth: 2 })).code).toBe('LIMIT_EXCEEDED');
  });

  it('refuses unknown markers, duplicate keys, invalid UTF-8 and trailing bytes', () => {
    expect(errorOf(() => decodeUbjson(b().m('X').bytes)).message).toMatch(
      /unknown type marker "X" at byte 0/,
    );
    const dup = b().m('{').str('a').m('Z').str('a').m('T').m('}').bytes;
    expect(errorOf(() => decodeUbjson(dup)).message).toMatch(/duplicate key "a"/);
    const badUtf8 = b().m('S').m('U').raw([2, 0xc3, 0x28]).bytes;
    expect(errorOf(() => decodeUbjson(badUtf8)).message).toMatch(/invalid UTF-8/);
    expect(errorOf(() => decodeUbjson(b().m('ZZ').bytes)).message).toMatch(/trailing/);
    expect(errorOf(() => decodeUbjson(b().m('[$').bytes)).code).toBe('INVALID_DATA');
    expect(errorOf(() => decodeUbjson(b().m('[$d').m('Z').bytes)).message).toMatch(
      /must have a count/,
    );
    expect(errorOf(() => decodeUbjson(new Uint8Array(0))).code).toBe('INVALID_DATA');
  });
});
