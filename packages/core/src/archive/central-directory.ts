import type { Limits } from '../limits.js';
import { LimitExceededError } from '../errors/limit-exceeded-error.js';
import type { ArchiveEntry, ByteSource, CompressionMethod } from './types.js';
import { invalidArchive, quoteName, unsupportedArchive } from './archive-errors.js';
import { checkMemberName, decodeMemberName } from './member-name.js';
import {
  CENTRAL_HEADER_SIZE,
  EOCD_SIZE,
  EXTRA_ZIP64,
  FLAG_ENCRYPTED,
  FLAG_STRONG_ENCRYPTION,
  LOCAL_HEADER_SIZE,
  MAX_COMMENT,
  METHOD_BZIP2,
  METHOD_DEFLATE,
  METHOD_LZMA,
  METHOD_STORED,
  SIG_CENTRAL,
  SIG_EOCD,
  SIG_ZIP64_EOCD,
  SIG_ZIP64_LOCATOR,
  U16_MAX,
  U32_MAX,
  ZIP64_EOCD_SIZE,
  ZIP64_LOCATOR_SIZE,
  u16,
  u32,
  u64,
} from './zip-format.js';

/** A member as the central directory describes it, plus what reading it needs. */
export interface CentralEntry extends ArchiveEntry {
  readonly flags: number;
  readonly rawName: Uint8Array;
  readonly localOffset: number;
  /** Offset where the next member (or the central directory) starts: this member must end by then. */
  readonly extentEnd: number;
}

const METHODS: ReadonlyMap<number, CompressionMethod> = new Map([
  [METHOD_STORED, 'stored'],
  [METHOD_DEFLATE, 'deflate'],
  [METHOD_BZIP2, 'bzip2'],
  [METHOD_LZMA, 'lzma'],
]);

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

interface DirectoryLocation {
  readonly count: number;
  readonly offset: number;
  readonly size: number;
  /** Where the records that follow the central directory start. */
  readonly end: number;
}

function notAZip(size: number): never {
  throw invalidArchive(
    size === 0
      ? 'The file is empty (0 bytes), not a zip archive. A .skops file is a zip archive; check that the file was written completely.'
      : 'No zip end-of-central-directory record was found: the file is not a zip archive, or it is truncated. Re-download or re-create it.',
  );
}

async function locateDirectory(source: ByteSource): Promise<DirectoryLocation> {
  const size = source.size;
  if (size < EOCD_SIZE) notAZip(size);
  const tailLength = Math.min(size, EOCD_SIZE + MAX_COMMENT + ZIP64_LOCATOR_SIZE);
  const tailStart = size - tailLength;
  const tail = await source.read(tailStart, tailLength);
  let at = -1;
  for (let i = tail.length - EOCD_SIZE; i >= 0; i--) {
    if (
      tail[i] === 0x50 &&
      u32(tail, i) === SIG_EOCD &&
      i + EOCD_SIZE + u16(tail, i + 20) <= tail.length
    ) {
      at = i;
      break;
    }
  }
  if (at < 0) notAZip(size);
  const eocdPos = tailStart + at;
  const disk = u16(tail, at + 4);
  const cdDisk = u16(tail, at + 6);
  let entriesOnDisk = u16(tail, at + 8);
  let count = u16(tail, at + 10);
  let cdSize = u32(tail, at + 12);
  let cdOffset = u32(tail, at + 16);
  let end = eocdPos;
  if (disk !== 0 || cdDisk !== 0 || entriesOnDisk !== count) {
    throw unsupportedArchive(
      'The archive is split across several disks (a multi-part zip), which skops files never are. Join the parts into one zip first.',
    );
  }

  const loc = at - ZIP64_LOCATOR_SIZE;
  if (loc >= 0 && u32(tail, loc) === SIG_ZIP64_LOCATOR) {
    const recordOffset = u64(tail, loc + 8, 'ZIP64 end-of-central-directory offset');
    if (u32(tail, loc + 4) !== 0 || u32(tail, loc + 16) > 1) {
      throw unsupportedArchive(
        'The archive is a multi-part ZIP64 zip. Join the parts into one zip first.',
      );
    }
    if (recordOffset + ZIP64_EOCD_SIZE > eocdPos - ZIP64_LOCATOR_SIZE) {
      throw invalidArchive(
        'The ZIP64 end-of-central-directory locator points outside the file: the archive is corrupt or truncated.',
      );
    }
    const rec = await source.read(recordOffset, ZIP64_EOCD_SIZE);
    if (u32(rec, 0) !== SIG_ZIP64_EOCD) {
      throw invalidArchive(
        'The ZIP64 end-of-central-directory record is missing where its locator says: the archive is corrupt.',
      );
    }
    if (u32(rec, 16) !== 0 || u32(rec, 20) !== 0) {
      throw unsupportedArchive(
        'The archive is a multi-part ZIP64 zip. Join the parts into one zip first.',
      );
    }
    entriesOnDisk = u64(rec, 24, 'member count');
    count = u64(rec, 32, 'member count');
    cdSize = u64(rec, 40, 'central directory size');
    cdOffset = u64(rec, 48, 'central directory offset');
    end = recordOffset;
    if (entriesOnDisk !== count) {
      throw unsupportedArchive(
        'The archive is a multi-part ZIP64 zip. Join the parts into one zip first.',
      );
    }
  }
  if (cdOffset + cdSize > end) {
    throw invalidArchive(
      `The central directory (offset ${cdOffset}, ${cdSize} bytes) runs past the end-of-central-directory record at ${end}: ` +
        'the archive is corrupt, truncated, or has data prepended to it.',
    );
  }
  return { count, offset: cdOffset, size: cdSize, end };
}

interface Zip64Fields {
  uncompressedSize: number;
  compressedSize: number;
  localOffset: number;
}

/** Applies the ZIP64 extra field: it holds, in order, only the fields whose 32-bit value is saturated. */
function applyZip64(extra: Uint8Array, fields: Zip64Fields, name: string): void {
  const needsSize = fields.uncompressedSize === U32_MAX;
  const needsCompressed = fields.compressedSize === U32_MAX;
  const needsOffset = fields.localOffset === U32_MAX;
  if (!needsSize && !needsCompressed && !needsOffset) return;
  let p = 0;
  while (p + 4 <= extra.length) {
    const id = u16(extra, p);
    const len = u16(extra, p + 2);
    const body = p + 4;
    if (body + len > extra.length) break;
    if (id === EXTRA_ZIP64) {
      let q = body;
      const take = (what: string): number => {
        if (q + 8 > body + len) {
          throw invalidArchive(
            `The ZIP64 extra field of member ${quoteName(name)} is too short for its ${what}: the archive is corrupt.`,
          );
        }
        const v = u64(extra, q, what);
        q += 8;
        return v;
      };
      if (needsSize) fields.uncompressedSize = take('uncompressed size');
      if (needsCompressed) fields.compressedSize = take('compressed size');
      if (needsOffset) fields.localOffset = take('local header offset');
      return;
    }
    p = body + len;
  }
  throw invalidArchive(
    `Member ${quoteName(name)} has 32-bit sizes saturated at 0xFFFFFFFF but no ZIP64 extra field: the archive is corrupt.`,
  );
}

/**
 * Reads and checks the central directory: member count against the limits,
 * names, methods, encryption, symlinks, duplicates and member extents, so that
 * nothing about a member needs trusting later beyond what its local header repeats.
 */
export async function readCentralDirectory(
  source: ByteSource,
  limits: Limits,
): Promise<CentralEntry[]> {
  const dir = await locateDirectory(source);
  if (dir.count > limits.maxMembers) {
    throw new LimitExceededError(
      'maxMembers',
      dir.count,
      limits.maxMembers,
      'The archive’s member count',
    );
  }
  if (dir.size < dir.count * CENTRAL_HEADER_SIZE) {
    throw invalidArchive(
      `The central directory (${dir.size} bytes) is too small for the ${dir.count} members it claims: the archive is corrupt.`,
    );
  }
  const cd = await source.read(dir.offset, dir.size);
  const entries: CentralEntry[] = [];
  const byName = new Set<string>();
  let p = 0;
  for (let i = 0; i < dir.count; i++) {
    if (p + CENTRAL_HEADER_SIZE > cd.length || u32(cd, p) !== SIG_CENTRAL) {
      throw invalidArchive(
        `Central directory record ${i + 1} of ${dir.count} is missing or damaged: the archive is corrupt or truncated.`,
      );
    }
    const madeBy = u16(cd, p + 4);
    const flags = u16(cd, p + 8);
    const methodCode = u16(cd, p + 10);
    const crc = u32(cd, p + 16);
    const nameLen = u16(cd, p + 28);
    const extraLen = u16(cd, p + 30);
    const commentLen = u16(cd, p + 32);
    const diskStart = u16(cd, p + 34);
    const external = u32(cd, p + 38);
    const next = p + CENTRAL_HEADER_SIZE + nameLen + extraLen + commentLen;
    if (next > cd.length) {
      throw invalidArchive(
        `Central directory record ${i + 1} runs past the end of the central directory: the archive is corrupt.`,
      );
    }
    const rawName = cd.slice(p + CENTRAL_HEADER_SIZE, p + CENTRAL_HEADER_SIZE + nameLen);
    const name = decodeMemberName(rawName, flags);
    checkMemberName(name);
    const fields: Zip64Fields = {
      compressedSize: u32(cd, p + 20),
      uncompressedSize: u32(cd, p + 24),
      localOffset: u32(cd, p + 42),
    };
    applyZip64(
      cd.subarray(p + CENTRAL_HEADER_SIZE + nameLen, p + CENTRAL_HEADER_SIZE + nameLen + extraLen),
      fields,
      name,
    );
    p = next;

    if (diskStart !== 0 && diskStart !== U16_MAX) {
      throw unsupportedArchive(
        `Member ${quoteName(name)} lives on another disk of a multi-part zip. Join the parts into one zip first.`,
      );
    }
    if (flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION)) {
      throw invalidArchive(
        `Member ${quoteName(name)} is encrypted. skops files are never encrypted; decrypt the archive with the tool that made it.`,
      );
    }
    // The Unix mode sits in the high 16 bits of the external attributes (set by Unix-like writers only).
    if (madeBy >>> 8 !== 0 && ((external >>> 16) & S_IFMT) === S_IFLNK) {
      throw invalidArchive(
        `Member ${quoteName(name)} is a symbolic link. skops files hold only regular members; the archive is crafted, do not use it.`,
      );
    }
    const method = METHODS.get(methodCode);
    if (method === undefined) {
      throw unsupportedArchive(
        `Member ${quoteName(name)} uses zip compression method ${methodCode}; only stored (0), DEFLATE (8), bzip2 (12) and LZMA (14) are supported, as in Python's zipfile. Re-create the archive with one of these.`,
      );
    }
    if (method === 'stored' && fields.compressedSize !== fields.uncompressedSize) {
      throw invalidArchive(
        `Stored member ${quoteName(name)} declares ${fields.uncompressedSize} bytes but occupies ${fields.compressedSize}: the archive is corrupt.`,
      );
    }
    if (byName.has(name)) {
      throw invalidArchive(
        `The archive has two members named ${quoteName(name)}. Zip tools disagree on which one counts, so the file is refused; re-create the archive with unique names.`,
      );
    }
    byName.add(name);
    entries.push({
      name,
      method,
      compressedSize: fields.compressedSize,
      uncompressedSize: fields.uncompressedSize,
      crc32: crc,
      flags,
      rawName,
      localOffset: fields.localOffset,
      extentEnd: dir.offset,
    });
  }
  return withExtents(entries, dir.offset);
}

/** Sets each member's extent end and refuses members that overlap or spill into the central directory. */
function withExtents(entries: CentralEntry[], cdOffset: number): CentralEntry[] {
  const order = entries
    .map((_, i) => i)
    .sort((a, b) => entries[a]!.localOffset - entries[b]!.localOffset);
  const out = entries.slice();
  for (let k = 0; k < order.length; k++) {
    const e = entries[order[k]!]!;
    const nextStart = k + 1 < order.length ? entries[order[k + 1]!]!.localOffset : cdOffset;
    const minimalEnd = e.localOffset + LOCAL_HEADER_SIZE + e.rawName.length + e.compressedSize;
    if (minimalEnd > nextStart) {
      throw invalidArchive(
        `Member ${quoteName(e.name)} (at offset ${e.localOffset}, ${e.compressedSize} bytes) overlaps ` +
          (k + 1 < order.length ? 'the next member' : 'the central directory') +
          ': the archive is corrupt or crafted (overlapping members are a zip-bomb technique). Do not use it.',
      );
    }
    out[order[k]!] = { ...e, extentEnd: nextStart };
  }
  return out;
}
