import type { OutputBudget } from './decompress.js';
import { LzmaDecoder, RangeDecoder, parseProps } from './lzma-decoder.js';

const XZ_MAGIC = [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00];
const LZMA2_FILTER = 0x21n;

/** `lzma.FORMAT_ALONE` (what joblib's "lzma" writes): 13-byte header, then raw LZMA. */
export function decodeLzmaAlone(input: Uint8Array, budget: OutputBudget): void {
  if (input.length < 13) throw new Error('the .lzma header is truncated');
  const view = new DataView(input.buffer, input.byteOffset, input.byteLength);
  const size = view.getBigUint64(5, true);
  const decoder = new LzmaDecoder(budget);
  decoder.setProps(parseProps(input[0]!));
  decoder.resetState();
  const rc = new RangeDecoder(input, 13, input.length);
  if (size === 0xffffffffffffffffn) decoder.decode(rc, null);
  else {
    budget.reserve(Number(size));
    decoder.decode(rc, Number(size));
  }
  budget.push(decoder.output());
}

/** Reads an xz variable-length integer at `pos`; returns it and the next position. */
function vli(input: Uint8Array, pos: number, end: number): [bigint, number] {
  let value = 0n;
  for (let i = 0; i < 9; i++) {
    if (pos >= end) throw new Error('a block header field is truncated');
    const b = input[pos++]!;
    value |= BigInt(b & 0x7f) << BigInt(7 * i);
    if ((b & 0x80) === 0) return [value, pos];
  }
  throw new Error('a block header integer is too long');
}

function checkSize(checkType: number): number {
  return checkType === 0 ? 0 : 4 << Math.floor((checkType - 1) / 3);
}

/**
 * `lzma.FORMAT_XZ` (joblib's "xz"): the first stream's blocks, each with the
 * single LZMA2 filter Python writes. Other filters (BCJ, delta) are refused.
 * The block checks are not verified: the pickle reader validates what it
 * reads, and a corrupt stream fails there.
 */
export function decodeXz(input: Uint8Array, budget: OutputBudget): void {
  if (input.length < 12 || XZ_MAGIC.some((b, i) => input[i] !== b))
    throw new Error('the xz stream header is invalid');
  if (input[6] !== 0) throw new Error('the xz stream flags are invalid');
  const checkType = input[7]!;
  if (checkType > 15) throw new Error('the xz check type is invalid');
  const decoder = new LzmaDecoder(budget);
  let pos = 12;
  for (;;) {
    if (pos >= input.length) throw new Error('the xz stream ends before its index');
    const headerByte = input[pos]!;
    if (headerByte === 0) break;
    const blockStart = pos;
    const headerEnd = pos + (headerByte + 1) * 4;
    if (headerEnd > input.length) throw new Error('an xz block header is truncated');
    const flags = input[pos + 1]!;
    pos += 2;
    if (flags & 0x3c) throw new Error('an xz block header uses reserved flags');
    if (flags & 0x40) pos = vli(input, pos, headerEnd - 4)[1];
    if (flags & 0x80) pos = vli(input, pos, headerEnd - 4)[1];
    const filters = (flags & 0x03) + 1;
    let id: bigint;
    [id, pos] = vli(input, pos, headerEnd - 4);
    let propsSize: bigint;
    [propsSize, pos] = vli(input, pos, headerEnd - 4);
    if (filters !== 1 || id !== LZMA2_FILTER || propsSize !== 1n) {
      throw new Error(
        'the xz block uses filters other than LZMA2 alone, which joblib never writes',
      );
    }
    pos = headerEnd;
    pos = decodeLzma2(input, pos, decoder);
    while ((pos - blockStart) % 4 !== 0) pos++;
    pos += checkSize(checkType);
  }
  budget.push(decoder.output());
}

/** LZMA2 chunks from `pos` to their end byte; returns the position after it. */
function decodeLzma2(input: Uint8Array, pos: number, decoder: LzmaDecoder): number {
  let propsSet = false;
  for (;;) {
    if (pos >= input.length) throw new Error('an LZMA2 chunk header is truncated');
    const control = input[pos++]!;
    if (control === 0x00) return pos;
    if (pos + 2 > input.length) throw new Error('an LZMA2 chunk header is truncated');
    if (control === 0x01 || control === 0x02) {
      const size = ((input[pos]! << 8) | input[pos + 1]!) + 1;
      pos += 2;
      if (pos + size > input.length) throw new Error('an LZMA2 stored chunk is truncated');
      decoder.copyIn(input.subarray(pos, pos + size));
      pos += size;
      continue;
    }
    if (control < 0x80) throw new Error('an LZMA2 control byte is invalid');
    if (pos + 4 > input.length) throw new Error('an LZMA2 chunk header is truncated');
    const unpacked = ((control & 0x1f) << 16) + ((input[pos]! << 8) | input[pos + 1]!) + 1;
    const packed = ((input[pos + 2]! << 8) | input[pos + 3]!) + 1;
    pos += 4;
    const reset = (control >>> 5) & 0x03;
    if (reset >= 2) {
      if (pos >= input.length) throw new Error('an LZMA2 chunk header is truncated');
      const props = parseProps(input[pos++]!);
      if (props.lc + props.lp > 4) throw new Error('the LZMA2 properties are invalid');
      decoder.setProps(props);
      propsSet = true;
    }
    if (!propsSet) throw new Error('an LZMA2 chunk comes before any properties');
    if (reset >= 1) decoder.resetState();
    if (pos + packed > input.length) throw new Error('an LZMA2 chunk is truncated');
    const rc = new RangeDecoder(input, pos, pos + packed);
    decoder.decode(rc, unpacked);
    pos += packed;
  }
}
