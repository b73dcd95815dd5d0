"""Product payloads: shape, inherited values, value trimming and single reads."""

from __future__ import annotations

from typing import Any

import aiohttp
import pytest

from sandbox.seed import World

from .conftest import PRODUCTS, search


async def one(http: aiohttp.ClientSession, sku: str, **params: str) -> dict[str, Any]:
    async with http.get(
        PRODUCTS, params={"search": search(sku=[{"operator": "=", "value": sku}]), **params}
    ) as response:
        assert response.status == 200, await response.text()
        items: list[dict[str, Any]] = (await response.json())["_embedded"]["items"]
    assert len(items) == 1
    return items[0]


async def test_variant_product_carries_its_model_values(http: aiohttp.ClientSession, world: World) -> None:
    # given
    product = world.products[4]
    variant = product.variants[0]

    # when
    item = await one(http, variant.sku)

    # then
    assert list(item) == [
        "_links",
        "uuid",
        "enabled",
        "family",
        "categories",
        "groups",
        "parent",
        "values",
        "created",
        "updated",
        "associations",
        "quantified_associations",
    ]
    assert item["uuid"] == variant.akeneo_uuid
    assert item["parent"] == product.handle
    assert item["family"] == product.content.family
    assert item["categories"] == list(product.content.categories)
    assert item["enabled"] is product.published
    values = item["values"]
    assert values["sku"] == [
        {"locale": None, "scope": None, "data": variant.sku, "attribute_type": "pim_catalog_identifier"}
    ]
    assert {v["locale"]: v["data"] for v in values["name"]} == {
        "en_US": product.content.name.en_US,
        "fr_FR": product.content.name.fr_FR,
        "de_DE": product.content.name.de_DE,
    }
    assert {(v["locale"], v["scope"]) for v in values["description"]} == {
        (loc, ch) for loc in ("en_US", "fr_FR", "de_DE") for ch in ("ecommerce", "mobile")
    }
    assert values["material"][0]["data"] == product.content.material.code
    assert values["weight"][0]["data"] == {"amount": f"{variant.weight_g}.0000", "unit": "GRAM"}
    assert values["features"][0]["data"].count("\n") == len(product.content.features) - 1
    packshot = values["packshot"][0]
    assert packshot["data"] == product.content.media[0].code
    assert packshot["_links"]["download"]["href"].endswith(
        f"/api/rest/v1/media-files/{packshot['data']}/download"
    )
    assert item["updated"] == product.content.updated_at.isoformat()
    assert item["created"].endswith("+00:00")


async def test_locales_and_scope_trim_values(http: aiohttp.ClientSession, world: World) -> None:
    variant = world.products[1].variants[0]
    item = await one(http, variant.sku, locales="fr_FR", scope="mobile")
    values = item["values"]
    assert [(v["locale"], v["scope"]) for v in values["description"]] == [("fr_FR", "mobile")]
    assert [v["locale"] for v in values["name"]] == ["fr_FR"]
    assert values["sku"][0]["data"] == variant.sku  # neither localizable nor scopable: always kept
    assert "linked_data" not in values["color"][0]


async def test_attributes_param_keeps_only_those(http: aiohttp.ClientSession, world: World) -> None:
    item = await one(http, world.products[1].variants[0].sku, attributes="name,color")
    assert set(item["values"]) == {"name", "color"}


async def test_with_attribute_options_adds_linked_data(http: aiohttp.ClientSession, world: World) -> None:
    variant = world.products[6].variants[0]
    item = await one(http, variant.sku, with_attribute_options="true")
    color = item["values"]["color"][0]
    assert color["linked_data"] == {
        "attribute": "color",
        "code": color["data"],
        "labels": {"en_US": variant.colour.en, "fr_FR": variant.colour.fr, "de_DE": variant.colour.de},
    }
    assert (
        item["values"]["material"][0]["linked_data"]["labels"]["de_DE"]
        == world.products[6].content.material.de
    )


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"locales": "fr_FR,xx_XX"}, 'Locale "xx_XX" does not exist or is not activated.'),
        ({"locales": "es_ES,it_IT"}, 'Locales "es_ES, it_IT" do not exist or are not activated.'),
        ({"scope": "print"}, 'Scope "print" does not exist.'),
        ({"attributes": "name,colour"}, 'Attribute "colour" does not exist.'),
    ],
)
async def test_bad_value_options_are_422(
    http: aiohttp.ClientSession, params: dict[str, str], message: str
) -> None:
    async with http.get(PRODUCTS, params=params) as response:
        assert response.status == 422
        assert await response.json() == {"code": 422, "message": message}


async def test_get_one_product(http: aiohttp.ClientSession, world: World) -> None:
    variant = world.products[0].variants[0]
    async with http.get(
        f"{PRODUCTS}/{variant.akeneo_uuid}", params={"with_attribute_options": "true"}
    ) as response:
        assert response.status == 200
        body = await response.json()
    assert "_links" not in body
    assert body["uuid"] == variant.akeneo_uuid
    assert "linked_data" in body["values"]["size"][0]


async def test_unknown_product_is_akeneo_404(http: aiohttp.ClientSession) -> None:
    missing = "00000000-0000-4000-8000-000000000000"
    async with http.get(f"{PRODUCTS}/{missing}") as response:
        assert response.status == 404
        assert await response.json() == {
            "code": 404,
            "message": f'Product "{missing}" does not exist or you do not have permission to access it.',
        }
    async with http.get(f"{PRODUCTS}/not-a-uuid") as response:
        assert response.status == 400
        assert await response.json() == {"code": 400, "message": "The provided uuid is not valid"}


async def test_unknown_route_and_wrong_method(http: aiohttp.ClientSession) -> None:
    async with http.get("/api/rest/v1/spaceships") as response:
        assert response.status == 404
        assert (await response.json())["message"].startswith('No route found for "GET http://')
    async with http.delete(f"{PRODUCTS}/search") as response:
        assert response.status == 405
        body = await response.json()
    assert body["code"] == 405
    assert body["message"].endswith("Method Not Allowed (Allow: GET, PATCH, POST)")


async def test_accept_header_other_than_json_is_406(http: aiohttp.ClientSession) -> None:
    async with http.get(PRODUCTS, headers={"Accept": "application/xml"}) as response:
        assert response.status == 406
        assert await response.json() == {
            "code": 406,
            "message": '"application/xml" in "Accept" header is not valid. Only "application/json" is allowed.',
        }
    async with http.post(
        f"{PRODUCTS}/search", data=b"{}", headers={"Content-Type": "text/plain"}
    ) as response:
        assert response.status == 415
        assert await response.json() == {
            "code": 415,
            "message": '"text/plain" in "Content-Type" header is not valid. Only "application/json" is allowed.',
        }


async def test_unknown_query_parameters_are_ignored_as_akeneo_does(http: aiohttp.ClientSession) -> None:
    async with http.get(PRODUCTS, params={"limit": "1", "colour": "red"}) as response:
        assert response.status == 200
        assert len((await response.json())["_embedded"]["items"]) == 1
