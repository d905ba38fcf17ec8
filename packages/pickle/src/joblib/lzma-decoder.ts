import type { OutputBudget } from './decompress.js';

/*
 * An LZMA decoder after the reference decoder of the LZMA SDK (LzmaSpec.cpp),
 * shaped for LZMA2 chunks too: the range coder is separate from the coder
 * state, and the whole output doubles as the dictionary (joblib needs the
 * whole stream in memory anyway). The output grows only after the budget
 * agreed, so a bomb stops mid-stream.
 */

const PROB_INIT = 1024;
const END_MARKER = 0xffffffff;

function probs(n: number): Uint16Array {
  return new Uint16Array(n).fill(PROB_INIT);
}

/** The range coder over one compressed run. */
export class RangeDecoder {
  private range = 0xffffffff;
  private code = 0;

  constructor(
    private readonly input: Uint8Array,
    public pos: number,
    private readonly end: number,
  ) {
    if (this.byte() !== 0) throw new Error('the range coder does not start with a zero byte');
    for (let i = 0; i < 4; i++) this.code = ((this.code << 8) | this.byte()) >>> 0;
    if (this.code === this.range) throw new Error('the range coder state is invalid');
  }

  private byte(): number {
    if (this.pos >= this.end) throw new Error('the compressed data ends early');
    return this.input[this.pos++]!;
  }

  private normalize(): void {
    if (this.range < 0x1000000) {
      this.range = (this.range << 8) >>> 0;
      this.code = ((this.code << 8) | this.byte()) >>> 0;
    }
  }

  bit(p: Uint16Array, i: number): number {
    const prob = p[i]!;
    const bound = (this.range >>> 11) * prob;
    if (this.code < bound) {
      p[i] = prob + ((2048 - prob) >>> 5);
      this.range = bound;
      this.normalize();
      return 0;
    }
    p[i] = prob - (prob >>> 5);
    this.code -= bound;
    this.range -= bound;
    this.normalize();
    return 1;
  }

  direct(numBits: number): number {
    let res = 0;
    for (; numBits > 0; numBits--) {
      this.range >>>= 1;
      let b = 0;
      if (this.code >= this.range) {
        this.code -= this.range;
        b = 1;
      }
      res = ((res << 1) | b) >>> 0;
      this.normalize();
    }
    return res;
  }

  tree(p: Uint16Array, base: number, numBits: number): number {
    let m = 1;
    for (let i = 0; i < numBits; i++) m = (m << 1) + this.bit(p, base + m);
    return m - (1 << numBits);
  }

  reverse(p: Uint16Array, base: number, numBits: number): number {
    let m = 1;
    let symbol = 0;
    for (let i = 0; i < numBits; i++) {
      const b = this.bit(p, base + m);
      m = (m << 1) + b;
      symbol |= b << i;
    }
    return symbol;
  }

  get finishedCleanly(): boolean {
    return this.code === 0;
  }
}

class LenDecoder {
  private readonly choice = probs(2);
  private readonly low = probs(16 << 3);
  private readonly mid = probs(16 << 3);
  private readonly high = probs(256);

  decode(rc: RangeDecoder, posState: number): number {
    if (rc.bit(this.choice, 0) === 0) return rc.tree(this.low, posState << 3, 3);
    if (rc.bit(this.choice, 1) === 0) return 8 + rc.tree(this.mid, posState << 3, 3);
    return 16 + rc.tree(this.high, 0, 8);
  }
}

/** Literal/position properties: `lc`, `lp`, `pb` from the LZMA properties byte. */
export function parseProps(byte: number): { lc: number; lp: number; pb: number } {
  if (byte >= 9 * 5 * 5) throw new Error('the LZMA properties byte is invalid');
  return { lc: byte % 9, lp: Math.floor(byte / 9) % 5, pb: Math.floor(byte / 45) };
}

/** The LZMA coder state and the output it writes. */
export class LzmaDecoder {
  private out: Uint8Array = new Uint8Array(1 << 16);
  len = 0;
  private lc = 0;
  private lp = 0;
  private pb = 0;
  private literal = probs(0x300);
  private isMatch = probs(12 << 4);
  private isRep = probs(12);
  private isRepG0 = probs(12);
  private isRepG1 = probs(12);
  private isRepG2 = probs(12);
  private isRep0Long = probs(12 << 4);
  private posSlot = probs(4 << 6);
  private posDecoders = probs(115);
  private align = probs(16);
  private lenDecoder = new LenDecoder();
  private repLenDecoder = new LenDecoder();
  private state = 0;
  private reps = [0, 0, 0, 0];

  constructor(private readonly budget: OutputBudget) {}

  setProps(props: { lc: number; lp: number; pb: number }): void {
    this.lc = props.lc;
    this.lp = props.lp;
    this.pb = props.pb;
  }

  resetState(): void {
    this.literal = probs(0x300 << (this.lc + this.lp));
    this.isMatch = probs(12 << 4);
    this.isRep = probs(12);
    this.isRepG0 = probs(12);
    this.isRepG1 = probs(12);
    this.isRepG2 = probs(12);
    this.isRep0Long = probs(12 << 4);
    this.posSlot = probs(4 << 6);
    this.posDecoders = probs(115);
    this.align = probs(16);
    this.lenDecoder = new LenDecoder();
    this.repLenDecoder = new LenDecoder();
    this.state = 0;
    this.reps = [0, 0, 0, 0];
  }

  /** Room for `n` more bytes, granted by the budget first. */
  private ensure(n: number): void {
    const need = this.len + n;
    if (need <= this.out.length) return;
    this.budget.reserve(need);
    let size = this.out.length;
    while (size < need) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.out.subarray(0, this.len));
    this.out = grown;
  }

  /** Appends stored bytes (LZMA2 uncompressed chunks). */
  copyIn(bytes: Uint8Array): void {
    this.ensure(bytes.length);
    this.out.set(bytes, this.len);
    this.len += bytes.length;
  }

  /** The bytes written so far. */
  output(): Uint8Array {
    return this.out.subarray(0, this.len);
  }

  private distance(rc: RangeDecoder, len: number): number {
    const lenState = Math.min(len, 3);
    const slot = rc.tree(this.posSlot, lenState << 6, 6);
    if (slot < 4) return slot;
    const numDirect = (slot >>> 1) - 1;
    let dist = ((2 | (slot & 1)) << numDirect) >>> 0;
    if (slot < 14) return (dist + rc.reverse(this.posDecoders, dist - slot, numDirect)) >>> 0;
    dist = (dist + (rc.direct(numDirect - 4) << 4)) >>> 0;
    return (dist + rc.reverse(this.align, 0, 4)) >>> 0;
  }

  /**
   * Decodes until `size` more bytes are out (null: until the end marker).
   * Returns true when it stopped at an end marker.
   */
  decode(rc: RangeDecoder, size: number | null): boolean {
    const target = size === null ? Infinity : this.len + size;
    const pbMask = (1 << this.pb) - 1;
    const lpMask = (1 << this.lp) - 1;
    while (this.len < target) {
      const posState = this.len & pbMask;
      const s = this.state;
      if (rc.bit(this.isMatch, (s << 4) + posState) === 0) {
        const prev = this.len > 0 ? this.out[this.len - 1]! : 0;
        const base = 0x300 * (((this.len & lpMask) << this.lc) + (prev >>> (8 - this.lc)));
        let symbol = 1;
        if (s >= 7) {
          let matchByte = this.byteAt(this.reps[0]!);
          do {
            const matchBit = (matchByte >>> 7) & 1;
            matchByte <<= 1;
            const b = rc.bit(this.literal, base + ((1 + matchBit) << 8) + symbol);
            symbol = (symbol << 1) | b;
            if (matchBit !== b) break;
          } while (symbol < 0x100);
        }
        while (symbol < 0x100) symbol = (symbol << 1) | rc.bit(this.literal, base + symbol);
        this.ensure(1);
        this.out[this.len++] = symbol & 0xff;
        this.state = s < 4 ? 0 : s < 10 ? s - 3 : s - 6;
        continue;
      }
      let len: number;
      const reps = this.reps;
      if (rc.bit(this.isRep, s) !== 0) {
        if (this.len === 0) throw new Error('a repeated match comes before any data');
        if (rc.bit(this.isRepG0, s) === 0) {
          if (rc.bit(this.isRep0Long, (s << 4) + posState) === 0) {
            this.state = s < 7 ? 9 : 11;
            const b = this.byteAt(reps[0]!);
            this.ensure(1);
            this.out[this.len++] = b;
            continue;
          }
        } else {
          let dist: number;
          if (rc.bit(this.isRepG1, s) === 0) dist = reps[1]!;
          else {
            if (rc.bit(this.isRepG2, s) === 0) dist = reps[2]!;
            else {
              dist = reps[3]!;
              reps[3] = reps[2]!;
            }
            reps[2] = reps[1]!;
          }
          reps[1] = reps[0]!;
          reps[0] = dist;
        }
        len = this.repLenDecoder.decode(rc, posState);
        this.state = s < 7 ? 8 : 11;
      } else {
        reps[3] = reps[2]!;
        reps[2] = reps[1]!;
        reps[1] = reps[0]!;
        len = this.lenDecoder.decode(rc, posState);
        this.state = s < 7 ? 7 : 10;
        reps[0] = this.distance(rc, len);
        if (reps[0] === END_MARKER) {
          if (size !== null) throw new Error('an end marker comes inside a sized chunk');
          return true;
        }
      }
      const dist = reps[0]! + 1;
      if (dist > this.len) throw new Error('a match reaches before the start of the data');
      let n = len + 2;
      if (this.len + n > target) throw new Error('a match runs past the declared size');
      this.ensure(n);
      const out = this.out;
      for (; n > 0; n--, this.len++) out[this.len] = out[this.len - dist]!;
    }
    return false;
  }

  private byteAt(rep: number): number {
    const i = this.len - rep - 1;
    if (i < 0) throw new Error('a match reaches before the start of the data');
    return this.out[i]!;
  }
}
