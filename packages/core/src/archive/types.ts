import type { Limits } from '../limits.js';

/** Compression methods of zip members that skops files use. */
export type CompressionMethod = 'stored' | 'deflate' | 'bzip2' | 'lzma';

/** One member of an opened archive, known from the central directory. */
export interface ArchiveEntry {
  readonly name: string;
  readonly method: CompressionMethod;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly crc32: number;
}

/**
 * Random access to the bytes of an archive: a Uint8Array in memory, or a file
 * handle behind the Node entry. Reads never go past `size`.
 */
export interface ByteSource {
  readonly size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
  /**
   * Fills `target` with the bytes at `offset`. Optional: sources that can read
   * straight into a caller's buffer (a file) avoid one copy of stored members.
   */
  readInto?(offset: number, target: Uint8Array): Promise<void>;
  close?(): Promise<void>;
}

/** An opened zip archive. Members are looked up by exact name only. */
export interface ArchiveReader {
  readonly entries: readonly ArchiveEntry[];
  has(name: string): boolean;
  entry(name: string): ArchiveEntry | undefined;
  /**
   * Reads and decompresses one member, checking its CRC-32 and the limits
   * before and while inflating. The returned bytes start at offset 0 of their
   * own buffer where the member had to be copied or decompressed.
   */
  read(name: string): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** Options for opening an archive. */
export interface OpenArchiveOptions {
  readonly limits: Limits;
}

/** One member to write. */
export interface ArchiveMemberInput {
  readonly name: string;
  readonly data: Uint8Array;
}

/**
 * One member as the writers take it: an {@link ArchiveMemberInput}, or its
 * bytes as chunks written one after another as if joined. A stored member's
 * chunks reach the output as they are, so a header and a view of large data
 * need not be joined into a new buffer first.
 */
export interface ArchiveMemberChunks {
  readonly name: string;
  readonly data: Uint8Array | readonly Uint8Array[];
}

/** How to write members. */
export interface ArchiveWriteOptions {
  readonly compression: 'stored' | 'deflate';
  /** DEFLATE level 0–9 (default 6, as Python's zlib). */
  readonly level?: number;
  /**
   * Writes ZIP64 records for every member and the end of the archive even
   * when nothing needs them (for tests of other readers). Default false:
   * ZIP64 is used only for sizes or offsets from 0xFFFFFFFF and above 65535 members.
   */
  readonly forceZip64?: boolean;
}
