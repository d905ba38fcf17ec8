import { describe, expect, it } from 'vitest';
import { crc32, crc32Js, crc32Update } from '../src/archive/crc32.js';

const ascii = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('CRC-32', () => {
  // Check values from the CRC catalogue (CRC-32/ISO-HDLC, the zip CRC).
  it('gives the catalogue check value of "123456789" with both the platform and the JavaScript loop', () => {
    expect(crc32(ascii('123456789'))).toBe(0xcbf43926);
    expect(crc32Js(0, ascii('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it('gives the same value for data fed whole or in uneven pieces, on the platform and in JavaScript', () => {
    const data = new Uint8Array(100_003);
    let x = 0x9e3779b9;
    for (let i = 0; i < data.length; i++) {
      x = (x ^ (x << 13)) >>> 0;
      x = (x ^ (x >>> 17)) >>> 0;
      x = (x ^ (x << 5)) >>> 0;
      data[i] = x & 0xff;
    }
    const whole = crc32Js(0, data);
    let piecewise = 0;
    let jsPiecewise = 0;
    for (let p = 0, step = 1; p < data.length; p += step, step = step * 3 + 1) {
      const piece = data.subarray(p, p + step);
      piecewise = crc32Update(piecewise, piece);
      jsPiecewise = crc32Js(jsPiecewise, piece);
    }
    expect(crc32(data)).toBe(whole);
    expect(piecewise).toBe(whole);
    expect(jsPiecewise).toBe(whole);
  });
});
