"""Reads a PDF file's structure the way a reader finds its objects, so tests can tell a valid file.

No PDF library is a dependency; a reader needs the header, the `startxref` pointer to the
cross-reference table, every in-use entry of that table pointing at its `N 0 obj`, a trailer
naming the catalog, and the end-of-file marker. The text of a page is read from its content
stream (uncompressed here, as the emulator writes it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_STARTXREF = re.compile(rb"startxref\s+(\d+)\s+%%EOF\s*$")
_XREF_ENTRY = re.compile(rb"(\d{10}) (\d{5}) ([nf])( \n| \r|\r\n)")
_SHOWN = re.compile(rb"\(((?:\\.|[^\\)])*)\)\s*Tj")


@dataclass(frozen=True, slots=True)
class PdfFile:
    version: str
    objects: dict[int, bytes]
    """Each object's body, by number, found through the cross-reference table."""
    trailer: bytes

    @property
    def text(self) -> str:
        """Every string the pages show, one line each."""
        shown = [
            match.group(1)
            for body in self.objects.values()
            if b"stream" in body
            for match in _SHOWN.finditer(body)
        ]
        unescaped = [re.sub(rb"\\(.)", rb"\1", raw).decode("cp1252") for raw in shown]
        return "\n".join(unescaped)

    @property
    def page_count(self) -> int:
        return sum(1 for body in self.objects.values() if re.search(rb"/Type\s*/Page\b", body))


def read_pdf(data: bytes) -> PdfFile:
    """The file's structure; AssertionError at the first thing a reader would fail on."""
    header = re.match(rb"%PDF-(1\.[0-7])\r?\n", data)
    assert header, f"no PDF header: {data[:16]!r}"
    end = _STARTXREF.search(data)
    assert end, "no startxref and %%EOF at the end"
    xref_at = int(end.group(1))
    assert data[xref_at:].startswith(b"xref"), f"startxref {xref_at} does not point at the xref table"
    section = re.match(rb"xref\r?\n(\d+) (\d+)\r?\n", data[xref_at:])
    assert section, "no xref subsection header"
    first, count = int(section.group(1)), int(section.group(2))
    position = xref_at + section.end()
    objects: dict[int, bytes] = {}
    for number in range(first, first + count):
        entry = _XREF_ENTRY.match(data, position)
        assert entry, f"xref entry {number} is unreadable"
        assert entry.end() - position == 20, f"xref entry {number} is not 20 bytes"
        position = entry.end()
        if entry.group(3) == b"f":
            continue
        offset = int(entry.group(1))
        opened = f"{number} {int(entry.group(2))} obj".encode()
        assert data[offset:].startswith(opened), f"xref offset of object {number} points elsewhere"
        closing = data.index(b"endobj", offset)
        objects[number] = data[offset + len(opened) : closing]
    trailer = data[position:]
    assert trailer.startswith(b"trailer"), "no trailer after the xref table"
    root = re.search(rb"/Root (\d+) 0 R", trailer)
    assert root, "the trailer names no root"
    assert b"/Type /Catalog" in objects[int(root.group(1))], "the trailer's root is no catalog"
    size = re.search(rb"/Size (\d+)", trailer)
    assert size, "the trailer has no size"
    assert int(size.group(1)) == first + count, "the trailer's size disagrees with the xref"
    for body in objects.values():
        length = re.search(rb"/Length (\d+)", body)
        if length:
            start = body.index(b"stream") + len(b"stream\n")
            assert body[start + int(length.group(1)) :].strip() == b"endstream", "a stream's length is wrong"
    return PdfFile(header.group(1).decode(), objects, trailer)


__all__ = ["PdfFile", "read_pdf"]
