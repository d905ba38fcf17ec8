import type { ByteSource } from './types.js';

const WINDOW = 1024 * 1024;

/**
 * A read-ahead window over a byte source: a request it covers is a view into
 * it (waiting for the window's read if that is still under way); any other
 * request replaces it with one read of at least 1 MiB from the requested
 * offset. Members are usually read in file order, so runs of small members
 * cost one read per window, not two per member, also when several members
 * are read at once.
 */
export class ReadWindow {
  private start = 0;
  private end = 0;
  private bytes: Promise<Uint8Array> = Promise.resolve(new Uint8Array(0));

  constructor(private readonly source: ByteSource) {}

  /** `length` bytes at `offset`; the caller has checked they lie within the source. */
  async view(offset: number, length: number): Promise<Uint8Array> {
    if (offset < this.start || offset + length > this.end) {
      const size = Math.min(Math.max(WINDOW, length), this.source.size - offset);
      this.start = offset;
      this.end = offset + size;
      this.bytes = this.source.read(offset, size);
    }
    const from = offset - this.start;
    const bytes = await this.bytes;
    return bytes.subarray(from, from + length);
  }
}
