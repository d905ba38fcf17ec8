// Child process (run with --expose-gc): performs ONE measured operation and
// prints {ms, rssBefore, maxRss} as JSON. A fresh process per run makes the
// peak resident set size (maxRSS) belong to that operation alone.
// Usage: node --expose-gc measure.mjs '<spec JSON>'
import { open, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';
import { inflateSync } from 'fflate';
import { dumps, getUntrustedTypes as untrustedOfBytes, loads } from '@skops-ts/core';
import { dump, getUntrustedTypes, load } from '@skops-ts/core/node';
import { numpyPlugin, numpyRecognisers } from '@skops-ts/numpy';
import { convertJoblib, convertPickle } from '@skops-ts/pickle';
import { INPUTS } from './inputs.mjs';

const spec = JSON.parse(process.argv[2]);
const plugins = [numpyPlugin];
const GiB = 2 ** 30;

/**
 * The whole file in memory, read into buffers allocated at its size (in 1 GiB
 * pieces beyond what one Uint8Array holds). Setup uses this rather than
 * readFile, whose transient second copy would raise the process's peak RSS
 * above what the measured operation itself needs.
 */
async function readWhole(path) {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const piece = size < 2 * GiB ? size : GiB;
    const pieces = [];
    for (let offset = 0; offset < size || pieces.length === 0; offset += piece) {
      const bytes = new Uint8Array(Math.min(piece, size - offset));
      for (let done = 0; done < bytes.length;) {
        const { bytesRead } = await handle.read(bytes, done, bytes.length - done, offset + done);
        if (bytesRead === 0) throw new Error(`${path} shrank while being read`);
        done += bytesRead;
      }
      pieces.push(bytes);
    }
    return pieces;
  } finally {
    await handle.close();
  }
}

/** The floor as the issue states it: `fs.readFile` (1 GiB pieces beyond its 2 GiB limit). */
async function readFloor(path) {
  const { size } = await stat(path);
  return size < 2 * GiB ? readFile(path) : readWhole(path);
}

/** Writes pieces one after another, as `dump` writes its chunks. */
async function writePieces(path, pieces) {
  if (pieces.length === 1) return writeFile(path, pieces[0]);
  const handle = await open(path, 'w');
  try {
    for (const p of pieces) await handle.write(p);
  } finally {
    await handle.close();
  }
}

/** Each member's compressed bytes and sizes, found by walking the local headers. */
function rawMembers(bytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = [];
  let p = 0;
  while (p + 30 <= bytes.length && view.getUint32(p, true) === 0x04034b50) {
    const method = view.getUint16(p + 8, true);
    const compressed = view.getUint32(p + 18, true);
    const size = view.getUint32(p + 22, true);
    const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
    const name = new TextDecoder().decode(
      bytes.subarray(p + 30, p + 30 + view.getUint16(p + 26, true)),
    );
    out.push({ name, method, size, data: bytes.subarray(start, start + compressed) });
    p = start + compressed;
  }
  return out;
}

const tmpPath = () => `${spec.file}.${process.pid}.out`;

/** Setup (not timed) and the timed operation for each kind of measurement. */
const OPERATIONS = {
  read: async () => () => readFloor(spec.file),
  // The least any JavaScript loader pays: the bytes read, and schema.json through the engine's native JSON.parse.
  json: async () => async () => {
    const bytes = await readFloor(spec.file);
    const schema = rawMembers(bytes).find((m) => m.name === 'schema.json');
    return JSON.parse(new TextDecoder().decode(schema.data));
  },
  copy: async () => {
    const pieces = await readWhole(spec.file);
    return () => pieces.map((p) => new Uint8Array(p));
  },
  write: async () => {
    const pieces = await readWhole(spec.file);
    return () => writePieces(tmpPath(), pieces);
  },
  loads: async () => {
    const [bytes] = await readWhole(spec.file);
    return () => loads(bytes, { plugins, trusted: spec.trusted });
  },
  load: async () => () => load(spec.file, { plugins, trusted: spec.trusted }),
  untrusted: async () => () => getUntrustedTypes({ file: spec.file }, { plugins }),
  'untrusted-bytes': async () => {
    const [bytes] = await readWhole(spec.file);
    return () => untrustedOfBytes(bytes, { plugins });
  },
  dumps: async () => {
    const value = INPUTS[spec.input].build(spec.scale);
    return () => dumps(value, { plugins, compression: spec.compression });
  },
  dump: async () => {
    const value = INPUTS[spec.input].build(spec.scale);
    return () => dump(value, tmpPath(), { plugins, compression: spec.compression });
  },
  convert: async () => {
    const [bytes] = await readWhole(spec.file);
    const convert = spec.variant === 'joblib' ? convertJoblib : convertPickle;
    return () => convert(bytes, { recognisers: numpyRecognisers });
  },
  // The decompression libraries alone on the same members: Node's zlib (what skops-ts uses in Node),
  // fflate (its fallback where neither zlib nor DecompressionStream exists), our LZMA decoder.
  fflate: async () => {
    const members = rawMembers((await readWhole(spec.file))[0]);
    return () =>
      members.map((m) =>
        m.method === 8 ? inflateSync(m.data, { out: new Uint8Array(m.size) }) : m.data,
      );
  },
  zlib: async () => {
    const members = rawMembers((await readWhole(spec.file))[0]);
    return () => members.map((m) => (m.method === 8 ? inflateRawSync(m.data) : m.data));
  },
  lzma: async () => {
    const { decodeZipLzma, MemberOutput } = await import(spec.lzmaDecoder);
    const members = rawMembers((await readWhole(spec.file))[0]);
    return () =>
      members.map((m, i) =>
        m.method === 14 ? decodeZipLzma(m.data, new MemberOutput(m.size, String(i))) : m.data,
      );
  },
};

const run = await OPERATIONS[spec.op]();
globalThis.gc();
const rssBefore = process.memoryUsage().rss;
const start = performance.now();
const result = await run();
const ms = performance.now() - start;
const maxRss = process.resourceUsage().maxRSS * 1024;
if (spec.op === 'write' || spec.op === 'dump') await rm(tmpPath(), { force: true });
if (result === undefined && spec.op !== 'write' && spec.op !== 'dump')
  throw new Error(`${spec.op} returned nothing`);
process.stdout.write(JSON.stringify({ ms, rssBefore, maxRss }));
