import { invalidArchive, quoteName } from './archive-errors.js';
import { crc32Update } from './crc32.js';

/**
 * The buffer a member decompresses into, sized from its declared (and
 * limit-checked) uncompressed size. Writing past that size stops the
 * decompressor at once: the stream lies about its size, so it is refused
 * without producing the rest. The CRC-32 runs over what was written while it
 * is still in cache (`write`) or piece by piece while the next piece is read
 * (`checksum`), never as a second pass over the whole member.
 */
export class MemberOutput {
  readonly bytes: Uint8Array;
  readonly name: string;
  length = 0;
  private crc = 0;
  private summed = 0;

  constructor(size: number, name: string) {
    this.bytes = new Uint8Array(size);
    this.name = name;
  }

  get remaining(): number {
    return this.bytes.length - this.length;
  }

  write(chunk: Uint8Array): void {
    if (chunk.length > this.remaining) throw this.overflow();
    this.bytes.set(chunk, this.length);
    this.length += chunk.length;
    this.checksum();
  }

  /** The CRC-32 of the bytes written so far (decoders that fill `bytes` directly just move `length`). */
  checksum(): number {
    if (this.summed < this.length) {
      this.crc = crc32Update(this.crc, this.bytes.subarray(this.summed, this.length));
      this.summed = this.length;
    }
    return this.crc;
  }

  overflow(): Error {
    return invalidArchive(
      `Member ${quoteName(this.name)} decompresses to more than the ${this.bytes.length} bytes its header declares; ` +
        'decompression was stopped. The archive is corrupt or crafted (a zip bomb); do not use it.',
    );
  }

  /** Refuses a stream that ended before producing the declared size. */
  finish(): Uint8Array {
    if (this.length !== this.bytes.length) {
      throw invalidArchive(
        `Member ${quoteName(this.name)} decompresses to ${this.length} bytes but its header declares ${this.bytes.length}: the archive is corrupt or truncated.`,
      );
    }
    return this.bytes;
  }
}
