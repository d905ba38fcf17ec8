import { NODE_ZLIB, type NodeZlib } from './node-zlib.js';

/**
 * CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320) as zip uses it,
 * slicing-by-8: eight 256-entry tables let the loop consume 8 bytes per step.
 */
function buildTables(): Uint32Array {
  const tables = new Uint32Array(256 * 8);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    tables[n] = c >>> 0;
  }
  for (let n = 0; n < 256; n++) {
    let c = tables[n]!;
    for (let t = 1; t < 8; t++) {
      c = tables[c & 0xff]! ^ (c >>> 8);
      tables[t * 256 + n] = c >>> 0;
    }
  }
  return tables;
}

// A pure constant (about 0.1 ms to build); bundlers drop it when unused.
const TABLES = /* @__PURE__ */ buildTables();

/** Continues a CRC-32 over `data`; start with `crc = 0`. */
type Crc32Update = (crc: number, data: Uint8Array) => number;

// zlib takes 32-bit lengths; a Uint8Array may be 4 GiB or more.
const NATIVE_SLICE = 1 << 30;

function nativeCrc32(zlib: NodeZlib): Crc32Update {
  return (crc, data) => {
    let c = crc;
    for (let p = 0; p < data.length; p += NATIVE_SLICE)
      c = zlib.crc32(data.subarray(p, p + NATIVE_SLICE), c);
    return c;
  };
}

/** The table loop, for platforms without a native CRC-32. */
export function crc32Js(crc: number, data: Uint8Array): number {
  const t = TABLES;
  let c = ~crc >>> 0;
  let i = 0;
  const n = data.length;
  const end8 = n - (n % 8);
  while (i < end8) {
    const a = (data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24)) ^ c;
    const b = data[i + 4]! | (data[i + 5]! << 8) | (data[i + 6]! << 16) | (data[i + 7]! << 24);
    c =
      t[7 * 256 + (a & 0xff)]! ^
      t[6 * 256 + ((a >>> 8) & 0xff)]! ^
      t[5 * 256 + ((a >>> 16) & 0xff)]! ^
      t[4 * 256 + (a >>> 24)]! ^
      t[3 * 256 + (b & 0xff)]! ^
      t[2 * 256 + ((b >>> 8) & 0xff)]! ^
      t[256 + ((b >>> 16) & 0xff)]! ^
      t[b >>> 24]!;
    i += 8;
  }
  while (i < n) c = t[(c ^ data[i++]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/** The fastest CRC-32 this platform offers; same results everywhere. */
export const crc32Update: Crc32Update = NODE_ZLIB ? nativeCrc32(NODE_ZLIB) : crc32Js;

/** CRC-32 of `data`, as stored in zip headers. */
export function crc32(data: Uint8Array): number {
  return crc32Update(0, data);
}
