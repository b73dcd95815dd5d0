"""A list page's `_links.next` as the path and query to request on the PIM's configured URL.

Akeneo writes its links as absolute URLs of the host it was asked on, so under a configured URL with
a path (`http://host/pim`) the link's path starts with that path: the request path is what follows it,
since the HTTP client appends paths to the configured URL. A PIM behind a proxy that strips the
prefix writes links from the origin's root: that path is requested under the configured URL as it
is. A link may name another origin (a PIM reached on an internal address writes its public host):
only its path and query are kept, so the bearer token is only ever sent to the configured URL.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urljoin, urlsplit


def next_request(base_url: str, href: str) -> tuple[str, dict[str, str]]:
    """The path (relative to `base_url`) and query parameters `href` asks for.

    `href` may be absolute or relative (resolved against `base_url`); whatever origin it names, the
    request goes to `base_url`.
    """
    parts = urlsplit(urljoin(base_url.rstrip("/") + "/", href))
    prefix = urlsplit(base_url).path.rstrip("/")
    path = parts.path
    if prefix and (path == prefix or path.startswith(prefix + "/")):
        path = path[len(prefix) :]
    return path or "/", dict(parse_qsl(parts.query, keep_blank_values=True))


__all__ = ["next_request"]
