import type { ByteSource } from './types.js';

const WINDOW = 1024 * 1024;

/**
 * A read-ahead window over a byte source: a request it already covers is a
 * view into it; any other request replaces it with one read of at least
 * 1 MiB from the requested offset. Members are usually read in file order,
 * so runs of small members cost one read per window, not two per member.
 */
export class ReadWindow {
  private start = 0;
  private bytes: Uint8Array = new Uint8Array(0);

  constructor(private readonly source: ByteSource) {}

  /** `length` bytes at `offset`; the caller has checked they lie within the source. */
  async view(offset: number, length: number): Promise<Uint8Array> {
    const from = offset - this.start;
    if (from < 0 || from + length > this.bytes.length) {
      const size = Math.min(Math.max(WINDOW, length), this.source.size - offset);
      this.bytes = await this.source.read(offset, size);
      this.start = offset;
      return this.bytes.subarray(0, length);
    }
    return this.bytes.subarray(from, from + length);
  }
}
