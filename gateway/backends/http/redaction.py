"""Keep secrets out of error messages: paths without query strings, vendor messages scrubbed.

A vendor's error message sometimes echoes what it was sent (a token, a query parameter), so before a
message goes into an exception every header and parameter value the gateway sent is cut out of it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

# A vendor message longer than this is a dump, not a message; GraphQL clients see this much at most.
VENDOR_MESSAGE_MAX_CHARS = 200
# Values shorter than this ("1", "en") are not secrets, and cutting them would mangle the message.
SECRET_MIN_CHARS = 6
# Headers whose values are never secret, so they are left in messages.
PUBLIC_HEADERS = frozenset({"accept", "content-type", "user-agent", "accept-encoding", "content-length"})
REDACTED = "[redacted]"

_WHITESPACE = re.compile(r"\s+")
# Something that looks like a credential-bearing URL or a bearer token, whatever sent it.
_URL_OR_TOKEN = re.compile(r"\b(?:https?://\S+|bearer\s+\S+)", re.IGNORECASE)


def safe_path(path: str) -> str:
    """The path without its query string or fragment, for messages."""
    return path.split("?", 1)[0].split("#", 1)[0]


def sent_secrets(headers: Mapping[str, str], params: Iterable[tuple[str, object]]) -> list[str]:
    """Every value the gateway sent that could be a secret: header values, their last word, params."""
    values: list[str] = []
    for name, value in headers.items():
        if name.lower() in PUBLIC_HEADERS:
            continue
        values.append(value)
        # "Bearer abc", "Basic abc": the token alone may be echoed too.
        values.extend(value.split()[1:])
    values.extend(str(value) for _, value in params)
    return [value for value in values if len(value) >= SECRET_MIN_CHARS]


def scrub(message: str, secrets: Iterable[str]) -> str:
    """A one-line message of bounded length with every secret, URL and bearer token cut out."""
    for secret in sorted(set(secrets), key=len, reverse=True):
        message = message.replace(secret, REDACTED)
    message = _URL_OR_TOKEN.sub(REDACTED, message)
    message = _WHITESPACE.sub(" ", message).strip()
    if len(message) > VENDOR_MESSAGE_MAX_CHARS:
        message = message[: VENDOR_MESSAGE_MAX_CHARS - 1] + "…"
    return message


__all__ = [
    "PUBLIC_HEADERS",
    "REDACTED",
    "SECRET_MIN_CHARS",
    "VENDOR_MESSAGE_MAX_CHARS",
    "safe_path",
    "scrub",
    "sent_secrets",
]
