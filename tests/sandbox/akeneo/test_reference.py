"""Catalog structure endpoints: categories, attributes and options, families, channels, locales."""

from __future__ import annotations

import json
from typing import Any

import aiohttp
import pytest

from sandbox.seed import World

API = "/api/rest/v1"


async def get(http: aiohttp.ClientSession, path: str, **params: str) -> tuple[int, Any]:
    async with http.get(f"{API}{path}", params=params) as response:
        return response.status, await response.json()


async def test_categories_search_by_code_with_labels(http: aiohttp.ClientSession, world: World) -> None:
    codes = list(world.products[0].content.categories)
    status, body = await get(
        http, "/categories", search=json.dumps({"code": [{"operator": "IN", "value": codes}]})
    )
    assert status == 200
    items = {item["code"]: item for item in body["_embedded"]["items"]}
    assert set(items) == set(codes)
    assert items["master"]["parent"] is None
    assert items["master"]["labels"] == {
        "en_US": "Master catalog",
        "fr_FR": "Catalogue principal",
        "de_DE": "Hauptkatalog",
    }
    assert items[codes[2]]["parent"] == codes[1]
    assert items[codes[1]]["_links"]["self"]["href"].endswith(f"/categories/{codes[1]}")
    status, roots = await get(
        http, "/categories", search=json.dumps({"is_root": [{"operator": "=", "value": True}]})
    )
    assert [c["code"] for c in roots["_embedded"]["items"]] == ["master"]


async def test_single_structure_items(http: aiohttp.ClientSession) -> None:
    status, category = await get(http, "/categories/master")
    assert status == 200
    assert category["code"] == "master"
    assert "_links" not in category
    status, attribute = await get(http, "/attributes/description")
    assert status == 200
    assert (attribute["type"], attribute["localizable"], attribute["scopable"]) == (
        "pim_catalog_textarea",
        True,
        True,
    )
    status, option = await get(http, "/attributes/color/options/black")
    assert (status, option["labels"]["fr_FR"]) == (200, "Noir")
    status, family = await get(http, "/families/tee")
    assert (status, family["attribute_as_label"]) == (200, "name")
    status, variant = await get(http, "/families/tee/variants/tee_by_color_size")
    assert status == 200
    assert variant["variant_attribute_sets"][0]["axes"] == ["color", "size"]
    assert "description" not in variant["variant_attribute_sets"][0]["attributes"]
    status, channel = await get(http, "/channels/mobile")
    assert (status, channel["locales"]) == (200, ["de_DE", "en_US", "fr_FR"])


async def items(http: aiohttp.ClientSession, path: str, **params: str) -> tuple[list[dict[str, Any]], Any]:
    status, body = await get(http, path, **params)
    assert status == 200, body
    return body["_embedded"]["items"], body


async def test_lists(http: aiohttp.ClientSession) -> None:
    channels, _ = await items(http, "/channels")
    assert [c["code"] for c in channels] == ["ecommerce", "mobile"]
    locales, _ = await items(
        http, "/locales", search=json.dumps({"enabled": [{"operator": "=", "value": True}]})
    )
    assert [loc["code"] for loc in locales] == ["de_DE", "en_US", "fr_FR"]
    options, body = await items(http, "/attributes/material/options", limit="100", with_count="true")
    assert body["items_count"] == len(options) > 3
    selects, _ = await items(
        http,
        "/attributes",
        search=json.dumps({"type": [{"operator": "IN", "value": ["pim_catalog_simpleselect"]}]}),
    )
    assert {a["code"] for a in selects} == {"material", "color", "size"}
    families, _ = await items(http, "/families", limit="100")
    assert len(families) == 12


@pytest.mark.parametrize(
    ("path", "status", "message"),
    [
        ("/categories/nowhere", 404, 'Category "nowhere" does not exist.'),
        ("/attributes/colour", 404, 'Attribute "colour" does not exist.'),
        ("/attributes/colour/options", 404, 'Attribute "colour" does not exist.'),
        (
            "/attributes/name/options",
            404,
            'Attribute "name" does not support options. Only attributes of type "pim_catalog_simpleselect", '
            '"pim_catalog_multiselect" support options.',
        ),
        ("/attributes/color/options/plaid", 404, 'Attribute option "plaid" does not exist.'),
        ("/families/spaceship", 404, 'Family "spaceship" does not exist.'),
        ("/channels/print", 404, 'Channel "print" does not exist.'),
        ("/locales/xx_XX", 404, 'Locale "xx_XX" does not exist.'),
    ],
)
async def test_missing_structure_items_are_404(
    http: aiohttp.ClientSession, path: str, status: int, message: str
) -> None:
    assert await get(http, path) == (status, {"code": status, "message": message})


async def test_structure_search_errors(http: aiohttp.ClientSession) -> None:
    status, body = await get(http, "/categories", search="{nope")
    assert (status, body) == (400, {"code": 400, "message": "Search query parameter should be valid JSON."})
    status, body = await get(
        http, "/categories", search=json.dumps({"label": [{"operator": "=", "value": "x"}]})
    )
    assert (status, body["message"]) == (
        422,
        'Filter on property "label" is not supported or does not support operator "="',
    )
    status, body = await get(http, "/categories", pagination_type="search_after")
    assert (status, body) == (422, {"code": 422, "message": "Pagination type is not supported."})
