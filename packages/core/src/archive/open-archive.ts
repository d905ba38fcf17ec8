import { LimitExceededError } from '../errors/limit-exceeded-error.js';
import { SkopsError } from '../errors/skops-error.js';
import type { Limits } from '../limits.js';
import type { ArchiveEntry, ArchiveReader, ByteSource, OpenArchiveOptions } from './types.js';
import { invalidArchive, quoteName } from './archive-errors.js';
import { readCentralDirectory, type CentralEntry } from './central-directory.js';
import { decodeBzip2 } from './bzip2-decoder.js';
import { inflateInto, inflateWhole } from './inflate-member.js';
import { decodeZipLzma } from './lzma-decoder.js';
import { MemberOutput } from './member-output.js';
import { ReadWindow } from './read-window.js';
import { FLAG_ENCRYPTED, LOCAL_HEADER_SIZE, SIG_LOCAL, u16, u32 } from './zip-format.js';

const MiB = 1024 * 1024;
const READ_CHUNK = 4 * MiB;
const STORED_PIECE = 16 * MiB;
const PIECES_IN_FLIGHT = 3;
// Members up to this size (header and data) are served from one read-ahead window.
const SMALL_MEMBER = 256 * 1024;

/**
 * Opens a zip archive for reading: checks the whole central directory up
 * front (member count, names, methods, extents) and reads members on demand.
 * Nothing is extracted to disk; members are looked up by exact name.
 * The reader owns `source`: `close()` closes it, and so does a failed open.
 */
export async function openArchive(
  source: ByteSource,
  options: OpenArchiveOptions,
): Promise<ArchiveReader> {
  const limits = options.limits;
  let central: CentralEntry[];
  try {
    central = await readCentralDirectory(source, limits);
  } catch (error) {
    await source.close?.();
    throw error;
  }
  const byName = new Map(central.map((e) => [e.name, e]));
  const entries: readonly ArchiveEntry[] = Object.freeze(
    central.map(({ name, method, compressedSize, uncompressedSize, crc32: crc }) =>
      Object.freeze({ name, method, compressedSize, uncompressedSize, crc32: crc }),
    ),
  );
  const publicByName = new Map(entries.map((e) => [e.name, e]));
  let totalRead = 0;
  let closed = false;
  const window = new ReadWindow(source);

  return {
    entries,
    has: (name) => byName.has(name),
    entry: (name) => publicByName.get(name),
    async read(name: string): Promise<Uint8Array> {
      if (closed)
        throw new SkopsError(
          'INVALID_ARCHIVE',
          'The archive was closed; open it again to read members.',
        );
      const entry = byName.get(name);
      if (!entry) {
        const shown = central
          .slice(0, 10)
          .map((e) => quoteName(e.name))
          .join(', ');
        throw new SkopsError(
          'MISSING_MEMBER',
          `The archive has no member named ${quoteName(name)} (names must match exactly). ` +
            `It holds ${central.length} member${central.length === 1 ? '' : 's'}${central.length ? `: ${shown}${central.length > 10 ? ', …' : ''}` : ''}. ` +
            'The file is incomplete or is not the archive you expected.',
        );
      }
      checkLimits(entry, limits, totalRead);
      totalRead += entry.uncompressedSize;
      const out = await readMember(source, entry, window);
      const data = out.finish();
      const actual = out.checksum();
      if (actual !== entry.crc32) {
        throw invalidArchive(
          `Member ${quoteName(name)} fails its CRC-32 check (stored ${hex(entry.crc32)}, computed ${hex(actual)}): the file is corrupt. Re-download or re-create it.`,
        );
      }
      return data;
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await source.close?.();
    },
  };
}

function hex(n: number): string {
  return `0x${n.toString(16).padStart(8, '0')}`;
}

/** Refuses a member before any of it is read or allocated. */
function checkLimits(entry: CentralEntry, limits: Limits, totalRead: number): void {
  const what = `Member ${quoteName(entry.name)}`;
  if (entry.uncompressedSize > limits.maxMemberBytes) {
    throw new LimitExceededError(
      'maxMemberBytes',
      entry.uncompressedSize,
      limits.maxMemberBytes,
      what,
    );
  }
  if (entry.method !== 'stored' && entry.compressedSize > limits.maxMemberBytes) {
    throw new LimitExceededError(
      'maxMemberBytes',
      entry.compressedSize,
      limits.maxMemberBytes,
      `${what} (compressed)`,
    );
  }
  if (totalRead + entry.uncompressedSize > limits.maxTotalBytes) {
    throw new LimitExceededError(
      'maxTotalBytes',
      totalRead + entry.uncompressedSize,
      limits.maxTotalBytes,
      `Reading ${what} (total read from the archive)`,
    );
  }
  if (entry.uncompressedSize > MiB) {
    const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
    if (ratio > limits.maxCompressionRatio) {
      throw new LimitExceededError(
        'maxCompressionRatio',
        Math.ceil(ratio),
        limits.maxCompressionRatio,
        `${what}'s compression ratio`,
      );
    }
  }
}

/**
 * Reads a member's local header, checks it against the central directory,
 * then reads and decompresses its data. A small member (header and data
 * together under {@link SMALL_MEMBER}) comes out of a shared read-ahead
 * window, so a model with thousands of small arrays costs a few reads instead
 * of two per member; a larger one reads its header, then its data straight
 * into its own buffer.
 */
async function readMember(
  source: ByteSource,
  entry: CentralEntry,
  window: ReadWindow,
): Promise<MemberOutput> {
  const name = entry.name;
  const headerLength = LOCAL_HEADER_SIZE + entry.rawName.length;
  if (entry.localOffset + headerLength > source.size) {
    throw invalidArchive(
      `The local header of member ${quoteName(name)} lies past the end of the file: the archive is truncated.`,
    );
  }
  const extent = entry.extentEnd - entry.localOffset;
  const small = extent <= SMALL_MEMBER;
  const head = small
    ? await window.view(entry.localOffset, Math.max(extent, headerLength))
    : await source.read(entry.localOffset, headerLength);
  const dataStart = entry.localOffset + checkLocalHeader(head, entry);
  const dataEnd = dataStart + entry.compressedSize;
  if (dataEnd > entry.extentEnd) {
    throw invalidArchive(
      `The data of member ${quoteName(name)} (${entry.compressedSize} bytes at ${dataStart}) runs into the next member or the central directory: the archive is corrupt or crafted.`,
    );
  }
  const out = new MemberOutput(entry.uncompressedSize, name);
  const compressed = (): Promise<Uint8Array> =>
    small
      ? Promise.resolve(head.subarray(dataStart - entry.localOffset, dataEnd - entry.localOffset))
      : source.read(dataStart, entry.compressedSize);
  switch (entry.method) {
    case 'stored':
      if (small) out.write(await compressed());
      else await readStored(source, dataStart, out);
      break;
    case 'deflate':
      if (small) await inflateWhole(await compressed(), out);
      else await inflateInto(chunksOf(source, dataStart, entry.compressedSize), out);
      break;
    case 'lzma':
      decodeZipLzma(await compressed(), out);
      break;
    case 'bzip2':
      decodeBzip2(await compressed(), out);
      break;
  }
  return out;
}

/** Checks a local header against the central directory; returns where the member's data starts. */
function checkLocalHeader(header: Uint8Array, entry: CentralEntry): number {
  const name = entry.name;
  if (u32(header, 0) !== SIG_LOCAL) {
    throw invalidArchive(
      `The local header of member ${quoteName(name)} is missing at offset ${entry.localOffset}: the archive is corrupt.`,
    );
  }
  const flags = u16(header, 6);
  const nameLen = u16(header, 26);
  const extraLen = u16(header, 28);
  if (
    nameLen !== entry.rawName.length ||
    !sameBytes(header.subarray(LOCAL_HEADER_SIZE, LOCAL_HEADER_SIZE + nameLen), entry.rawName)
  ) {
    throw invalidArchive(
      `The local header of member ${quoteName(name)} names a different member than the central directory: the archive is corrupt or crafted. Do not use it.`,
    );
  }
  if (flags & FLAG_ENCRYPTED) {
    throw invalidArchive(
      `Member ${quoteName(name)} is encrypted. skops files are never encrypted; decrypt the archive with the tool that made it.`,
    );
  }
  return LOCAL_HEADER_SIZE + nameLen + extraLen;
}

/**
 * Reads a stored member into its buffer in pieces, several in flight at once
 * (file reads run on Node's thread pool, and the page faults of a fresh
 * buffer then happen in parallel), checksumming each piece in order as it
 * arrives.
 */
async function readStored(source: ByteSource, offset: number, out: MemberOutput): Promise<void> {
  const target = out.bytes;
  const pending: Promise<void>[] = [];
  let issued = 0;
  const issue = (): void => {
    const from = issued;
    issued = Math.min(from + STORED_PIECE, target.length);
    const read = readInto(source, offset + from, target.subarray(from, issued));
    // A later piece may fail while an earlier one is awaited; it is awaited
    // (and its error thrown) in turn, so it must not count as unhandled.
    read.catch(() => undefined);
    pending.push(read);
  };
  while (issued < target.length && pending.length < PIECES_IN_FLIGHT) issue();
  for (let done = 0; done < target.length;) {
    await pending.shift();
    done = Math.min(done + STORED_PIECE, target.length);
    if (issued < target.length) issue();
    out.length = done;
    out.checksum();
  }
}

async function readInto(source: ByteSource, offset: number, target: Uint8Array): Promise<void> {
  if (source.readInto) {
    await source.readInto(offset, target);
    return;
  }
  for (let p = 0; p < target.length; p += READ_CHUNK) {
    const n = Math.min(READ_CHUNK, target.length - p);
    target.set(await source.read(offset + p, n), p);
  }
}

async function* chunksOf(
  source: ByteSource,
  offset: number,
  length: number,
): AsyncGenerator<Uint8Array> {
  for (let p = 0; p < length; p += READ_CHUNK)
    yield await source.read(offset + p, Math.min(READ_CHUNK, length - p));
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
