"""Following `_links.next` when the PIM is configured at a URL with a path (`http://host/pim`).

The loopback upstream serves the recorded attribute pages under the prefix, their links rewritten to
name the configured origin the way a PIM behind that URL writes them; every request is kept, so the
paths the connector followed are what the upstream saw.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.backends.http.conftest import Upstream

from .conftest import ContentFactory, pim, recorded
from .recordings import API, TOKEN_PATH, load, relinked

PREFIX = "/pim"
ATTRIBUTES = f"{API}/attributes"


def prefixed_pim(origin: str) -> Any:
    """The recorded PIM under `PREFIX`, its attribute pages linking to `origin`."""
    pages = {PREFIX + ATTRIBUTES: Upstream.json(relinked(load("attributes_page_1").body, origin))}
    pages |= {
        f"{PREFIX}{ATTRIBUTES}?page={n}": Upstream.json(relinked(load(f"attributes_page_{n}").body, origin))
        for n in (2, 3)
    }
    return pim(
        routes={
            PREFIX + TOKEN_PATH: recorded("token"),
            PREFIX + f"{API}/categories": recorded("categories"),
            **pages,
        }
    )


def attribute_hits(upstream: Upstream) -> list[tuple[str, str]]:
    return [(h.path, h.query) for h in upstream.hits if h.path.endswith(ATTRIBUTES)]


async def test_next_links_under_a_path_prefix_are_followed_once_prefixed(
    upstream: Upstream, make_content: ContentFactory
) -> None:
    upstream.script(prefixed_pim(upstream.url + PREFIX))
    content = await make_content(upstream.url + PREFIX)

    structure = await content.structure()

    assert list(structure.attribute_types) == [
        a["code"] for a in load("attributes").body["_embedded"]["items"]
    ]
    assert attribute_hits(upstream) == [
        (PREFIX + ATTRIBUTES, "limit=100"),
        (PREFIX + ATTRIBUTES, "page=2&limit=5&with_count=false"),
        (PREFIX + ATTRIBUTES, "page=3&limit=5&with_count=false"),
    ]


async def test_next_links_of_a_pim_unaware_of_the_prefix_keep_it(
    upstream: Upstream, make_content: ContentFactory
) -> None:
    # a proxy that strips the prefix before the PIM: its links name the origin's root
    upstream.script(prefixed_pim(upstream.url))
    content = await make_content(upstream.url + PREFIX)

    await content.structure()

    assert [path for path, _ in attribute_hits(upstream)] == [PREFIX + ATTRIBUTES] * 3


async def test_relative_next_links_are_followed_on_the_configured_url(
    upstream: Upstream, make_content: ContentFactory
) -> None:
    upstream.script(prefixed_pim(""))  # hrefs of a path and query only
    content = await make_content(upstream.url + PREFIX)

    await content.structure()

    assert [path for path, _ in attribute_hits(upstream)] == [PREFIX + ATTRIBUTES] * 3


@pytest.mark.parametrize(
    "origin",
    ["https://elsewhere.example.com", "http://127.0.0.1:1"],
    ids=["another host", "another port"],
)
async def test_a_next_link_naming_another_origin_is_followed_on_the_configured_url(
    upstream: Upstream, make_content: ContentFactory, origin: str
) -> None:
    # A PIM reached on an internal address writes its public host: the token never goes there.
    upstream.script(prefixed_pim(origin + PREFIX))
    content = await make_content(upstream.url + PREFIX)

    await content.structure()

    assert [path for path, _ in attribute_hits(upstream)] == [PREFIX + ATTRIBUTES] * 3
