"""A message body as plain text: Intercom keeps bodies as HTML fragments (`<p>Hello</p>`)."""

from __future__ import annotations

from html.parser import HTMLParser

PREVIEW_CHARS = 140
"""About two lines of a conversation list."""

_BREAKS = frozenset({"p", "br", "div", "li"})


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BREAKS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def preview(body: str | None) -> str | None:
    """The body's text, whitespace collapsed, cut at a word near `PREVIEW_CHARS` with an ellipsis."""
    if not body:
        return None
    parser = _Text()
    parser.feed(body)
    parser.close()
    text = " ".join("".join(parser.parts).split())
    if len(text) <= PREVIEW_CHARS:
        return text or None
    cut = text[:PREVIEW_CHARS].rsplit(" ", 1)[0] or text[:PREVIEW_CHARS]
    return f"{cut}…"


__all__ = ["PREVIEW_CHARS", "preview"]
