import { Inflate } from 'fflate';
import { LimitExceededError, SkopsError, type Limits } from '@skops-ts/core';
import { crc32 } from './crc32.js';

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const EOCD_SIZE = 22;
const CENTRAL_SIZE = 46;
const LOCAL_SIZE = 30;
const U16_MAX = 0xffff;
const U32_MAX = 0xffffffff;
const MiB = 1024 * 1024;
// DEFLATE expands at most 1032-fold: feeding input in steps of 1/1024 of the
// remaining output budget (16 KiB to 256 KiB) lets an overflow be caught
// after at most about one budget's worth of extra output.
const MIN_STEP = 16 * 1024;
const MAX_STEP = 256 * 1024;

/** One member of an in-memory zip: name, method, sizes and where its data starts. */
interface Entry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

function invalid(message: string, path?: string): SkopsError {
  return new SkopsError('INVALID_ARCHIVE', `Invalid .npz member: ${message}`, { path });
}

const u16 = (b: Uint8Array, o: number): number => (b[o] as number) | ((b[o + 1] as number) << 8);
const u32 = (b: Uint8Array, o: number): number => (u16(b, o) | (u16(b, o + 2) << 16)) >>> 0;

/** Sizes and offset from a ZIP64 extra field, for the fields the central record marks 0xFFFFFFFF. */
function zip64Values(extra: Uint8Array, wanted: readonly boolean[], path?: string): number[] {
  let p = 0;
  while (p + 4 <= extra.length) {
    const id = u16(extra, p);
    const len = u16(extra, p + 2);
    if (id === 1) {
      const out: number[] = [];
      let q = p + 4;
      for (const want of wanted) {
        if (!want) continue;
        if (q + 8 > p + 4 + len) throw invalid('its ZIP64 extra field is too short.', path);
        const high = u32(extra, q + 4);
        if (high >= 0x200000) throw invalid('a ZIP64 size is beyond 2**53.', path);
        out.push(high * 2 ** 32 + u32(extra, q));
        q += 8;
      }
      return out;
    }
    p += 4 + len;
  }
  throw invalid('a size is 0xFFFFFFFF but there is no ZIP64 extra field.', path);
}

function centralDirectory(bytes: Uint8Array, limits: Limits, path?: string): Entry[] {
  let eocd = -1;
  for (let p = bytes.length - EOCD_SIZE; p >= Math.max(0, bytes.length - EOCD_SIZE - U16_MAX); p--) {
    if (u32(bytes, p) === SIG_EOCD && p + EOCD_SIZE + u16(bytes, p + 20) === bytes.length) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) throw invalid('it is not a zip archive (no end-of-central-directory record).', path);
  const count = u16(bytes, eocd + 10);
  const cdSize = u32(bytes, eocd + 12);
  const cdOffset = u32(bytes, eocd + 16);
  if (count === U16_MAX || cdOffset === U32_MAX || cdSize === U32_MAX) {
    throw new SkopsError('UNSUPPORTED_ARCHIVE', 'The .npz member uses a ZIP64 end record, which no sparse matrix needs.', { path });
  }
  if (count > limits.maxMembers) throw new LimitExceededError('maxMembers', count, limits.maxMembers, 'The .npz member count', path);
  if (cdOffset + cdSize > eocd) throw invalid('its central directory lies outside the archive.', path);
  const entries: Entry[] = [];
  const names = new Set<string>();
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + CENTRAL_SIZE > eocd || u32(bytes, p) !== SIG_CENTRAL) throw invalid(`central directory record ${i} is broken.`, path);
    const flags = u16(bytes, p + 8);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    const end = p + CENTRAL_SIZE + nameLen + extraLen + commentLen;
    if (end > eocd) throw invalid(`central directory record ${i} runs past the directory.`, path);
    const name = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(p + CENTRAL_SIZE, p + CENTRAL_SIZE + nameLen));
    const extra = bytes.subarray(p + CENTRAL_SIZE + nameLen, p + CENTRAL_SIZE + nameLen + extraLen);
    let size = u32(bytes, p + 24);
    let compressedSize = u32(bytes, p + 20);
    let localOffset = u32(bytes, p + 42);
    const wanted = [size === U32_MAX, compressedSize === U32_MAX, localOffset === U32_MAX];
    if (wanted.some(Boolean)) {
      const values = zip64Values(extra, wanted, path);
      if (wanted[0]) size = values.shift() as number;
      if (wanted[1]) compressedSize = values.shift() as number;
      if (wanted[2]) localOffset = values.shift() as number;
    }
    if (names.has(name)) throw invalid(`it holds two members named ${JSON.stringify(name)}.`, path);
    names.add(name);
    entries.push({ name, method: u16(bytes, p + 10), flags, crc: u32(bytes, p + 16), compressedSize, size, localOffset });
    p = end;
  }
  return entries;
}

function inflate(input: Uint8Array, size: number, name: string, path?: string): Uint8Array {
  const out = new Uint8Array(size);
  let written = 0;
  const inflater = new Inflate((chunk) => {
    if (written + chunk.length > size) throw invalid(`member ${JSON.stringify(name)} inflates to more than the ${size} bytes it declares.`, path);
    out.set(chunk, written);
    written += chunk.length;
  });
  const push = (data: Uint8Array, final: boolean): void => {
    try {
      inflater.push(data, final);
    } catch (cause) {
      if (SkopsError.isInstance(cause)) throw cause;
      throw invalid(`member ${JSON.stringify(name)} is not a valid DEFLATE stream.`, path);
    }
  };
  let p = 0;
  while (p < input.length) {
    const step = Math.min(MAX_STEP, Math.max(MIN_STEP, Math.ceil((size - written) / 1024)));
    push(input.subarray(p, p + step), false);
    p += step;
  }
  push(new Uint8Array(0), true);
  if (written !== size) throw invalid(`member ${JSON.stringify(name)} inflates to ${written} bytes, not the ${size} it declares.`, path);
  return out;
}

/**
 * Reads every member of a zip held in memory (a `.npz`), synchronously, as
 * construction needs: sizes come from the central directory and are checked
 * against the limits before anything is allocated, DEFLATE output is capped
 * at the declared size, and each member's CRC-32 is verified.
 */
export function readZipMembers(bytes: Uint8Array, limits: Limits, path?: string): Map<string, Uint8Array> {
  const entries = centralDirectory(bytes, limits, path);
  const out = new Map<string, Uint8Array>();
  let total = 0;
  for (const e of entries) {
    const what = `Member ${JSON.stringify(e.name)} of the .npz`;
    if (e.flags & 0x41) throw new SkopsError('UNSUPPORTED_ARCHIVE', `${what} is encrypted.`, { path });
    if (e.method !== 0 && e.method !== 8) {
      throw new SkopsError('UNSUPPORTED_ARCHIVE', `${what} uses compression method ${e.method}; numpy writes stored or DEFLATE members.`, { path });
    }
    if (e.size > limits.maxMemberBytes) throw new LimitExceededError('maxMemberBytes', e.size, limits.maxMemberBytes, what, path);
    total += e.size;
    if (total > limits.maxTotalBytes) throw new LimitExceededError('maxTotalBytes', total, limits.maxTotalBytes, 'The .npz members together', path);
    if (e.method === 8 && e.size > MiB && e.size / Math.max(e.compressedSize, 1) > limits.maxCompressionRatio) {
      throw new LimitExceededError('maxCompressionRatio', Math.ceil(e.size / Math.max(e.compressedSize, 1)), limits.maxCompressionRatio, `${what}'s compression ratio`, path);
    }
    const lo = e.localOffset;
    if (lo + LOCAL_SIZE > bytes.length || u32(bytes, lo) !== SIG_LOCAL) throw invalid(`the local header of ${JSON.stringify(e.name)} is missing.`, path);
    const start = lo + LOCAL_SIZE + u16(bytes, lo + 26) + u16(bytes, lo + 28);
    if (start + e.compressedSize > bytes.length) throw invalid(`the data of ${JSON.stringify(e.name)} runs past the end.`, path);
    const raw = bytes.subarray(start, start + e.compressedSize);
    if (e.method === 0 && e.compressedSize !== e.size) throw invalid(`stored member ${JSON.stringify(e.name)} has two different sizes.`, path);
    const data = e.method === 8 ? inflate(raw, e.size, e.name, path) : raw;
    if (crc32(data) !== e.crc) throw invalid(`member ${JSON.stringify(e.name)} fails its CRC-32 check: the file is corrupt.`, path);
    out.set(e.name, data);
  }
  return out;
}
