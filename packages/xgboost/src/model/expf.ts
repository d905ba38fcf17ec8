/**
 * Single-precision `expf` with the algorithm of glibc ≥ 2.28 (ARM's
 * optimized-routines: a 32-entry table of 2^(i/32) and a cubic polynomial in
 * double precision). XGBoost's sigmoid and softmax call `expf`; that result is
 * not always the correctly rounded one (0.502 ULP), so `Math.fround(Math.exp(x))`
 * differs from XGBoost on Linux in near-halfway cases. This reproduces it.
 */

/** `asuint64(2^(i/32)) - (i << 47)` as [high, low] 32-bit words. */
const TABLE = [
  0x3ff00000, 0x00000000, 0x3fefd9b0, 0xd3158574, 0x3fefb558, 0x6cf9890f, 0x3fef9301, 0xd0125b51,
  0x3fef72b8, 0x3c7d517b, 0x3fef5487, 0x3168b9aa, 0x3fef387a, 0x6e756238, 0x3fef1e9d, 0xf51fdee1,
  0x3fef06fe, 0x0a31b715, 0x3feef1a7, 0x373aa9cb, 0x3feedea6, 0x4c123422, 0x3feece08, 0x6061892d,
  0x3feebfda, 0xd5362a27, 0x3feeb42b, 0x569d4f82, 0x3feeab07, 0xdd485429, 0x3feea47e, 0xb03a5585,
  0x3feea09e, 0x667f3bcd, 0x3fee9f75, 0xe8ec5f74, 0x3feea114, 0x73eb0187, 0x3feea589, 0x994cce13,
  0x3feeace5, 0x422aa0db, 0x3feeb737, 0xb0cdc5e5, 0x3feec491, 0x82a3f090, 0x3feed503, 0xb23e255d,
  0x3feee89f, 0x995ad3ad, 0x3feeff76, 0xf2fb5e47, 0x3fef199b, 0xdd85529c, 0x3fef3720, 0xdcef9069,
  0x3fef5818, 0xdcfba487, 0x3fef7c97, 0x337b9b5f, 0x3fefa4af, 0xa2a490da, 0x3fefd076, 0x5b6e4540,
] as const;

const N = 32;
// The double constants of glibc's e_expf.c (hex floats there): InvLn2N, poly_scaled, shift.
const INV_LN2_N = 46.16624130844683; // 0x1.71547652b82fep+0 * 32
const C0 = 1.6938359250920212e-6; // 0x1.c6af84b912394p-5 / 32^3
const C1 = 0.00023459809789509004; // 0x1.ebfce50fac4f3p-3 / 32^2
const C2 = 0.021660849396613134; // 0x1.62e42ff0c52d6p-1 / 32
const SHIFT = 6755399441055744; // 0x1.8p52
const OVERFLOW_BOUND = 88.72283172607422; // 0x1.62e42ep6f
const UNDERFLOW_BOUND = -103.972076416015625; // -0x1.9fe368p6f

/** `expf(x)` for a float32 `x`, bit-identical to glibc's; returns a float32 value. */
export function expf(x: number): number {
  const scratch = new DataView(new ArrayBuffer(8));
  scratch.setFloat32(0, x);
  const abstop = (scratch.getUint32(0) >>> 20) & 0x7ff;
  if (abstop >= 0x42b) {
    // |x| >= 88 or NaN: the special cases of glibc, then the normal path.
    if (x === -Infinity) return 0;
    if (abstop >= 0x7f8) return x + x;
    if (x > OVERFLOW_BOUND) return Infinity;
    if (x < UNDERFLOW_BOUND) return 0;
  }
  const z = INV_LN2_N * x;
  scratch.setFloat64(0, z + SHIFT);
  const kiLow = scratch.getUint32(4);
  const kd = scratch.getFloat64(0) - SHIFT;
  const r = z - kd;
  const i = kiLow & (N - 1);
  // t = tab[k % N] + (k << 47): only the low 17 bits of k reach the high word.
  scratch.setUint32(0, ((TABLE[2 * i] as number) + ((kiLow & 0x1ffff) << 15)) >>> 0);
  scratch.setUint32(4, TABLE[2 * i + 1] as number);
  const s = scratch.getFloat64(0);
  const zz = C0 * r + C1;
  const r2 = r * r;
  let y = C2 * r + 1;
  y = zz * r2 + y;
  return Math.fround(y * s);
}
