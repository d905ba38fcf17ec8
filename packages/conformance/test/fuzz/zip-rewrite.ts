import fc from 'fast-check';

/** A header field of a zip record: where it sits and how wide it is. */
export interface ZipField {
  readonly record: string;
  readonly name: string;
  readonly offset: number;
  readonly size: 1 | 2 | 4 | 8;
}

const LOCAL: readonly [string, number, 2 | 4][] = [
  ['version', 4, 2],
  ['flags', 6, 2],
  ['method', 8, 2],
  ['time', 10, 2],
  ['date', 12, 2],
  ['crc32', 14, 4],
  ['compressedSize', 18, 4],
  ['uncompressedSize', 22, 4],
  ['nameLength', 26, 2],
  ['extraLength', 28, 2],
];
const CENTRAL: readonly [string, number, 2 | 4][] = [
  ['versionMadeBy', 4, 2],
  ['versionNeeded', 6, 2],
  ['flags', 8, 2],
  ['method', 10, 2],
  ['time', 12, 2],
  ['date', 14, 2],
  ['crc32', 16, 4],
  ['compressedSize', 20, 4],
  ['uncompressedSize', 24, 4],
  ['nameLength', 28, 2],
  ['extraLength', 30, 2],
  ['commentLength', 32, 2],
  ['diskStart', 34, 2],
  ['internalAttributes', 36, 2],
  ['externalAttributes', 38, 4],
  ['localOffset', 42, 4],
];
const EOCD: readonly [string, number, 2 | 4][] = [
  ['disk', 4, 2],
  ['centralDisk', 6, 2],
  ['entriesOnDisk', 8, 2],
  ['entries', 10, 2],
  ['centralSize', 12, 4],
  ['centralOffset', 16, 4],
  ['commentLength', 20, 2],
];
const EOCD64: readonly [string, number, 4 | 8 | 2][] = [
  ['recordSize', 4, 8],
  ['versionMadeBy', 12, 2],
  ['versionNeeded', 14, 2],
  ['disk', 16, 4],
  ['centralDisk', 20, 4],
  ['entriesOnDisk', 24, 8],
  ['entries', 32, 8],
  ['centralSize', 40, 8],
  ['centralOffset', 48, 8],
];
const LOCATOR64: readonly [string, number, 4 | 8][] = [
  ['disk', 4, 4],
  ['eocd64Offset', 8, 8],
  ['totalDisks', 16, 4],
];

const u16 = (b: Uint8Array, at: number): number => (b[at] ?? 0) | ((b[at + 1] ?? 0) << 8);
const u32 = (b: Uint8Array, at: number): number => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;
const sigAt = (b: Uint8Array, at: number, sig: number): boolean =>
  at >= 0 && at + 4 <= b.length && u32(b, at) === sig;

/**
 * Every header field, name and extra field of a well-formed archive (ours,
 * without an archive comment), found by walking it from the end.
 */
export function zipFields(zip: Uint8Array): ZipField[] {
  const fields: ZipField[] = [];
  const add = (
    record: string,
    at: number,
    table: readonly (readonly [string, number, number])[],
  ): void => {
    for (const [name, offset, size] of table)
      fields.push({ record, name, offset: at + offset, size: size as ZipField['size'] });
  };
  const eocd = zip.length - 22;
  if (!sigAt(zip, eocd, 0x06054b50)) throw new Error('not one of our archives');
  add('eocd', eocd, EOCD);
  let count = u16(zip, eocd + 10);
  let central = u32(zip, eocd + 16);
  if (sigAt(zip, eocd - 20, 0x07064b50)) {
    add('zip64 locator', eocd - 20, LOCATOR64);
    const at = Number(new DataView(zip.buffer, zip.byteOffset).getBigUint64(eocd - 20 + 8, true));
    add('zip64 eocd', at, EOCD64);
    const view = new DataView(zip.buffer, zip.byteOffset);
    count = Number(view.getBigUint64(at + 32, true));
    central = Number(view.getBigUint64(at + 48, true));
  }
  for (let i = 0; i < count; i++) {
    const record = `central[${i}]`;
    add(record, central, CENTRAL);
    const nameLength = u16(zip, central + 28);
    const extraLength = u16(zip, central + 30);
    for (let k = 0; k < nameLength; k++)
      fields.push({ record, name: `name[${k}]`, offset: central + 46 + k, size: 1 });
    for (let k = 0; k < extraLength; k++)
      fields.push({ record, name: `extra[${k}]`, offset: central + 46 + nameLength + k, size: 1 });
    let local = u32(zip, central + 42);
    if (local === 0xffffffff && extraLength >= 4) {
      // ZIP64 extra: the local offset is the last 8-byte value of the field.
      const extraEnd = central + 46 + nameLength + extraLength;
      local = Number(new DataView(zip.buffer, zip.byteOffset).getBigUint64(extraEnd - 8, true));
    }
    if (sigAt(zip, local, 0x04034b50)) {
      const lrecord = `local[${i}]`;
      add(lrecord, local, LOCAL);
      const ln = u16(zip, local + 26);
      const le = u16(zip, local + 28);
      for (let k = 0; k < ln; k++)
        fields.push({ record: lrecord, name: `name[${k}]`, offset: local + 30 + k, size: 1 });
      for (let k = 0; k < le; k++)
        fields.push({ record: lrecord, name: `extra[${k}]`, offset: local + 30 + ln + k, size: 1 });
    }
    central += 46 + nameLength + extraLength + u16(zip, central + 32);
  }
  return fields;
}

/** A new value for a field: nearby, all ones, zero, the ZIP64 marker, or random. */
export interface FieldRewrite {
  readonly pick: number;
  readonly how: 'random' | 'zero' | 'ones' | 'plus' | 'minus' | 'marker' | 'char';
  readonly value: bigint;
}

export const fieldRewrite: fc.Arbitrary<FieldRewrite> = fc.record({
  pick: fc.nat(),
  how: fc.constantFrom('random', 'zero', 'ones', 'plus', 'minus', 'marker', 'char'),
  value: fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
});

const NAME_CHARS = [0x2e, 0x2f, 0x5c, 0x3a, 0x00, 0x80, 0xff, 0x41];

/** Applies rewrites to a copy of `zip`; returns the copy and a description of each change. */
export function rewriteZip(
  zip: Uint8Array,
  fields: readonly ZipField[],
  rewrites: readonly FieldRewrite[],
): { bytes: Uint8Array; what: string[] } {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const what: string[] = [];
  for (const r of rewrites) {
    const f = fields[r.pick % fields.length] as ZipField;
    const bits = BigInt(f.size * 8);
    const mask = (1n << bits) - 1n;
    let old: bigint;
    if (f.size === 1) old = BigInt(out[f.offset] ?? 0);
    else if (f.size === 2) old = BigInt(view.getUint16(f.offset, true));
    else if (f.size === 4) old = BigInt(view.getUint32(f.offset, true));
    else old = view.getBigUint64(f.offset, true);
    let v: bigint;
    switch (r.how) {
      case 'zero':
        v = 0n;
        break;
      case 'ones':
        v = mask;
        break;
      case 'plus':
        v = (old + 1n + (r.value % 64n)) & mask;
        break;
      case 'minus':
        v = (old - 1n - (r.value % 64n)) & mask;
        break;
      case 'marker':
        v = f.size >= 4 ? 0xffffffffn & mask : 0xffffn & mask;
        break;
      case 'char':
        v = BigInt(NAME_CHARS[Number(r.value % BigInt(NAME_CHARS.length))] as number) & mask;
        break;
      default:
        v = r.value & mask;
    }
    if (f.size === 1) out[f.offset] = Number(v);
    else if (f.size === 2) view.setUint16(f.offset, Number(v), true);
    else if (f.size === 4) view.setUint32(f.offset, Number(v), true);
    else view.setBigUint64(f.offset, v, true);
    what.push(`${f.record}.${f.name} ${old} -> ${v}`);
  }
  return { bytes: out, what };
}
