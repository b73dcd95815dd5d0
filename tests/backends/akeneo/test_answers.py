"""Whatever garbage the PIM answers with a success status, the connector raises `BackendBadResponse`
naming akeneo, never another exception.

A garbage server serves the recorded answers, the one under test spoiled. `READ` names, per answer,
the fields the connector reads and what Akeneo legitimately sends there besides what the recording
holds (its null locales and scopes, an empty value's null `data`, a metric's amount as a number):
every other JSON kind at each of those nodes, one node at a time, must be refused, and so must the
whole answer replaced, truncated, an error page, or larger than the size cap.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp import web

from gateway.backends.akeneo.client import AkeneoContent
from gateway.backends.akeneo.media_code import download_path
from gateway.backends.http.errors import BackendBadResponse
from tests.backends.garbage import (
    GarbageServer,
    Mutation,
    Pattern,
    Spoil,
    garbage_server,
    mutated,
    mutations,
    not_json,
    oversized,
    replaced,
    truncated,
)

from .conftest import TokenFactory
from .recordings import API, LOCALES, SCOPE, TOKEN_PATH, load, relinked

ATTRIBUTES = f"{API}/attributes"
CATEGORIES = f"{API}/categories"
PRODUCTS = f"{API}/products-uuid"
ROUTES = {"token": TOKEN_PATH, "attributes": ATTRIBUTES, "categories": CATEGORIES, "products": PRODUCTS}
"""Where each answer under test is served; the attribute list comes in three pages."""
CAP = 256 * 1024
"""The size cap the connector is given here: above every recorded answer."""


def good_answers() -> dict[str, Any]:
    answers = {route: load(name).body for name, route in ROUTES.items()}
    answers[ATTRIBUTES] = load("attributes_page_1").body
    answers |= {f"{ATTRIBUTES}?page={n}": load(f"attributes_page_{n}").body for n in (2, 3)}
    return answers


SKUS = [item["values"]["sku"][0]["data"] for item in load("products").body["_embedded"]["items"]]

OWN: frozenset[str] = frozenset()
"""Only the kind the recording holds there."""
NULL = frozenset({"null"})
TEXT_OR_NULL = frozenset({"string", "null"})
ITEM: Pattern = ("_embedded", "items", "*")
VALUE: Pattern = (*ITEM, "values", "*", "*")
LIST_PAGE: dict[Pattern, frozenset[str]] = {("_links",): OWN, ("_links", "next", "href"): OWN}
READ: dict[str, dict[Pattern, frozenset[str]]] = {
    "token": {("access_token",): OWN, ("expires_in",): OWN, ("refresh_token",): TEXT_OR_NULL},
    "attributes": {
        **LIST_PAGE,
        (*ITEM, "code"): OWN,
        (*ITEM, "type"): OWN,
        (*ITEM, "labels", "*"): TEXT_OR_NULL,  # no label in that locale
        (*ITEM, "sort_order"): OWN,
    },
    "categories": {("_links",): OWN, (*ITEM, "code"): OWN, (*ITEM, "labels", "*"): TEXT_OR_NULL},
    "products": {
        (*ITEM, "uuid"): OWN,
        (*VALUE, "locale"): TEXT_OR_NULL,
        (*VALUE, "scope"): TEXT_OR_NULL,
        (*VALUE, "data"): NULL,  # an empty value
        (*VALUE, "data", "amount"): frozenset({"string", "number"}),
        (*VALUE, "data", "unit"): OWN,
        (*VALUE, "linked_data", "code"): OWN,
        (*VALUE, "linked_data", "labels", "*"): TEXT_OR_NULL,
        (*ITEM, "categories", "*"): OWN,
        (*ITEM, "parent"): TEXT_OR_NULL,  # a product without a model
        (*ITEM, "updated"): OWN,
    },
}
MUTATIONS = [
    mutation
    for name, read in READ.items()
    for mutation in mutations(name, good_answers()[ROUTES[name]], read)
]


@pytest.fixture(scope="module")
async def garbage() -> AsyncIterator[GarbageServer]:
    async with garbage_server() as server:
        yield server


async def pim_content(garbage: GarbageServer, make_token: TokenFactory, **spoils: Spoil) -> AkeneoContent:
    """The connector in front of the garbage server, whose answers named in `spoils` are spoiled."""
    # the list pages' next links name the PIM the connector is configured with
    answers = relinked(good_answers(), garbage.url)
    garbage.serve(answers, {ROUTES[name]: spoil for name, spoil in spoils.items()})
    token = await make_token(garbage.url, max_response_bytes=CAP)
    return AkeneoContent(token.client, token, scope=SCOPE, locales=LOCALES)


async def refused(content: AkeneoContent) -> BackendBadResponse:
    with pytest.raises(BackendBadResponse) as raised:
        await content.content_by_skus(SKUS)
    assert raised.value.service == "akeneo"
    assert str(raised.value).startswith("akeneo: ")
    return raised.value


async def test_the_good_answers_are_read_in_full(garbage: GarbageServer, make_token: TokenFactory) -> None:
    found = await (await pim_content(garbage, make_token)).content_by_skus(SKUS)

    assert sorted(found) == sorted(SKUS)
    assert all(content.attributes and content.media for content in found.values())


def test_every_field_read_is_mutated_into_every_other_kind() -> None:
    kinds = {(m.answer, m.path[-1] if m.path else "") for m in MUTATIONS}
    assert {
        ("products", "data"),
        ("products", "unit"),
        ("attributes", "href"),
        ("token", "expires_in"),
    } <= kinds
    assert len(MUTATIONS) > 1000


@pytest.mark.parametrize("mutation", MUTATIONS, ids=lambda m: m.id)
async def test_each_mutation_is_a_bad_response(
    garbage: GarbageServer, make_token: TokenFactory, mutation: Mutation
) -> None:
    content = await pim_content(garbage, make_token, **{mutation.answer: mutated(mutation)})

    await refused(content)


def _no_embedded(answer: dict[str, Any]) -> dict[str, Any]:
    return {**answer, "_embedded": None}


def _other_kind_of_data(answer: dict[str, Any]) -> dict[str, Any]:
    # a text attribute answering a list, a metric answering a string, a select answering an object
    values = answer["_embedded"]["items"][0]["values"]
    values["care"][0]["data"] = ["Machine wash at 30 °C."]
    values["weight"][0]["data"] = "180 g"
    values["color"][0]["data"] = {"code": "rust"}
    return answer


def _many_pages(answer: dict[str, Any]) -> dict[str, Any]:
    answer["_links"]["next"] = {"href": ["/api/rest/v1/attributes?page=2"]}
    return answer


GARBAGE = [
    pytest.param("products", replaced(_no_embedded), id="products-embedded-null"),
    pytest.param("attributes", replaced(_no_embedded), id="attributes-embedded-null"),
    pytest.param("categories", replaced(_no_embedded), id="categories-embedded-null"),
    pytest.param("products", replaced(_other_kind_of_data), id="products-data-of-another-type"),
    pytest.param("attributes", replaced(_many_pages), id="attributes-next-link-a-list"),
    pytest.param("token", replaced(lambda a: {**a, "expires_in": float("nan")}), id="token-lifetime-nan"),
    pytest.param("token", replaced(lambda a: {**a, "expires_in": 0}), id="token-lifetime-zero"),
    pytest.param("token", replaced(lambda a: {**a, "access_token": ""}), id="token-empty"),
    *[pytest.param(name, truncated(), id=f"{name}-truncated") for name in ROUTES],
    *[pytest.param(name, not_json(), id=f"{name}-not-json") for name in ROUTES],
    pytest.param("products", not_json("text/html"), id="products-html"),
    *[pytest.param(name, oversized(2 * CAP), id=f"{name}-oversized") for name in ROUTES],
]


@pytest.mark.parametrize(("answer", "spoil"), GARBAGE)
async def test_garbage_answers_are_bad_responses(
    garbage: GarbageServer, make_token: TokenFactory, answer: str, spoil: Spoil
) -> None:
    content = await pim_content(garbage, make_token, **{answer: spoil})

    await refused(content)


async def test_an_answer_over_the_cap_names_the_cap(garbage: GarbageServer, make_token: TokenFactory) -> None:
    content = await pim_content(garbage, make_token, products=oversized(2 * CAP))

    error = await refused(content)

    assert f"{CAP:,} bytes" in str(error)
    assert "max_response_bytes" in str(error)


async def test_akeneos_own_nulls_are_read_as_nothing(
    garbage: GarbageServer, make_token: TokenFactory
) -> None:
    def null_label(answer: dict[str, Any]) -> dict[str, Any]:
        answer["_embedded"]["items"][1]["labels"]["de_DE"] = None  # the name attribute's
        return answer

    def null_identifier_and_parent(answer: dict[str, Any]) -> dict[str, Any]:
        for item in answer["_embedded"]["items"]:
            item |= {"identifier": None, "parent": None}
        return answer

    content = await pim_content(
        garbage, make_token, attributes=replaced(null_label), products=replaced(null_identifier_and_parent)
    )

    found = await content.content_by_skus(SKUS)

    assert sorted(found) == sorted(SKUS)
    assert (await content.structure()).attribute_labels["name"] == {"en_US": "Name", "fr_FR": "Nom"}
    assert await content.skus_of_model("nordic-organic-cotton-t-shirt") == set()


def jpeg(size: int) -> Spoil:
    async def spoil(request: web.Request, good: Any) -> web.StreamResponse:
        return web.Response(body=b"\xff\xd8" + b"x" * (size - 2), content_type="image/jpeg")

    return spoil


async def test_media_files_have_a_cap_of_their_own(garbage: GarbageServer, make_token: TokenFactory) -> None:
    code = load("products").body["_embedded"]["items"][0]["values"]["packshot"][0]["data"]
    path = download_path(API, code)
    token = await make_token(garbage.url, max_response_bytes=CAP)
    content = AkeneoContent(token.client, token, scope=SCOPE, locales=LOCALES, max_media_bytes=4 * CAP)

    garbage.serve(good_answers() | {path: None}, {path: jpeg(2 * CAP)})
    body, content_type = await content.media(code)
    assert (len(body), content_type) == (2 * CAP, "image/jpeg")  # over the JSON cap, under the media cap

    garbage.serve(good_answers() | {path: None}, {path: jpeg(8 * CAP)})
    with pytest.raises(BackendBadResponse, match=f"{4 * CAP:,} bytes allowed"):
        await content.media(code)
