import { invalidPickle } from '../errors.js';

/**
 * A bounds-checked position in the stream. Every length is compared with
 * the bytes that remain BEFORE anything is sliced or allocated, so a length
 * field claiming 2^40 bytes fails at once.
 */
export class Cursor {
  readonly bytes: Uint8Array;
  readonly view: DataView;
  pos: number;

  constructor(bytes: Uint8Array, pos: number) {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.pos = pos;
  }

  get remaining(): number {
    return this.bytes.length - this.pos;
  }

  /** Throws unless `n` more bytes exist; `what` names the field for the message. */
  need(n: number | bigint, what: string): number {
    if (n > this.remaining) {
      throw invalidPickle(
        `truncated: ${what} needs ${n} bytes but only ${this.remaining} remain`,
        this.pos,
      );
    }
    return Number(n);
  }

  u8(what: string): number {
    this.need(1, what);
    return this.bytes[this.pos++]!;
  }

  u16(what: string): number {
    this.need(2, what);
    const v = this.view.getUint16(this.pos, true);
    this.pos += 2;
    return v;
  }

  i32(what: string): number {
    this.need(4, what);
    const v = this.view.getInt32(this.pos, true);
    this.pos += 4;
    return v;
  }

  u32(what: string): number {
    this.need(4, what);
    const v = this.view.getUint32(this.pos, true);
    this.pos += 4;
    return v;
  }

  u64(what: string): bigint {
    this.need(8, what);
    const v = this.view.getBigUint64(this.pos, true);
    this.pos += 8;
    return v;
  }

  f64be(what: string): number {
    this.need(8, what);
    const v = this.view.getFloat64(this.pos, false);
    this.pos += 8;
    return v;
  }

  /** A view of the next `n` bytes (no copy). */
  take(n: number | bigint, what: string): Uint8Array {
    const len = this.need(n, what);
    const out = this.bytes.subarray(this.pos, this.pos + len);
    this.pos += len;
    return out;
  }

  /** A protocol 0 argument line, without its `\n`. */
  line(what: string): Uint8Array {
    const end = this.bytes.indexOf(0x0a, this.pos);
    if (end < 0) throw invalidPickle(`truncated: ${what} has no end of line`, this.pos);
    const out = this.bytes.subarray(this.pos, end);
    this.pos = end + 1;
    return out;
  }
}

/** Latin-1 view of bytes: one char per byte, for text arguments and messages. */
export function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 4096)
    s += String.fromCharCode(...bytes.subarray(i, i + 4096));
  return s;
}
