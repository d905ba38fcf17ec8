import { invalidArchive, quoteName, unsupportedArchive } from './archive-errors.js';
import type { MemberOutput } from './member-output.js';

/*
 * A raw LZMA (LZMA1) decoder following the reference decoder of the LZMA SDK
 * (LzmaSpec.cpp). It decodes straight into the member's output buffer, which
 * doubles as the dictionary, so memory is the declared size and nothing more,
 * and it stops at the declared size whatever the stream says.
 */

const NUM_STATES = 12;
const POS_BITS_MAX = 4;
const LEN_TO_POS_STATES = 4;
const END_POS_MODEL_INDEX = 14;
const NUM_FULL_DISTANCES = 128;
const ALIGN_BITS = 4;
const MATCH_MIN_LEN = 2;
const PROB_INIT = 1024;

function probs(n: number): Uint16Array {
  return new Uint16Array(n).fill(PROB_INIT);
}

// `range` and `code` hold unsigned 32-bit values in int32 variables (V8
// keeps those unboxed); unsigned comparisons flip the sign bit first.
const SIGN = 0x80000000 | 0;

class RangeDecoder {
  private range = -1;
  private code = 0;
  private pos: number;

  constructor(
    private readonly input: Uint8Array,
    start: number,
    private readonly fail: (why: string) => never,
  ) {
    this.pos = start;
    if (this.byte() !== 0) fail('the range coder does not start with a zero byte');
    for (let i = 0; i < 4; i++) this.code = (this.code << 8) | this.byte();
    if (this.code === this.range) fail('the range coder state is invalid');
  }

  private byte(): number {
    if (this.pos >= this.input.length) this.fail('the compressed data ends early');
    return this.input[this.pos++]!;
  }

  bit(p: Uint16Array, i: number): number {
    const prob = p[i]!;
    const bound = Math.imul(this.range >>> 11, prob);
    let bit: number;
    if ((this.code ^ SIGN) < (bound ^ SIGN)) {
      p[i] = prob + ((2048 - prob) >> 5);
      this.range = bound;
      bit = 0;
    } else {
      p[i] = prob - (prob >> 5);
      this.code = (this.code - bound) | 0;
      this.range = (this.range - bound) | 0;
      bit = 1;
    }
    if (this.range >>> 24 === 0) {
      this.range <<= 8;
      this.code = (this.code << 8) | this.byte();
    }
    return bit;
  }

  direct(numBits: number): number {
    let res = 0;
    for (; numBits > 0; numBits--) {
      this.range = this.range >>> 1;
      let b = 0;
      if ((this.code ^ SIGN) >= (this.range ^ SIGN)) {
        this.code = (this.code - this.range) | 0;
        b = 1;
      }
      res = res * 2 + b;
      if (this.range >>> 24 === 0) {
        this.range <<= 8;
        this.code = (this.code << 8) | this.byte();
      }
    }
    return res;
  }

  tree(p: Uint16Array, offset: number, numBits: number): number {
    let m = 1;
    for (let i = 0; i < numBits; i++) m = (m << 1) + this.bit(p, offset + m);
    return m - (1 << numBits);
  }

  reverseTree(p: Uint16Array, offset: number, numBits: number): number {
    let m = 1;
    let symbol = 0;
    for (let i = 0; i < numBits; i++) {
      const b = this.bit(p, offset + m);
      m = (m << 1) + b;
      symbol |= b << i;
    }
    return symbol;
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

/**
 * Decodes a zip LZMA member: a 2-byte LZMA SDK version, a 2-byte properties
 * length (5), the 5-byte properties, then the raw stream (with or without an
 * end marker), into `out`.
 */
export function decodeZipLzma(input: Uint8Array, out: MemberOutput): Uint8Array {
  const fail = (why: string): never => {
    throw invalidArchive(`LZMA member ${quoteName(out.name)} is corrupt: ${why}.`);
  };
  if (input.length < 9) fail('the LZMA header is truncated');
  const propsSize = input[2]! | (input[3]! << 8);
  if (propsSize !== 5) {
    throw unsupportedArchive(
      `LZMA member ${quoteName(out.name)} has ${propsSize} bytes of properties instead of 5; this LZMA variant is not supported.`,
    );
  }
  let d = input[4]!;
  if (d >= 9 * 5 * 5) fail('the lc/lp/pb properties byte is out of range');
  const lc = d % 9;
  d = Math.floor(d / 9);
  const lp = d % 5;
  const pb = Math.floor(d / 5);

  const dst = out.bytes;
  const size = dst.length;
  let pos = out.length;
  if (size === 0) return out.finish();
  const rc = new RangeDecoder(input, 9, fail);

  const literal = probs(0x300 << (lc + lp));
  const isMatch = probs(NUM_STATES << POS_BITS_MAX);
  const isRep = probs(NUM_STATES);
  const isRepG0 = probs(NUM_STATES);
  const isRepG1 = probs(NUM_STATES);
  const isRepG2 = probs(NUM_STATES);
  const isRep0Long = probs(NUM_STATES << POS_BITS_MAX);
  const posSlot = probs(LEN_TO_POS_STATES << 6);
  const posDecoders = probs(1 + NUM_FULL_DISTANCES - END_POS_MODEL_INDEX);
  const align = probs(1 << ALIGN_BITS);
  const lenDecoder = new LenDecoder();
  const repLenDecoder = new LenDecoder();

  const pbMask = (1 << pb) - 1;
  const lpMask = (1 << lp) - 1;
  let state = 0;
  let rep0 = 0;
  let rep1 = 0;
  let rep2 = 0;
  let rep3 = 0;

  while (pos < size) {
    const posState = pos & pbMask;
    if (rc.bit(isMatch, (state << POS_BITS_MAX) + posState) === 0) {
      const prev = pos > 0 ? dst[pos - 1]! : 0;
      const base = 0x300 * (((pos & lpMask) << lc) + (prev >>> (8 - lc)));
      let symbol = 1;
      if (state >= 7) {
        let matchByte = dst[pos - rep0 - 1]!;
        do {
          const matchBit = (matchByte >>> 7) & 1;
          matchByte <<= 1;
          const bit = rc.bit(literal, base + ((1 + matchBit) << 8) + symbol);
          symbol = (symbol << 1) | bit;
          if (matchBit !== bit) break;
        } while (symbol < 0x100);
      }
      while (symbol < 0x100) symbol = (symbol << 1) | rc.bit(literal, base + symbol);
      dst[pos++] = symbol - 0x100;
      state = state < 4 ? 0 : state < 10 ? state - 3 : state - 6;
      continue;
    }
    let len: number;
    if (rc.bit(isRep, state) !== 0) {
      if (pos === 0) fail('a repeated match precedes any data');
      if (rc.bit(isRepG0, state) === 0) {
        if (rc.bit(isRep0Long, (state << POS_BITS_MAX) + posState) === 0) {
          state = state < 7 ? 9 : 11;
          dst[pos] = dst[pos - rep0 - 1]!;
          pos++;
          continue;
        }
      } else {
        let dist: number;
        if (rc.bit(isRepG1, state) === 0) {
          dist = rep1;
        } else {
          if (rc.bit(isRepG2, state) === 0) {
            dist = rep2;
          } else {
            dist = rep3;
            rep3 = rep2;
          }
          rep2 = rep1;
        }
        rep1 = rep0;
        rep0 = dist;
      }
      len = repLenDecoder.decode(rc, posState);
      state = state < 7 ? 8 : 11;
    } else {
      rep3 = rep2;
      rep2 = rep1;
      rep1 = rep0;
      len = lenDecoder.decode(rc, posState);
      state = state < 7 ? 7 : 10;
      const slot = rc.tree(posSlot, Math.min(len, LEN_TO_POS_STATES - 1) << 6, 6);
      if (slot < 4) {
        rep0 = slot;
      } else {
        const numDirectBits = (slot >>> 1) - 1;
        let dist = (2 | (slot & 1)) * 2 ** numDirectBits;
        if (slot < END_POS_MODEL_INDEX) {
          dist += rc.reverseTree(posDecoders, dist - slot, numDirectBits);
        } else {
          dist += rc.direct(numDirectBits - ALIGN_BITS) * 16;
          dist += rc.reverseTree(align, 0, ALIGN_BITS);
        }
        if (dist === 0xffffffff) {
          // End marker before the declared size: finish() reports the member as short.
          out.length = pos;
          return out.finish();
        }
        rep0 = dist;
      }
    }
    if (rep0 >= pos) fail('a match refers to data before the start of the member');
    len += MATCH_MIN_LEN;
    if (len > size - pos) throw out.overflow();
    let src = pos - rep0 - 1;
    for (const stop = pos + len; pos < stop;) dst[pos++] = dst[src++]!;
  }
  out.length = pos;
  return out.finish();
}
