/** Builds a pickle from opcode bytes and strings (strings are written as latin-1 bytes). */
export function pickle(...parts: Array<number | string | Uint8Array | number[]>): Uint8Array {
  const out: number[] = [];
  for (const p of parts) {
    if (typeof p === 'number') out.push(p);
    else if (typeof p === 'string') for (const ch of p) out.push(ch.charCodeAt(0));
    else out.push(...p);
  }
  return new Uint8Array(out);
}

/** A little-endian unsigned integer of `n` bytes. */
export function le(value: number | bigint, n: number): number[] {
  let v = BigInt(value);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    out.push(Number(v & 0xffn));
    v >>= 8n;
  }
  return out;
}
