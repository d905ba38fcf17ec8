/** Decodes IEEE binary16 bits. */
export function halfToNumber(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exp = (bits >> 10) & 0x1f;
  const frac = bits & 0x3ff;
  if (exp === 0) return sign * frac * 2 ** -24;
  if (exp === 31) return frac ? NaN : sign * Infinity;
  return sign * (1 + frac / 1024) * 2 ** (exp - 15);
}

function roundHalfEven(x: number): number {
  const floor = Math.floor(x);
  const diff = x - floor;
  if (diff > 0.5) return floor + 1;
  if (diff < 0.5) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}

/** Rounds a number to binary16 (round half to even, as numpy does) and returns its bits. */
export function numberToHalf(x: number): number {
  if (Number.isNaN(x)) return 0x7e00;
  const sign = x < 0 || Object.is(x, -0) ? 0x8000 : 0;
  const abs = Math.abs(x);
  if (abs >= 65520) return sign | 0x7c00;
  if (abs < 2 ** -14) return sign | roundHalfEven(abs * 2 ** 24);
  let exp = Math.floor(Math.log2(abs));
  if (2 ** exp > abs) exp--;
  else if (2 ** (exp + 1) <= abs) exp++;
  let mant = roundHalfEven((abs / 2 ** exp - 1) * 1024);
  if (mant === 1024) {
    mant = 0;
    exp++;
  }
  if (exp > 15) return sign | 0x7c00;
  return sign | ((exp + 15) << 10) | mant;
}

/**
 * Decodes an x87 80-bit extended float (numpy's float128 on x86-64) from the
 * first 10 of its 16 little-endian bytes, rounded to the nearest double.
 */
export function extendedToNumber(bytes: Uint8Array, offset: number): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset, 10);
  const mant = view.getBigUint64(0, true);
  const se = view.getUint16(8, true);
  const sign = se & 0x8000 ? -1 : 1;
  const exp = se & 0x7fff;
  if (exp === 0x7fff) return (mant & 0x7fffffffffffffffn) === 0n ? sign * Infinity : NaN;
  if (mant === 0n) return sign * 0;
  // Scale in two steps so that neither factor underflows or overflows on its own.
  const e = exp - 16383 - 63;
  const half = Math.trunc(e / 2);
  return sign * Number(mant) * 2 ** half * 2 ** (e - half);
}

/** Encodes a double exactly as an x87 80-bit extended float into 16 little-endian bytes. */
export function numberToExtended(x: number, out: Uint8Array, offset: number): void {
  const view = new DataView(out.buffer, out.byteOffset + offset, 16);
  for (let i = 0; i < 16; i++) view.setUint8(i, 0);
  const sign = x < 0 || Object.is(x, -0) ? 0x8000 : 0;
  if (Number.isNaN(x)) {
    view.setBigUint64(0, 0xc000000000000000n, true);
    view.setUint16(8, 0x7fff, true);
    return;
  }
  if (!Number.isFinite(x)) {
    view.setBigUint64(0, 0x8000000000000000n, true);
    view.setUint16(8, sign | 0x7fff, true);
    return;
  }
  if (x === 0) {
    view.setUint16(8, sign, true);
    return;
  }
  const d = new DataView(new ArrayBuffer(8));
  d.setFloat64(0, Math.abs(x));
  const bits = d.getBigUint64(0);
  const dexp = Number(bits >> 52n);
  const frac = bits & 0xfffffffffffffn;
  let mant: bigint;
  let exp: number;
  if (dexp === 0) {
    const top = frac.toString(2).length - 1;
    mant = frac << BigInt(63 - top);
    exp = top - 1074 + 16383;
  } else {
    mant = (frac | 0x10000000000000n) << 11n;
    exp = dexp - 1023 + 16383;
  }
  view.setBigUint64(0, mant, true);
  view.setUint16(8, sign | exp, true);
}
