"""A storefront's routes against the Storefront API's own path: each document as written, and again with
the gateway's fields added, answered the way Shopify answers it plus what the PIM and ERP add.

The documents (`storefront_routes/`, one per route) are shaped the way Hydrogen's skeleton shapes
its own: named fragments, `@inContext` on every operation, `nodes`, variable defaults, unions read
through `__typename`, `@defer` on a fragment, and a few minified. For each, with and without
`content { … }` on every product and `stock { … }` on every variant (cart line merchandise
included):

- the answer has no errors, and what Shopify owns in it equals the emulator's own answer to the
  document as written;
- every added field has its value (the seed gives every product PIM content and every SKU stock);
- the gateway sent Shopify one request for the operation, and each other system at most one call
  for the whole answer (none when nothing in the answer needs it), counted by the sandbox.

Carts run as a shopper's session does: a cart is created, then every cart mutation Hydrogen's
`CartForm` offers runs against it in turn; after each, the payload's cart equals a direct read of
the same cart from the emulator.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from graphql import (
    FragmentDefinitionNode,
    OperationDefinitionNode,
    parse,
    print_ast,
    strip_ignored_characters,
    validate,
)

from gateway.graphql.cart_stock import CHECKED_FIELDS
from sandbox.runner import Sandbox
from sandbox.seed import World
from sandbox.shopify.cart_seed import gift_cards
from tests.harness import (
    Gateway,
    gateway_config,
    reset_sandbox,
    running_gateway,
    sandbox_stats,
    storefront_call,
)
from tests.shopify_specs import needs_specs, real_storefront

from .storefront_routes import route, route_names
from .storefront_routes.gateway_fields import ADDED, added_values, has_key, with_gateway_fields, without_added

API = "/api/2026-04/graphql.json"
VENDORS = ("shopify", "akeneo", "odoo", "hubspot", "intercom")

ERP_KEYS = frozenset({"stock", "availableForSale", "quantityAvailable"})
"""Response keys the ERP answers for (stock, and availability where the ERP is the system of record)."""

LYON = {"firstName": "Lou", "lastName": "Morel", "address1": "1 Rue de la République", "city": "Lyon", "zip": "69002", "countryCode": "FR"}  # fmt: skip


async def post(gateway: Gateway, query: str, variables: dict[str, Any]) -> dict[str, Any]:
    async with gateway.http.post(
        f"{gateway.url}{API}", json={"query": query, "variables": variables}
    ) as response:
        assert response.status == 200, await response.text()
        body: dict[str, Any] = await response.json()
        return body


async def counted(
    sandbox: Sandbox, gateway: Gateway, query: str, variables: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, int]]:
    """The gateway's answer, and how many requests each system got for it."""
    await reset_sandbox(sandbox)
    body = await post(gateway, query, variables)
    stats = await sandbox_stats(sandbox)
    return body, {vendor: stats[vendor]["total"] for vendor in VENDORS}


def check_gateway_values(world: World, ours: Any, theirs: Any) -> int:
    """Every added field has its value; returns how many there were."""
    skus = {variant.sku for _, variant in world.variants()}
    contents = list(added_values(ours, theirs, "content"))
    stocks = list(added_values(ours, theirs, "stock"))
    assert all(content is not None and content["sku"] in skus and content["name"] for content in contents)
    assert all(stock is not None and stock["available"] >= 0 and stock["warehouses"] for stock in stocks)
    return len(contents) + len(stocks)


def expected_calls(ours: dict[str, Any], theirs: dict[str, Any]) -> dict[str, int]:
    pim = 1 if list(added_values(ours, theirs, "content")) else 0
    erp = 1 if has_key(ours, ERP_KEYS) else 0
    return {"shopify": 1, "akeneo": pim, "odoo": erp, "hubspot": 0, "intercom": 0}


# The world the routes read


@dataclass(frozen=True, slots=True)
class Inputs:
    """What the routes are asked for, found in the running shop."""

    product: str
    selected_options: list[dict[str, str]]
    collection: str
    collection_cursor: str
    page: str
    blog: str
    article: str
    redirect: str
    variants: tuple[str, str]


@pytest.fixture(scope="module")
async def inputs(sandbox: Sandbox) -> Inputs:
    found = (
        await storefront_call(
            sandbox,
            """{
              products(first: 100) { nodes { handle options { name optionValues { name } }
                sellingPlanGroups(first: 1) { nodes { name } }
                variants(first: 5) { nodes { id availableForSale } } } }
              collections(first: 20) { nodes { handle products(first: 12) { nodes { id } } } }
              pages(first: 1) { nodes { handle } }
              blogs(first: 1) { nodes { handle } }
              articles(first: 20) { nodes { id comments(first: 1) { nodes { id } } } }
              urlRedirects(first: 1) { nodes { path } }
            }""",
            {},
        )
    )["data"]
    products = found["products"]["nodes"]
    product = next(
        p
        for p in products
        if p["sellingPlanGroups"]["nodes"] and any(len(o["optionValues"]) > 1 for o in p["options"])
    )
    collection = next(c["handle"] for c in found["collections"]["nodes"] if len(c["products"]["nodes"]) > 8)
    first_page = await storefront_call(
        sandbox, route("collection"), {**collection_variables(collection), "first": 4}
    )
    available = [v["id"] for p in products for v in p["variants"]["nodes"] if v["availableForSale"]]
    return Inputs(
        product=product["handle"],
        selected_options=[
            {"name": o["name"], "value": o["optionValues"][-1]["name"]} for o in product["options"]
        ],
        collection=collection,
        collection_cursor=first_page["data"]["collection"]["products"]["pageInfo"]["endCursor"],
        page=found["pages"]["nodes"][0]["handle"],
        blog=found["blogs"]["nodes"][0]["handle"],
        article=next(a["id"] for a in found["articles"]["nodes"] if a["comments"]["nodes"]),
        redirect=found["urlRedirects"]["nodes"][0]["path"],
        variants=(available[0], available[7]),
    )


def collection_variables(handle: str) -> dict[str, Any]:
    return {
        "handle": handle,
        "first": 4,
        "filters": [{"available": True}],
        "sortKey": "PRICE",
        "reverse": True,
        "country": "DE",
        "language": "DE",
    }


CASES: dict[str, tuple[str, Callable[[Inputs], dict[str, Any]]]] = {
    "product": (
        "product",
        lambda i: {
            "handle": i.product,
            "selectedOptions": i.selected_options,
            "country": "FR",
            "language": "FR",
        },
    ),
    "product-first-variant": ("product", lambda i: {"handle": i.product, "selectedOptions": []}),
    "collection": ("collection", lambda i: collection_variables(i.collection)),
    "collection-next-page": (
        "collection",
        lambda i: {**collection_variables(i.collection), "after": i.collection_cursor},
    ),
    "collection-last-page": (
        "collection",
        lambda i: {"handle": i.collection, "last": 3, "before": i.collection_cursor},
    ),
    "collections": ("collections", lambda i: {"country": "FR", "language": "FR"}),
    "search": ("search", lambda i: {"term": "cotton", "country": "DE", "language": "EN"}),
    "predictive_search": ("predictive_search", lambda i: {"term": "cott", "country": "FR", "language": "FR"}),
    "page": ("page", lambda i: {"handle": i.page, "language": "FR"}),
    "blogs": ("blogs", lambda i: {"language": "DE"}),
    "blog": ("blog", lambda i: {"blogHandle": i.blog, "first": 3, "language": "FR"}),
    "article": ("article", lambda i: {"id": i.article, "language": "EN"}),
    "policies": ("policies", lambda i: {"language": "FR"}),
    "header": ("header", lambda i: {"country": "FR", "language": "FR"}),
    "footer": ("footer", lambda i: {"language": "DE"}),
    "sitemap_index": ("sitemap_index", lambda i: {}),
    "sitemap_products": ("sitemap_products", lambda i: {"page": 1}),
    "redirects": ("redirects", lambda i: {"query": f"path:{i.redirect}"}),
    "localization": ("localization", lambda i: {"country": "DE", "language": "DE"}),
}
"""Each read-only route with the variables a shopper's visit gives it."""
MINIFIED = ("product", "collection", "search", "header")
"""Routes also sent minified, as a build that strips whitespace sends them."""
CART_ROUTES = frozenset(name for name in route_names() if name.startswith("cart"))


def variants() -> Iterator[Any]:
    for case, (name, _) in CASES.items():
        written = route(name)
        extended = with_gateway_fields(written)
        adds = strip_ignored_characters(extended) != strip_ignored_characters(written)
        yield pytest.param(case, written, False, id=f"{case}-as-written")
        if adds:
            yield pytest.param(case, extended, True, id=f"{case}-with-gateway-fields")
        if name in MINIFIED and case == name:
            minified = strip_ignored_characters(extended)
            yield pytest.param(case, strip_ignored_characters(written), False, id=f"{case}-minified")
            yield pytest.param(case, minified, True, id=f"{case}-minified-with-gateway-fields")


@pytest.fixture(scope="module")
async def routes_gateway(sandbox: Sandbox) -> AsyncIterator[Gateway]:
    """A gateway that caches nothing, so every request's backend calls can be counted."""
    config = gateway_config(
        sandbox, cache={"ttl": {"content": 0, "stock": 0, "catalog": 0, "prices": 0}, "responses": False}
    )
    async with running_gateway(config) as gateway:
        # The background readiness round calls every system every few seconds: stopped, so that
        # none lands in a counted window.
        await gateway.app.state.gateway.readiness.stop()
        # Composition, and the PIM's token grant, attribute labels and categories, happen once per
        # process: done here, before the counted requests.
        warm = f"{{ products(first: 1) {{ nodes {{ {ADDED['Product']} variants(first: 1) {{ nodes {{ {ADDED['ProductVariant']} }} }} }} }} }}"
        assert "errors" not in await post(gateway, warm, {})
        yield gateway
    await reset_sandbox(sandbox)


@needs_specs
@pytest.mark.parametrize("name", route_names())
def test_route_document_is_valid_at_shopify(name: str) -> None:
    assert [error.message for error in validate(real_storefront(), parse(route(name)))] == []


@pytest.mark.parametrize("name", route_names())
def test_route_document_has_the_shape_hydrogen_gives_its_own(name: str) -> None:
    document = parse(route(name))
    (operation,) = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    variables = {d.variable.name.value for d in operation.variable_definitions or ()}
    in_context = [d for d in operation.directives or () if d.name.value == "inContext"]

    assert operation.name is not None
    if {"country", "language"} <= variables:
        (directive,) = in_context
        assert {(a.name.value, print_ast(a.value)) for a in directive.arguments or ()} == {
            ("country", "$country"),
            ("language", "$language"),
        }


def test_the_routes_use_what_hydrogen_s_documents_use() -> None:
    texts = [route(name) for name in route_names()]

    assert sum("\n" not in text.strip() for text in texts) >= 3  # minified
    assert any("@defer" in text for text in texts)
    assert all("edges" not in text for text in texts)  # connections read through `nodes`
    assert any("__typename" in text for text in texts)
    assert any(re.search(r"\$\w+: \w+ = ", text) for text in texts)  # variable defaults


def test_every_route_has_a_case() -> None:
    assert {name for name, _ in CASES.values()} | CART_ROUTES == set(route_names())


@pytest.mark.parametrize(("case", "document", "extended"), list(variants()))
async def test_route_answers_as_shopify_with_the_gateway_s_fields(
    routes_gateway: Gateway,
    sandbox: Sandbox,
    world: World,
    inputs: Inputs,
    case: str,
    document: str,
    extended: bool,
) -> None:
    # given
    name, make_variables = CASES[case]
    variables = make_variables(inputs)

    # when
    ours, calls = await counted(sandbox, routes_gateway, document, variables)
    theirs = await storefront_call(sandbox, route(name), variables)

    # then
    assert "errors" not in theirs, theirs["errors"]
    assert all(value is not None for value in theirs["data"].values())  # the route found what it asked for
    assert "errors" not in ours, ours["errors"]
    assert without_added(ours["data"], theirs["data"]) == theirs["data"]
    added = check_gateway_values(world, ours["data"], theirs["data"])
    assert (added > 0) == extended
    assert calls == expected_calls(ours["data"], theirs["data"])


# Carts


def cart_read(mutation: str) -> str:
    """A query reading the cart with the mutation's own cart fragment, in the same context."""
    fragments = "\n".join(
        print_ast(definition)
        for definition in parse(mutation).definitions
        if isinstance(definition, FragmentDefinitionNode) and definition.name.value == "CartAfterChange"
    )
    return (
        "query CartAfterChangeRead($cartId: ID!, $country: CountryCode, $language: LanguageCode)"
        " @inContext(country: $country, language: $language) { cart(id: $cartId) { ...CartAfterChange } }\n"
        + fragments
    )


def cart_steps(
    world: World, inputs: Inputs
) -> list[tuple[str, str, Callable[[dict[str, Any]], dict[str, Any]]]]:
    """Each cart mutation after `cartCreate`, with its variables from the cart as it stands."""
    second = inputs.variants[1]
    gift_card = gift_cards(world.seed)[1].code
    email = world.customers[0].email

    def lines(cart: dict[str, Any]) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = cart["lines"]["nodes"]
        return found

    return [
        (
            "cart_lines_add",
            "cartLinesAdd",
            lambda cart: {"lines": [{"merchandiseId": second, "quantity": 2}]},
        ),
        (
            "cart_lines_update",
            "cartLinesUpdate",
            lambda cart: {"lines": [{"id": lines(cart)[0]["id"], "quantity": 3}]},
        ),
        ("cart_lines_remove", "cartLinesRemove", lambda cart: {"lineIds": [lines(cart)[-1]["id"]]}),
        (
            "cart_discount_codes_update",
            "cartDiscountCodesUpdate",
            lambda cart: {"discountCodes": ["WELCOME10"]},
        ),
        (
            "cart_gift_card_codes_update",
            "cartGiftCardCodesUpdate",
            lambda cart: {"giftCardCodes": [gift_card]},
        ),
        ("cart_note_update", "cartNoteUpdate", lambda cart: {"note": "Please leave it with the neighbours."}),
        (
            "cart_attributes_update",
            "cartAttributesUpdate",
            lambda cart: {"attributes": [{"key": "gift_wrap", "value": "yes"}]},
        ),
        (
            "cart_buyer_identity_update",
            "cartBuyerIdentityUpdate",
            lambda cart: {"buyerIdentity": {"email": email, "countryCode": "FR"}},
        ),
        ("cart_selected_delivery_options_update", "cartSelectedDeliveryOptionsUpdate", lambda cart: {}),
    ]


async def delivery_choice(sandbox: Sandbox, cart_id: str) -> dict[str, Any]:
    """The cart's first delivery group and its last option, as the emulator lists them."""
    read = "query($id: ID!) { cart(id: $id) { deliveryGroups(first: 1) { nodes { id deliveryOptions { handle } } } } }"
    (group,) = (await storefront_call(sandbox, read, {"id": cart_id}))["data"]["cart"]["deliveryGroups"][
        "nodes"
    ]
    return {
        "selectedDeliveryOptions": [
            {"deliveryGroupId": group["id"], "deliveryOptionHandle": group["deliveryOptions"][-1]["handle"]}
        ]
    }


def send(document: str, extended: bool) -> str:
    return with_gateway_fields(document) if extended else document


@pytest.mark.parametrize("extended", [False, True], ids=["as-written", "with-gateway-fields"])
async def test_a_cart_goes_through_every_mutation_hydrogen_sends(
    routes_gateway: Gateway, sandbox: Sandbox, world: World, inputs: Inputs, extended: bool
) -> None:
    context = {"country": "FR", "language": "FR"}

    async def step(name: str, field: str, variables: dict[str, Any]) -> dict[str, Any]:
        document = send(route(name), extended)
        body, calls = await counted(sandbox, routes_gateway, document, {**context, **variables})
        assert "errors" not in body, (name, body["errors"])
        payload: dict[str, Any] = body["data"][field]
        assert payload["userErrors"] == [], (name, payload["userErrors"])
        assert payload["warnings"] == [], (name, payload["warnings"])
        cart = payload["cart"]
        theirs = await storefront_call(sandbox, cart_read(route(name)), {**context, "cartId": cart["id"]})
        assert without_added(cart, theirs["data"]["cart"]) == theirs["data"]["cart"], name
        assert (check_gateway_values(world, cart, theirs["data"]["cart"]) > 0) == (
            extended and bool(cart["lines"]["nodes"])
        )
        expected = {**expected_calls(cart, theirs["data"]["cart"]), "akeneo": 0}
        if field in CHECKED_FIELDS:
            # held to the ERP's stock first: one pre-flight read, one ERP call the stock fields share
            expected.update(shopify=2, odoo=1)
        assert calls == expected, name
        after: dict[str, Any] = cart
        return after

    # given: a cart created on the first add to cart, with the buyer's address known
    created = await step(
        "cart_create",
        "cartCreate",
        {
            "input": {
                "lines": [{"merchandiseId": inputs.variants[0], "quantity": 1}],
                "buyerIdentity": {"countryCode": "FR"},
                "delivery": {"addresses": [{"address": {"deliveryAddress": LYON}, "selected": True}]},
            }
        },
    )

    # when: every other mutation runs against its id
    cart = created
    for name, field, make_variables in cart_steps(world, inputs):
        variables = make_variables(cart)
        if field == "cartSelectedDeliveryOptionsUpdate":
            variables = await delivery_choice(sandbox, created["id"])
        cart = await step(name, field, {"cartId": created["id"], **variables})

    # then: the cart route shows what the mutations did, Shopify's part as the emulator has it
    document = send(route("cart"), extended)
    variables = {**context, "cartId": created["id"]}
    ours, calls = await counted(sandbox, routes_gateway, document, variables)
    theirs = await storefront_call(sandbox, route("cart"), variables)
    assert "errors" not in ours, ours["errors"]
    assert without_added(ours["data"], theirs["data"]) == theirs["data"]
    assert calls == expected_calls(ours["data"], theirs["data"])
    shown = ours["data"]["cart"]
    assert [line["quantity"] for line in shown["lines"]["nodes"]] == [3]
    assert [code["code"] for code in shown["discountCodes"]] == ["WELCOME10"]
    assert shown["appliedGiftCards"][0]["lastCharacters"] == gift_cards(world.seed)[1].code[-4:]
    assert shown["note"] == "Please leave it with the neighbours."
    assert shown["attributes"] == [{"key": "gift_wrap", "value": "yes"}]
    assert shown["buyerIdentity"]["email"] == world.customers[0].email
    (group,) = shown["deliveryGroups"]["nodes"]
    assert group["selectedDeliveryOption"]["handle"] == group["deliveryOptions"][-1]["handle"]
    merchandise = shown["lines"]["nodes"][0]["merchandise"]
    assert ("stock" in merchandise) == extended
