"""What an Akeneo media file code is, and the download path built from one.

Akeneo names a stored file after the SHA-1 of a fresh id, fanned out by its first four hex digits,
then the original file name with every character outside `[A-Za-z0-9.]` replaced by `_`, cut near
100 characters (`PathGenerator` in Akeneo's FileStorage component):

    2/f/d/4/2fd4e1c67a2d28fced849ee1bb76e7391b93eb12_this_i_s_the___file.txt

A code is checked against that grammar as the gateway received it, fully decoded, and never decoded
again: it has no `%`, no `.` or `..` segment, no empty segment, no `?`, `#`, backslash or control
character, so it can only ever name a file under `media-files/`. The name may also hold `-`, which the
sandbox's catalog uses and which is harmless in a path segment.
"""

from __future__ import annotations

import re
from urllib.parse import quote

MAX_NAME_LENGTH = 200
"""Akeneo keeps names to about 100 characters (95 plus the extension); twice that is still bounded."""
MAX_CODE_LENGTH = 8 + 40 + 1 + MAX_NAME_LENGTH
"""Four one-digit directories and their slashes, the hash, `_` and the name."""

_CODE = re.compile(
    r"(?P<fan>[0-9a-f]/[0-9a-f]/[0-9a-f]/[0-9a-f])/"
    r"(?P<hash>[0-9a-f]{40})_"
    rf"[A-Za-z0-9._-]{{1,{MAX_NAME_LENGTH}}}"
)


_STORED_NAME = re.compile(r"[0-9a-f]{40}_(?P<name>.+)")
"""The last segment of a code: the hash, `_`, then the original name (its odd characters as `_`)."""


class InvalidMediaCode(ValueError):
    """A string that is not an Akeneo media file code; nothing was sent to the PIM."""


def is_media_code(code: str) -> bool:
    """Whether `code` has the exact shape of a code Akeneo generates, directories matching the hash."""
    if len(code) > MAX_CODE_LENGTH:
        return False
    match = _CODE.fullmatch(code)
    return match is not None and match["fan"] == "/".join(match["hash"][:4])


def original_name(code: str) -> str:
    """The file's original name as its code keeps it: the last segment without Akeneo's hash prefix.

    Product values name a file by its code only (the media file's own answer holds
    `original_filename`, one request per file); the code keeps the name, `[^A-Za-z0-9.]` as `_`. A
    segment without the prefix is returned as it is.
    """
    segment = code.rsplit("/", 1)[-1]
    match = _STORED_NAME.fullmatch(segment)
    return match["name"] if match is not None else segment


def download_path(api: str, code: str) -> str:
    """The path of a media file's download under `api`; `InvalidMediaCode` for anything else.

    Each segment is percent-encoded on its own: the grammar already leaves nothing to escape, and the
    quoting keeps the URL's structure (no new segment, no query string) whatever a segment holds.
    """
    if not is_media_code(code):
        raise InvalidMediaCode("not an Akeneo media file code")
    segments = "/".join(quote(segment, safe="") for segment in code.split("/"))
    return f"{api}/media-files/{segments}/download"


__all__ = ["MAX_CODE_LENGTH", "InvalidMediaCode", "download_path", "is_media_code", "original_name"]
