"""A PDF written by hand: what Odoo's report engine hands back, small enough to read in a test.

PDF 1.4 with the objects pages of text need (catalog, page tree, each page and its content stream)
and the standard Helvetica font, which every reader has built in, so nothing is embedded. The
cross-reference table gives each object's byte offset, as readers use it to find them.
"""

from __future__ import annotations

from collections.abc import Sequence

PAGE_WIDTH = 595
PAGE_HEIGHT = 842
"""A4 in points, Odoo's default paper format."""
MARGIN = 56
LEADING = 16
"""Points between two lines of text."""
Line = tuple[str, int]
"""A line of text and its font size in points."""


def _escape(text: str) -> bytes:
    """`text` as a PDF literal string body: WinAnsi bytes (Windows-1252, `€` included), delimiters escaped."""
    raw = text.encode("cp1252", errors="replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _content(lines: Sequence[Line]) -> bytes:
    """The page's drawing operators: each (text, font size) on its own line, top to bottom."""
    ops = [b"BT", f"{MARGIN} {PAGE_HEIGHT - MARGIN} Td".encode()]
    for index, (text, size) in enumerate(lines):
        if index:
            ops.append(f"0 -{max(LEADING, size + 6)} Td".encode())
        ops.append(f"/F1 {size} Tf".encode())
        ops.append(b"(" + _escape(text) + b") Tj")
    ops.append(b"ET")
    return b"\n".join(ops) + b"\n"


def pdf_document(pages: Sequence[Sequence[Line]], *, title: str) -> bytes:
    """A whole PDF file, one page per entry of `pages` (its lines top to bottom), `title` in its info."""
    font = 3
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"",  # the page tree, once the pages' numbers are known
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    kids: list[str] = []
    for lines in pages:
        stream = _content(lines)
        page, contents = len(objects) + 1, len(objects) + 2
        kids.append(f"{page} 0 R")
        objects.append(
            (
                f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] "
                f"/Resources << /Font << /F1 {font} 0 R >> >> /Contents {contents} 0 R >>"
            ).encode()
        )
        objects.append(b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"endstream")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>".encode()
    objects.append(b"<< /Title (" + _escape(title) + b") /Producer (Odoo) >>")
    # The binary comment line tells transfer tools the file is binary, as the specification advises.
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets: list[int] = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n".encode()
    # Each entry is exactly 20 bytes: 10-digit offset, 5-digit generation, type, two-byte end of line.
    out += b"0000000000 65535 f \n"
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info {len(objects)} 0 R >>\n".encode()
    out += f"startxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


__all__ = ["Line", "pdf_document"]
