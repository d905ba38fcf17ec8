import { Gunzip, Unzlib } from 'fflate';
import { LimitExceededError, SkopsError, type Limits } from '@skops-ts/core';
import type { JoblibCompression } from './compression.js';
import { decodeBzip2 } from './bzip2.js';
import { decodeLzmaAlone, decodeXz } from './xz.js';

const CHUNK = 16 * 1024;
const RATIO_FLOOR = 1024 * 1024;

/** Counts decompressed bytes against the limits and stops the stream the moment one is passed. */
export class OutputBudget {
  private readonly chunks: Uint8Array[] = [];
  total = 0;

  constructor(
    private readonly limits: Pick<Limits, 'maxMemberBytes' | 'maxCompressionRatio'>,
    private readonly compressedSize: number,
  ) {}

  /** Throws LIMIT_EXCEEDED before the stream may grow past `extra` more bytes. */
  reserve(extra: number): void {
    const next = this.total + extra;
    if (next > this.limits.maxMemberBytes) {
      throw new LimitExceededError(
        'maxMemberBytes',
        next,
        this.limits.maxMemberBytes,
        'The decompressed joblib stream',
      );
    }
    const ratio = next / Math.max(1, this.compressedSize);
    if (next > RATIO_FLOOR && ratio > this.limits.maxCompressionRatio) {
      throw new LimitExceededError(
        'maxCompressionRatio',
        Math.ceil(ratio),
        this.limits.maxCompressionRatio,
        'The joblib compression ratio',
      );
    }
  }

  push(chunk: Uint8Array): void {
    this.reserve(chunk.length);
    this.total += chunk.length;
    this.chunks.push(chunk);
  }

  concat(): Uint8Array {
    if (this.chunks.length === 1) return this.chunks[0]!;
    const out = new Uint8Array(this.total);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

function corrupt(compression: string, cause: unknown): SkopsError {
  if (SkopsError.isInstance(cause)) return cause;
  const why = cause instanceof Error ? cause.message : String(cause);
  return new SkopsError(
    'INVALID_DATA',
    `The ${compression} stream of the joblib file is corrupt: ${why}.`,
    { cause },
  );
}

function inflate(input: Uint8Array, budget: OutputBudget, gzip: boolean): void {
  let ended = false;
  const onData = (chunk: Uint8Array, final: boolean): void => {
    budget.push(chunk);
    if (final) ended = true;
  };
  const stream = gzip ? new Gunzip(onData) : new Unzlib(onData);
  for (let i = 0; i < input.length; i += CHUNK)
    stream.push(input.subarray(i, i + CHUNK), i + CHUNK >= input.length);
  if (!ended) throw new Error('the stream ends early');
}

/**
 * Decompresses a joblib file (whole-file compression) within the
 * decompressed-size budget `limits.maxMemberBytes` and the ratio limit
 * `limits.maxCompressionRatio`, stopping mid-stream when one is passed.
 */
export function decompressJoblib(
  input: Uint8Array,
  compression: JoblibCompression,
  limits: Pick<Limits, 'maxMemberBytes' | 'maxCompressionRatio'>,
): Uint8Array {
  if (compression === 'none') return input;
  if (compression === 'lz4') {
    throw new SkopsError(
      'UNSUPPORTED_VALUE',
      'This joblib file is lz4-compressed, which is not supported; re-save it with compress=("zlib", 3) or ("xz", 3).',
    );
  }
  const budget = new OutputBudget(limits, input.length);
  try {
    if (compression === 'zlib' || compression === 'gzip')
      inflate(input, budget, compression === 'gzip');
    else if (compression === 'bz2') decodeBzip2(input, budget);
    else if (compression === 'xz') decodeXz(input, budget);
    else decodeLzmaAlone(input, budget);
  } catch (e) {
    throw corrupt(compression, e);
  }
  return budget.concat();
}
