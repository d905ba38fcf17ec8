import { deflateSync } from 'fflate';
import { SkopsError } from '../errors/skops-error.js';
import type { ArchiveMemberChunks, ArchiveWriteOptions } from './types.js';
import { quoteName } from './archive-errors.js';
import { crc32Update } from './crc32.js';
import { checkMemberName } from './member-name.js';
import {
  CENTRAL_HEADER_SIZE,
  EOCD_SIZE,
  EXTRA_ZIP64,
  FLAG_UTF8,
  LOCAL_HEADER_SIZE,
  METHOD_DEFLATE,
  METHOD_STORED,
  SIG_CENTRAL,
  SIG_EOCD,
  SIG_LOCAL,
  SIG_ZIP64_EOCD,
  SIG_ZIP64_LOCATOR,
  U16_MAX,
  U32_MAX,
  ZIP64_EOCD_SIZE,
  ZIP64_LOCATOR_SIZE,
  put16,
  put32,
  put64,
} from './zip-format.js';

const VERSION_DEFAULT = 20;
const VERSION_ZIP64 = 45;
const MADE_BY_UNIX = 3 << 8;
// 1980-01-01 00:00:00, the zip epoch: a fixed timestamp keeps output byte-for-byte reproducible.
const DOS_TIME = 0;
const DOS_DATE = (1 << 5) | 1;
const REGULAR_FILE_MODE = (0o100644 << 16) >>> 0;

interface WrittenMember {
  readonly name: Uint8Array;
  readonly flags: number;
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly offset: number;
}

function writeError(message: string): SkopsError {
  return new SkopsError('INVALID_DATA', message);
}

function checkInputs(members: readonly ArchiveMemberChunks[], options: ArchiveWriteOptions): void {
  if (options.compression !== 'stored' && options.compression !== 'deflate') {
    throw writeError(
      `Cannot write an archive with compression ${JSON.stringify(options.compression)}: use "stored" or "deflate".`,
    );
  }
  const level = options.level ?? 6;
  if (!Number.isInteger(level) || level < 0 || level > 9) {
    throw writeError(
      `Cannot write an archive with DEFLATE level ${String(level)}: use an integer from 0 to 9.`,
    );
  }
  const seen = new Set<string>();
  for (const m of members) {
    try {
      checkMemberName(m.name);
    } catch (cause) {
      throw new SkopsError(
        'INVALID_DATA',
        `Cannot write member ${quoteName(m.name)}: choose a plain relative name without "..", "\\" or a leading "/".`,
        { cause },
      );
    }
    if (seen.has(m.name))
      throw writeError(
        `Cannot write two members named ${quoteName(m.name)}: member names must be unique.`,
      );
    seen.add(m.name);
  }
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return false;
  return true;
}

function localHeader(m: WrittenMember, zip64: boolean): Uint8Array {
  const extraLen = zip64 ? 20 : 0;
  const h = new Uint8Array(LOCAL_HEADER_SIZE + m.name.length + extraLen);
  put32(h, 0, SIG_LOCAL);
  put16(h, 4, zip64 ? VERSION_ZIP64 : VERSION_DEFAULT);
  put16(h, 6, m.flags);
  put16(h, 8, m.method);
  put16(h, 10, DOS_TIME);
  put16(h, 12, DOS_DATE);
  put32(h, 14, m.crc);
  put32(h, 18, zip64 ? U32_MAX : m.compressedSize);
  put32(h, 22, zip64 ? U32_MAX : m.uncompressedSize);
  put16(h, 26, m.name.length);
  put16(h, 28, extraLen);
  h.set(m.name, LOCAL_HEADER_SIZE);
  if (zip64) {
    const e = LOCAL_HEADER_SIZE + m.name.length;
    put16(h, e, EXTRA_ZIP64);
    put16(h, e + 2, 16);
    put64(h, e + 4, m.uncompressedSize);
    put64(h, e + 12, m.compressedSize);
  }
  return h;
}

function centralHeader(m: WrittenMember, force: boolean): Uint8Array {
  const bigSize = force || m.uncompressedSize >= U32_MAX;
  const bigCompressed = force || m.compressedSize >= U32_MAX;
  const bigOffset = force || m.offset >= U32_MAX;
  const extraBody = 8 * (+bigSize + +bigCompressed + +bigOffset);
  const extraLen = extraBody ? 4 + extraBody : 0;
  const zip64 = extraLen > 0;
  const h = new Uint8Array(CENTRAL_HEADER_SIZE + m.name.length + extraLen);
  put32(h, 0, SIG_CENTRAL);
  put16(h, 4, MADE_BY_UNIX | (zip64 ? VERSION_ZIP64 : VERSION_DEFAULT));
  put16(h, 6, zip64 ? VERSION_ZIP64 : VERSION_DEFAULT);
  put16(h, 8, m.flags);
  put16(h, 10, m.method);
  put16(h, 12, DOS_TIME);
  put16(h, 14, DOS_DATE);
  put32(h, 16, m.crc);
  put32(h, 20, bigCompressed ? U32_MAX : m.compressedSize);
  put32(h, 24, bigSize ? U32_MAX : m.uncompressedSize);
  put16(h, 28, m.name.length);
  put16(h, 30, extraLen);
  put32(h, 38, REGULAR_FILE_MODE);
  put32(h, 42, bigOffset ? U32_MAX : m.offset);
  h.set(m.name, CENTRAL_HEADER_SIZE);
  if (zip64) {
    let e = CENTRAL_HEADER_SIZE + m.name.length;
    put16(h, e, EXTRA_ZIP64);
    put16(h, e + 2, extraBody);
    e += 4;
    for (const [big, value] of [
      [bigSize, m.uncompressedSize],
      [bigCompressed, m.compressedSize],
      [bigOffset, m.offset],
    ] as const) {
      if (!big) continue;
      put64(h, e, value);
      e += 8;
    }
  }
  return h;
}

function endRecords(count: number, cdOffset: number, cdSize: number, force: boolean): Uint8Array {
  const zip64 = force || count >= U16_MAX || cdOffset >= U32_MAX || cdSize >= U32_MAX;
  const out = new Uint8Array((zip64 ? ZIP64_EOCD_SIZE + ZIP64_LOCATOR_SIZE : 0) + EOCD_SIZE);
  let p = 0;
  if (zip64) {
    put32(out, 0, SIG_ZIP64_EOCD);
    put64(out, 4, ZIP64_EOCD_SIZE - 12);
    put16(out, 12, MADE_BY_UNIX | VERSION_ZIP64);
    put16(out, 14, VERSION_ZIP64);
    put64(out, 24, count);
    put64(out, 32, count);
    put64(out, 40, cdSize);
    put64(out, 48, cdOffset);
    put32(out, 56, SIG_ZIP64_LOCATOR);
    put64(out, 64, cdOffset + cdSize);
    put32(out, 72, 1);
    p = ZIP64_EOCD_SIZE + ZIP64_LOCATOR_SIZE;
  }
  put32(out, p, SIG_EOCD);
  put16(out, p + 8, zip64 ? U16_MAX : count);
  put16(out, p + 10, zip64 ? U16_MAX : count);
  put32(out, p + 12, zip64 ? U32_MAX : cdSize);
  put32(out, p + 16, zip64 ? U32_MAX : cdOffset);
  return out;
}

function chunksOf(data: ArchiveMemberChunks['data']): readonly Uint8Array[] {
  return Array.isArray(data) ? data : [data as Uint8Array];
}

function crcOf(chunks: readonly Uint8Array[]): number {
  let crc = 0;
  for (const c of chunks) crc = crc32Update(crc, c);
  return crc;
}

// DEFLATE takes one buffer: compressing the chunks as one stream gives the same bytes as the joined member.
// Also joins a whole archive's chunks.
function joined(chunks: readonly Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(size);
  let p = 0;
  for (const c of chunks) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}

/**
 * Writes a zip archive as a sequence of chunks, in member order, compressing
 * one member at a time, so a caller can stream archives of any size to disk.
 * Stored member data is yielded as the caller's own bytes (no copy), chunk by
 * chunk where a member was given as chunks.
 */
export function* archiveChunks(
  members: readonly ArchiveMemberChunks[],
  options: ArchiveWriteOptions,
): Generator<Uint8Array, void, undefined> {
  checkInputs(members, options);
  const force = options.forceZip64 ?? false;
  const deflate = options.compression === 'deflate';
  const level = (options.level ?? 6) as 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
  const encoder = new TextEncoder();
  const written: WrittenMember[] = [];
  let offset = 0;
  for (const input of members) {
    const chunks = chunksOf(input.data);
    let size = 0;
    for (const c of chunks) size += c.length;
    const data = deflate ? [deflateSync(joined(chunks, size), { level })] : chunks;
    let compressedSize = 0;
    for (const c of data) compressedSize += c.length;
    const member: WrittenMember = {
      name: encoder.encode(input.name),
      flags: isAscii(input.name) ? 0 : FLAG_UTF8,
      method: deflate ? METHOD_DEFLATE : METHOD_STORED,
      crc: crcOf(chunks),
      compressedSize,
      uncompressedSize: size,
      offset,
    };
    const header = localHeader(
      member,
      force || member.uncompressedSize >= U32_MAX || member.compressedSize >= U32_MAX,
    );
    yield header;
    for (const c of data) if (c.length) yield c;
    offset += header.length + compressedSize;
    written.push(member);
  }
  let cdSize = 0;
  for (const member of written) {
    const h = centralHeader(member, force);
    cdSize += h.length;
    yield h;
  }
  yield endRecords(written.length, offset, cdSize, force);
}

/**
 * Writes a zip archive into one buffer, allocated once at the archive's size;
 * every chunk is copied into it once. Members keep the given order (Python
 * skops puts `schema.json` last).
 */
export function writeArchive(
  members: readonly ArchiveMemberChunks[],
  options: ArchiveWriteOptions,
): Uint8Array {
  const chunks = [...archiveChunks(members, options)];
  let size = 0;
  for (const c of chunks) size += c.length;
  // With any member there are several chunks (headers, data, end record), so the result is a fresh buffer, never a caller's.
  return joined(chunks, size);
}
