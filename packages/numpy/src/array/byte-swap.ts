/** Reverses every `unit`-byte group of `bytes` in place. */
export function swapInPlace(bytes: Uint8Array, unit: number): void {
  if (unit <= 1) return;
  for (let i = 0; i + unit <= bytes.length; i += unit) {
    for (let a = i, b = i + unit - 1; a < b; a++, b--) {
      const t = bytes[a] as number;
      bytes[a] = bytes[b] as number;
      bytes[b] = t;
    }
  }
}

/** True on little-endian hosts, which is what typed arrays use. */
export const HOST_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
