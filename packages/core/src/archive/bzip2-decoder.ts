import { invalidArchive, quoteName, unsupportedArchive } from './archive-errors.js';
import type { MemberOutput } from './member-output.js';

/*
 * A bzip2 decoder after the reference implementation's decompress.c. It
 * writes straight into the member's output buffer and stops the moment a
 * block would go past the declared size. Memory: one block (≤ 900 kB of
 * 32-bit entries) besides the output.
 */

const BLOCK_MAGIC_HI = 0x314159;
const BLOCK_MAGIC_LO = 0x265359;
const END_MAGIC_HI = 0x177245;
const END_MAGIC_LO = 0x385090;
const MAX_GROUPS = 6;
const MAX_ALPHA = 258;
const MAX_CODE_LEN = 20;
const MAX_SELECTORS = 18002;
const GROUP_SIZE = 50;

function buildCrcTable(): Uint32Array {
  const t = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i << 24;
    for (let k = 0; k < 8; k++) c = c & 0x80000000 ? (c << 1) ^ 0x04c11db7 : c << 1;
    t[i] = c >>> 0;
  }
  return t;
}

// bzip2 checksums its blocks with the non-reflected CRC-32, unlike zip.
const CRC_TABLE = /* @__PURE__ */ buildCrcTable();

class BitReader {
  private pos: number;
  private buf = 0;
  private count = 0;

  constructor(
    private readonly input: Uint8Array,
    start: number,
    private readonly fail: (why: string) => never,
  ) {
    this.pos = start;
  }

  /** Reads up to 24 bits, most significant first. */
  bits(n: number): number {
    while (this.count < n) {
      if (this.pos >= this.input.length) this.fail('the compressed data ends early');
      this.buf = ((this.buf << 8) | this.input[this.pos++]!) >>> 0;
      this.count += 8;
    }
    this.count -= n;
    const v = (this.buf >>> this.count) & ((1 << n) - 1);
    this.buf &= (1 << this.count) - 1;
    return v;
  }

  bit(): number {
    return this.bits(1);
  }

  u32(): number {
    return (this.bits(16) * 0x10000 + this.bits(16)) >>> 0;
  }

  /** Skips to the next byte boundary; returns the byte offset there. */
  align(): number {
    this.count -= this.count % 8;
    this.buf &= (1 << this.count) - 1;
    return this.pos - this.count / 8;
  }
}

interface HuffmanTable {
  readonly minLen: number;
  readonly limit: Int32Array;
  readonly base: Int32Array;
  readonly perm: Int32Array;
}

function huffmanTable(lengths: Uint8Array, alphaSize: number): HuffmanTable {
  let minLen = 32;
  let maxLen = 0;
  for (let i = 0; i < alphaSize; i++) {
    minLen = Math.min(minLen, lengths[i]!);
    maxLen = Math.max(maxLen, lengths[i]!);
  }
  const perm = new Int32Array(MAX_ALPHA);
  const base = new Int32Array(MAX_CODE_LEN + 2);
  const limit = new Int32Array(MAX_CODE_LEN + 2);
  let pp = 0;
  for (let i = minLen; i <= maxLen; i++)
    for (let j = 0; j < alphaSize; j++) if (lengths[j] === i) perm[pp++] = j;
  for (let i = 0; i < alphaSize; i++) base[lengths[i]! + 1]!++;
  for (let i = 1; i < base.length; i++) base[i]! += base[i - 1]!;
  let vec = 0;
  for (let i = minLen; i <= maxLen; i++) {
    vec += base[i + 1]! - base[i]!;
    limit[i] = vec - 1;
    vec <<= 1;
  }
  for (let i = minLen + 1; i <= maxLen; i++) base[i] = ((limit[i - 1]! + 1) << 1) - base[i]!;
  return { minLen, limit, base, perm };
}

/** Decodes a bzip2 stream (or several concatenated) into `out`. */
export function decodeBzip2(input: Uint8Array, out: MemberOutput): Uint8Array {
  const fail = (why: string): never => {
    throw invalidArchive(`bzip2 member ${quoteName(out.name)} is corrupt: ${why}.`);
  };
  const dst = out.bytes;
  let pos = out.length;
  let start = 0;
  let tt: Uint32Array | undefined;
  do {
    if (
      input.length - start < 4 ||
      input[start] !== 0x42 ||
      input[start + 1] !== 0x5a ||
      input[start + 2] !== 0x68
    ) {
      fail('the bzip2 stream header "BZh" is missing');
    }
    const level = input[start + 3]! - 0x30;
    if (level < 1 || level > 9) fail('the block size in the stream header is invalid');
    const maxBlock = level * 100_000;
    if (!tt || tt.length < maxBlock) tt = new Uint32Array(maxBlock);
    const br = new BitReader(input, start + 4, fail);
    let combined = 0;
    for (;;) {
      const hi = br.bits(24);
      const lo = br.bits(24);
      if (hi === END_MAGIC_HI && lo === END_MAGIC_LO) {
        if (br.u32() !== combined) fail('the stream checksum does not match');
        break;
      }
      if (hi !== BLOCK_MAGIC_HI || lo !== BLOCK_MAGIC_LO) fail('a block header is missing');
      const blockCrc = br.u32();
      if (br.bit()) {
        throw unsupportedArchive(
          `bzip2 member ${quoteName(out.name)} uses randomised blocks (bzip2 before 0.9.5); re-compress it with a current bzip2.`,
        );
      }
      const nblock = readBlock(br, tt, maxBlock, fail);
      const origPtr = nblock.origPtr;
      // Inverse Burrows–Wheeler transform, then undo the initial run-length coding.
      const cftab = new Int32Array(257);
      for (let i = 0; i < nblock.length; i++) cftab[(tt[i]! & 0xff) + 1]!++;
      for (let i = 1; i < 257; i++) cftab[i]! += cftab[i - 1]!;
      for (let i = 0; i < nblock.length; i++) {
        const uc = tt[i]! & 0xff;
        tt[cftab[uc]!]! |= i << 8;
        cftab[uc]!++;
      }
      let tPos = tt[origPtr]! >>> 8;
      let crc = 0xffffffff;
      let last = -1;
      let run = 0;
      for (let k = 0; k < nblock.length; k++) {
        const entry = tt[tPos]!;
        const ch = entry & 0xff;
        tPos = entry >>> 8;
        if (run === 4) {
          if (ch > dst.length - pos) throw out.overflow();
          for (let r = 0; r < ch; r++) {
            dst[pos++] = last;
            crc = ((crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ last) & 0xff]!) >>> 0;
          }
          run = 0;
          continue;
        }
        if (ch === last) run++;
        else {
          last = ch;
          run = 1;
        }
        if (pos >= dst.length) throw out.overflow();
        dst[pos++] = ch;
        crc = ((crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ ch) & 0xff]!) >>> 0;
      }
      if (~crc >>> 0 !== blockCrc) fail('a block checksum does not match');
      combined = (((combined << 1) | (combined >>> 31)) ^ blockCrc) >>> 0;
    }
    start = br.align();
  } while (pos < dst.length && start < input.length);
  out.length = pos;
  return out.finish();
}

interface Block {
  readonly length: number;
  readonly origPtr: number;
}

/** Reads one block's Huffman/MTF/RLE2 data into the low bytes of `tt`. */
function readBlock(
  br: BitReader,
  tt: Uint32Array,
  maxBlock: number,
  fail: (why: string) => never,
): Block {
  const origPtr = br.bits(24);
  const inUse16 = br.bits(16);
  const seqToUnseq = new Uint8Array(256);
  let nInUse = 0;
  for (let i = 0; i < 16; i++) {
    if (inUse16 & (0x8000 >>> i)) {
      const v = br.bits(16);
      for (let j = 0; j < 16; j++) if (v & (0x8000 >>> j)) seqToUnseq[nInUse++] = i * 16 + j;
    }
  }
  if (nInUse === 0) fail('a block uses no symbols');
  const alphaSize = nInUse + 2;
  const nGroups = br.bits(3);
  if (nGroups < 2 || nGroups > MAX_GROUPS) fail('the number of Huffman tables is invalid');
  const nSelectorsRaw = br.bits(15);
  if (nSelectorsRaw < 1) fail('a block has no selectors');
  const nSelectors = Math.min(nSelectorsRaw, MAX_SELECTORS);
  const selectors = new Uint8Array(nSelectors);
  const mtfGroups = [0, 1, 2, 3, 4, 5];
  for (let i = 0; i < nSelectorsRaw; i++) {
    let j = 0;
    while (br.bit()) if (++j >= nGroups) fail('a selector is out of range');
    if (i >= MAX_SELECTORS) continue;
    const g = mtfGroups[j]!;
    for (; j > 0; j--) mtfGroups[j] = mtfGroups[j - 1]!;
    mtfGroups[0] = g;
    selectors[i] = g;
  }
  const tables: HuffmanTable[] = [];
  const lengths = new Uint8Array(MAX_ALPHA);
  for (let t = 0; t < nGroups; t++) {
    let curr = br.bits(5);
    for (let i = 0; i < alphaSize; i++) {
      for (;;) {
        if (curr < 1 || curr > MAX_CODE_LEN) fail('a Huffman code length is out of range');
        if (!br.bit()) break;
        curr += br.bit() ? -1 : 1;
      }
      lengths[i] = curr;
    }
    tables.push(huffmanTable(lengths, alphaSize));
  }

  const EOB = nInUse + 1;
  const mtf = new Uint8Array(256);
  for (let i = 0; i < 256; i++) mtf[i] = i;
  let nblock = 0;
  let groupNo = -1;
  let groupPos = 0;
  let table = tables[0]!;
  const nextSymbol = (): number => {
    if (groupPos === 0) {
      if (++groupNo >= nSelectors) fail('the block runs past its selectors');
      groupPos = GROUP_SIZE;
      table = tables[selectors[groupNo]!]!;
    }
    groupPos--;
    let zn = table.minLen;
    let zvec = br.bits(zn);
    while (zvec > table.limit[zn]!) {
      if (++zn > MAX_CODE_LEN) fail('a Huffman code is invalid');
      zvec = (zvec << 1) | br.bit();
    }
    const idx = zvec - table.base[zn]!;
    if (idx < 0 || idx >= alphaSize) fail('a Huffman code is invalid');
    return table.perm[idx]!;
  };

  let sym = nextSymbol();
  for (;;) {
    if (sym === EOB) break;
    if (sym <= 1) {
      let es = 0;
      let n = 1;
      do {
        es += (sym + 1) * n;
        n *= 2;
        if (n >= 2 * 1024 * 1024) fail('a run is too long');
        sym = nextSymbol();
      } while (sym <= 1);
      if (es > maxBlock - nblock) fail('a block is larger than its declared block size');
      const uc = seqToUnseq[mtf[0]!]!;
      tt.fill(uc, nblock, nblock + es);
      nblock += es;
      continue;
    }
    if (nblock >= maxBlock) fail('a block is larger than its declared block size');
    const nn = sym - 1;
    const uc = mtf[nn]!;
    mtf.copyWithin(1, 0, nn);
    mtf[0] = uc;
    tt[nblock++] = seqToUnseq[uc]!;
    sym = nextSymbol();
  }
  if (origPtr >= nblock) fail('the block origin pointer is out of range');
  return { length: nblock, origPtr };
}
