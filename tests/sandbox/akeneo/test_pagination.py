"""Walking product lists with both pagination types, and the pagination errors."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

import aiohttp
import pytest

from sandbox.seed import World

from .conftest import PRODUCTS, search


async def walk(http: aiohttp.ClientSession, first: str, params: dict[str, str]) -> list[dict[str, Any]]:
    """Every page from `first`, following `_links.next.href` until it is omitted."""
    pages: list[dict[str, Any]] = []
    async with http.get(first, params=params) as response:
        assert response.status == 200, await response.text()
        pages.append(await response.json())
    while "next" in pages[-1]["_links"]:
        async with http.get(pages[-1]["_links"]["next"]["href"]) as response:
            assert response.status == 200, await response.text()
            pages.append(await response.json())
    return pages


def all_uuids(world: World) -> list[str]:
    return sorted(v.akeneo_uuid for _, v in world.variants())


async def test_page_walk_sees_every_product_once_in_uuid_order(
    http: aiohttp.ClientSession, world: World
) -> None:
    # when
    pages = await walk(http, PRODUCTS, {"limit": "37", "with_count": "true"})

    # then
    seen = [item["uuid"] for page in pages for item in page["_embedded"]["items"]]
    assert seen == all_uuids(world)
    assert [page["current_page"] for page in pages] == list(range(1, len(pages) + 1))
    assert all(page["items_count"] == len(seen) for page in pages)
    assert "previous" not in pages[0]["_links"]
    assert pages[1]["_links"]["previous"]["href"] == pages[0]["_links"]["self"]["href"]
    assert len(pages[-1]["_embedded"]["items"]) < 37
    assert parse_qs(urlsplit(pages[-1]["_links"]["first"]["href"]).query)["page"] == ["1"]


async def test_search_after_walk_has_no_duplicates_or_gaps(http: aiohttp.ClientSession, world: World) -> None:
    # when
    pages = await walk(http, PRODUCTS, {"pagination_type": "search_after", "limit": "50"})

    # then
    seen = [item["uuid"] for page in pages for item in page["_embedded"]["items"]]
    assert seen == all_uuids(world)
    assert all("current_page" not in page and "previous" not in page["_links"] for page in pages)
    assert "search_after" not in parse_qs(urlsplit(pages[0]["_links"]["self"]["href"]).query)
    assert "search_after" in parse_qs(urlsplit(pages[1]["_links"]["self"]["href"]).query)
    cursor = parse_qs(urlsplit(pages[0]["_links"]["next"]["href"]).query)["search_after"][0]
    assert cursor != seen[49]  # opaque, not the uuid itself


async def test_search_after_keeps_the_filter(http: aiohttp.ClientSession, world: World) -> None:
    family = world.products[0].content.family
    expected = sorted(v.akeneo_uuid for p in world.products for v in p.variants if p.content.family == family)
    pages = await walk(
        http,
        PRODUCTS,
        {
            "pagination_type": "search_after",
            "limit": "3",
            "search": search(family=[{"operator": "IN", "value": [family]}]),
        },
    )
    assert [i["uuid"] for p in pages for i in p["_embedded"]["items"]] == expected


async def test_full_last_page_is_followed_by_an_empty_one(http: aiohttp.ClientSession, world: World) -> None:
    # Akeneo adds `next` whenever a page is full, so an exact multiple ends on an empty page.
    skus = [v.sku for _, v in world.variants()[:4]]
    pages = await walk(
        http, PRODUCTS, {"limit": "2", "search": search(sku=[{"operator": "IN", "value": skus}])}
    )
    assert [len(p["_embedded"]["items"]) for p in pages] == [2, 2, 0]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"limit": "101"}, "You cannot request more than 100 items."),
        ({"limit": "0"}, '"0" is not a valid limit number.'),
        ({"limit": "ten"}, '"ten" is not a valid limit number.'),
        ({"page": "0"}, '"0" is not a valid page number.'),
        (
            {"with_count": "yes"},
            'Parameter "with_count" has to be a boolean. Only "true" or "false" allowed, "yes" given.',
        ),
        ({"pagination_type": "cursor"}, "Pagination type does not exist."),
        ({"pagination_type": "search_after", "limit": "101"}, "You cannot request more than 100 items."),
    ],
)
async def test_bad_pagination_parameters_are_422(
    http: aiohttp.ClientSession, params: dict[str, str], message: str
) -> None:
    async with http.get(PRODUCTS, params=params) as response:
        assert response.status == 422
        assert await response.json() == {"code": 422, "message": message}


async def test_page_pagination_stops_at_ten_thousand_items(http: aiohttp.ClientSession) -> None:
    async with http.get(PRODUCTS, params={"page": "100", "limit": "100"}) as response:
        assert response.status == 200
    async with http.get(PRODUCTS, params={"page": "101", "limit": "100"}) as response:
        assert response.status == 422
        assert await response.json() == {
            "code": 422,
            "message": 'You have reached the maximum number of pages you can retrieve with the "page" pagination '
            "type. Please use the search after pagination type instead",
            "_links": {
                "documentation": {
                    "href": "http://api.akeneo.com/documentation/pagination.html#the-search-after-method"
                }
            },
        }
