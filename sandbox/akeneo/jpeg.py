"""A tiny baseline JPEG encoder for the media files the emulator serves.

Each picture is a grid of flat 8×8 blocks (only DC coefficients are coded), shaded from a colour
derived from the file's code, so every product gets its own deterministic, valid JPEG of a few
hundred bytes without an imaging library.
"""

from __future__ import annotations

import hashlib
import struct

WIDTH = 96
HEIGHT = 120
QUANT = 8
"""Every quantization step; with 8, a flat block's DC coefficient equals its level-shifted sample."""

# Huffman tables as (counts of codes of length 1..16, symbols). DC: ITU T.81 Annex K luminance;
# AC: only end-of-block (and zero-run, unused), since every block is flat.
DC_TABLE = ((0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0), tuple(range(12)))
AC_TABLE = ((1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), (0x00, 0xF0))
EOB = 0x00


def _codes(table: tuple[tuple[int, ...], tuple[int, ...]]) -> dict[int, tuple[int, int]]:
    """Canonical Huffman codes: symbol → (code, length)."""
    counts, symbols = table
    codes: dict[int, tuple[int, int]] = {}
    code = 0
    index = 0
    for length, count in enumerate(counts, start=1):
        for _ in range(count):
            codes[symbols[index]] = (code, length)
            code += 1
            index += 1
        code <<= 1
    return codes


DC_CODES = _codes(DC_TABLE)
AC_CODES = _codes(AC_TABLE)


class _BitWriter:
    def __init__(self) -> None:
        self.out = bytearray()
        self._acc = 0
        self._bits = 0

    def write(self, value: int, length: int) -> None:
        self._acc = (self._acc << length) | (value & ((1 << length) - 1))
        self._bits += length
        while self._bits >= 8:
            self._bits -= 8
            byte = (self._acc >> self._bits) & 0xFF
            self.out.append(byte)
            if byte == 0xFF:
                self.out.append(0x00)  # byte stuffing
        self._acc &= (1 << self._bits) - 1

    def flush(self) -> bytes:
        if self._bits:
            self.write((1 << (8 - self._bits)) - 1, 8 - self._bits)  # pad with ones
        return bytes(self.out)


def _segment(marker: int, payload: bytes) -> bytes:
    return struct.pack(">HH", marker, len(payload) + 2) + payload


def _ycbcr(r: float, g: float, b: float) -> tuple[int, int, int]:
    y = 0.299 * r + 0.587 * g + 0.114 * b
    cb = 128 - 0.168736 * r - 0.331264 * g + 0.5 * b
    cr = 128 + 0.5 * r - 0.418688 * g - 0.081312 * b
    return tuple(max(0, min(255, round(c))) for c in (y, cb, cr))  # type: ignore[return-value]


def _encode_dc(writer: _BitWriter, diff: int) -> None:
    size = abs(diff).bit_length()
    code, length = DC_CODES[size]
    writer.write(code, length)
    if size:
        writer.write(diff if diff > 0 else diff + (1 << size) - 1, size)
    code, length = AC_CODES[EOB]
    writer.write(code, length)


def render(key: str, width: int = WIDTH, height: int = HEIGHT) -> bytes:
    """A JPEG for `key`: its hue comes from the key's hash, shaded lighter towards the bottom."""
    digest = hashlib.sha256(key.encode()).digest()
    base = (60 + digest[0] % 150, 60 + digest[1] % 150, 60 + digest[2] % 150)
    cols, rows = (width + 7) // 8, (height + 7) // 8
    writer = _BitWriter()
    previous = [0, 0, 0]
    for row in range(rows):
        light = row / max(1, rows - 1)
        for col in range(cols):
            edge = 0.85 if col in (0, cols - 1) else 1.0  # a darker frame at both sides
            rgb = [(c + (255 - c) * light * 0.6) * edge for c in base]
            for component, sample in enumerate(_ycbcr(*rgb)):
                dc = round((sample - 128) * 8 / QUANT)
                _encode_dc(writer, dc - previous[component])
                previous[component] = dc
    header = b"\xff\xd8" + _segment(0xFFE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")
    header += _segment(0xFFDB, b"\x00" + bytes([QUANT] * 64))
    components = b"".join(bytes((i, 0x11, 0)) for i in (1, 2, 3))
    header += _segment(0xFFC0, struct.pack(">BHHB", 8, height, width, 3) + components)
    tables = b""
    for klass, (counts, symbols) in ((0x00, DC_TABLE), (0x10, AC_TABLE)):
        tables += bytes((klass, *counts, *symbols))
    header += _segment(0xFFC4, tables)
    header += _segment(0xFFDA, bytes((3, 1, 0x00, 2, 0x00, 3, 0x00, 0, 63, 0)))
    return header + writer.flush() + b"\xff\xd9"


__all__ = ["HEIGHT", "WIDTH", "render"]
