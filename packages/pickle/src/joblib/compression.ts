/** The compressions `joblib.dump` writes (lz4 needs an extra package and is refused). */
export type JoblibCompression = 'none' | 'zlib' | 'gzip' | 'bz2' | 'lzma' | 'xz' | 'lz4';

const MAGIC: ReadonlyArray<readonly [JoblibCompression, readonly number[]]> = [
  ['zlib', [0x78]],
  ['gzip', [0x1f, 0x8b]],
  ['bz2', [0x42, 0x5a, 0x68]],
  ['xz', [0xfd, 0x37, 0x7a, 0x58, 0x5a]],
  ['lzma', [0x5d, 0x00]],
  ['lz4', [0x04, 0x22, 0x4d, 0x18]],
];

/**
 * The compression of a joblib file, by magic bytes as joblib detects it
 * (never by file extension). None of these prefixes starts a valid pickle.
 */
export function detectCompression(bytes: Uint8Array): JoblibCompression {
  for (const [name, magic] of MAGIC) {
    if (magic.every((b, i) => bytes[i] === b)) return name;
  }
  return 'none';
}

/** joblib < 0.10 wrote `ZF` + a zlib stream with arrays in separate files. */
export function isLegacyZfile(bytes: Uint8Array): boolean {
  return bytes[0] === 0x5a && bytes[1] === 0x46;
}
