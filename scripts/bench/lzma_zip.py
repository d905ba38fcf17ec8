"""LZMA side of the benchmark, with Python's standard library only.

  lzma_zip.py convert IN OUT   rewrite the stored skops file IN as OUT with every
                           member compressed ZIP_LZMA, as Python's zipfile
                           writes it (skops-ts writes only stored / DEFLATE)
  lzma_zip.py inflate FILE     time liblzma (through Python's lzma module)
                           decompressing every member of FILE; prints JSON

`convert` uses LZMA preset 1 instead of zipfile's default 6: at preset 6
compressing a few hundred MB takes many minutes, and the decoder's work per
output byte hardly depends on the preset.
"""

import json
import lzma
import struct
import sys
import time
import zipfile


class FastLZMACompressor:
    """zipfile.LZMACompressor with preset 1 (same member layout: version, properties, raw LZMA1)."""

    def __init__(self):
        self._comp = None

    def _init(self):
        props = lzma._encode_filter_properties({"id": lzma.FILTER_LZMA1, "preset": 1})
        self._comp = lzma.LZMACompressor(
            lzma.FORMAT_RAW,
            filters=[lzma._decode_filter_properties(lzma.FILTER_LZMA1, props)],
        )
        return struct.pack("<BBH", 9, 4, len(props)) + props

    def compress(self, data):
        if self._comp is None:
            return self._init() + self._comp.compress(data)
        return self._comp.compress(data)

    def flush(self):
        if self._comp is None:
            return self._init() + self._comp.flush()
        return self._comp.flush()


def convert(src, dst):
    zipfile.LZMACompressor = FastLZMACompressor
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", compression=zipfile.ZIP_LZMA) as zout:
        for info in zin.infolist():
            with zin.open(info) as f, zout.open(info.filename, "w", force_zip64=info.file_size > 2**31) as g:
                while True:
                    chunk = f.read(1 << 24)
                    if not chunk:
                        break
                    g.write(chunk)


def raw_members(path):
    """(compressed bytes, uncompressed size) of each member, read without decompressing."""
    with zipfile.ZipFile(path) as z, open(path, "rb") as f:
        out = []
        for info in z.infolist():
            f.seek(info.header_offset)
            header = f.read(30)
            name_len, extra_len = struct.unpack("<HH", header[26:30])
            f.seek(info.header_offset + 30 + name_len + extra_len)
            out.append((f.read(info.compress_size), info.file_size))
        return out


def inflate(path):
    members = raw_members(path)
    start = time.perf_counter()
    total = 0
    for data, size in members:
        (props_len,) = struct.unpack("<H", data[2:4])
        props = data[4 : 4 + props_len]
        dec = lzma.LZMADecompressor(
            lzma.FORMAT_RAW,
            filters=[lzma._decode_filter_properties(lzma.FILTER_LZMA1, props)],
        )
        total += len(dec.decompress(data[4 + props_len :], size))
    ms = (time.perf_counter() - start) * 1000
    print(json.dumps({"ms": ms, "bytes": total}))


if __name__ == "__main__":
    if sys.argv[1] == "convert":
        convert(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == "inflate":
        inflate(sys.argv[2])
    else:
        sys.exit(f"unknown command {sys.argv[1]!r}")
