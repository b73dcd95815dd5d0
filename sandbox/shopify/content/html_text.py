"""Content HTML both ways: paragraphs into `HTML` bodies, bodies into the plain text fields derive from.

Shopify's plain variants (`Article.content`, `Page.bodySummary`, `Comment.content`) are the body with
its tags removed, on a single line, optionally cut at `truncateAt` characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape, unescape

_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def paragraphs_html(paragraphs: Iterable[str]) -> str:
    return "".join(f"<p>{escape(text, quote=False)}</p>" for text in paragraphs)


def plain_text(html: str) -> str:
    """The text of an HTML body on one line: tags become spaces, entities their characters."""
    return _SPACE.sub(" ", unescape(_TAG.sub(" ", html))).strip()


def truncate(text: str, limit: int | None) -> str:
    """Cut at `limit` characters with an ellipsis, as Shopify's `truncateAt` arguments do."""
    if limit is None or len(text) <= limit:
        return text
    return text[:limit].rstrip() + "…"


__all__ = ["paragraphs_html", "plain_text", "truncate"]
