import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { SkopsError } from '../src/errors/skops-error.js';
import {
  inflateFflate,
  inflateNative,
  inflateNodeZlib,
  inflateWhole,
} from '../src/archive/inflate-member.js';
import * as zlib from 'node:zlib';
import { MemberOutput } from '../src/archive/member-output.js';

const MiB = 1024 * 1024;

function sample(size: number): Uint8Array {
  const data = new Uint8Array(size);
  let x = 12345;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    data[i] = x >>> 24 < 96 ? x & 0xff : 0;
  }
  return data;
}

async function* pieces(data: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let p = 0; p < data.length; p += size) yield data.subarray(p, p + size);
}

type Inflate = (chunks: AsyncIterable<Uint8Array>, out: MemberOutput) => Promise<Uint8Array>;
const inflaters: [string, Inflate][] = [
  ["Node's zlib", (chunks, out) => inflateNodeZlib(zlib, chunks, out)],
  [
    "the platform's DecompressionStream (browsers)",
    (chunks, out) => inflateNative(new DecompressionStream('deflate-raw'), chunks, out),
  ],
  ['fflate (platforms with neither)', inflateFflate],
];

describe.each(inflaters)('inflating a member with %s', (_, run) => {
  it('produces the original bytes and their CRC-32 from a stream fed in uneven pieces', async () => {
    const data = sample(3 * MiB + 17);
    const out = new MemberOutput(data.length, 'm');
    const result = await run(pieces(deflateSync(data, { level: 6 }), 65_537), out);
    expect(Buffer.from(result).equals(Buffer.from(data))).toBe(true);
    const whole = new MemberOutput(data.length, 'w');
    whole.write(data);
    expect(out.checksum()).toBe(whole.checksum());
  });

  it('stops a stream that inflates past the declared size, within a bounded overshoot', async () => {
    const bomb = deflateSync(new Uint8Array(64 * MiB), { level: 9 });
    const out = new MemberOutput(MiB, 'bomb');
    let produced = 0;
    const write = out.write.bind(out);
    out.write = (chunk: Uint8Array): void => {
      produced += chunk.length;
      write(chunk);
    };
    await expect(run(pieces(bomb, 4096), out)).rejects.toMatchObject({
      code: 'INVALID_ARCHIVE',
      message: expect.stringContaining('zip bomb'),
    });
    expect(produced).toBeLessThan(MiB + 20 * MiB);
  });

  it('refuses corrupt compressed bytes with INVALID_ARCHIVE', async () => {
    const compressed = deflateSync(sample(200_000));
    compressed.fill(0xff, 10, 60);
    await expect(
      run(pieces(compressed, 1000), new MemberOutput(200_000, 'm')),
    ).rejects.toMatchObject({ code: 'INVALID_ARCHIVE' });
  });

  it('refuses a stream that ends before the declared size', async () => {
    const compressed = deflateSync(sample(200_000));
    await expect(
      run(
        pieces(compressed.subarray(0, compressed.length >> 1), 1000),
        new MemberOutput(200_000, 'm'),
      ),
    ).rejects.toMatchObject({ code: 'INVALID_ARCHIVE' });
  });

  it('passes on the error of a failing read instead of waiting for more input', async () => {
    const compressed = deflateSync(sample(200_000));
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield compressed.subarray(0, 1000);
      throw new SkopsError('INVALID_ARCHIVE', 'the file shrank while being read');
    }
    await expect(run(failing(), new MemberOutput(200_000, 'm'))).rejects.toThrow(
      'the file shrank while being read',
    );
  });
});

describe('inflating a small member whose compressed bytes are all in hand', () => {
  it('produces the original bytes', async () => {
    const data = sample(100_000);
    const out = new MemberOutput(data.length, 'm');
    const result = await inflateWhole(deflateSync(data), out);
    expect(Buffer.from(result).equals(Buffer.from(data))).toBe(true);
  });

  it('stops a stream that inflates past the declared size and calls it a zip bomb', async () => {
    await expect(
      inflateWhole(deflateSync(new Uint8Array(64 * MiB)), new MemberOutput(1000, 'bomb')),
    ).rejects.toMatchObject({
      code: 'INVALID_ARCHIVE',
      message: expect.stringContaining('zip bomb'),
    });
  });

  it('refuses corrupt and truncated streams with INVALID_ARCHIVE', async () => {
    const compressed = deflateSync(sample(100_000));
    const corrupt = compressed.slice();
    corrupt.fill(0xff, 10, 60);
    await expect(inflateWhole(corrupt, new MemberOutput(100_000, 'm'))).rejects.toMatchObject({
      code: 'INVALID_ARCHIVE',
    });
    await expect(
      inflateWhole(compressed.subarray(0, compressed.length >> 1), new MemberOutput(100_000, 'm')),
    ).rejects.toMatchObject({ code: 'INVALID_ARCHIVE' });
  });
});
