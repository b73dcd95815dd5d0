"""The Customer Account API's GraphQL over HTTP: the seeded customer and orders, and account edits."""

from __future__ import annotations

from collections.abc import AsyncIterator
from decimal import Decimal

import pytest

from sandbox.seed import Customer, generate

from .account_flow import account, signed_in
from .sandbox_client import ShopifySandbox, running
from .shoppers import sign_in

CUSTOMER = """
{
  customer {
    id firstName lastName displayName
    emailAddress { emailAddress }
    defaultAddress { id city zip territoryCode }
    addresses(first: 10) { nodes { id address1 territoryCode } }
    orders(first: 10, sortKey: PROCESSED_AT, reverse: true) {
      totalCount
      nodes {
        id name processedAt financialStatus fulfillmentStatus
        totalPrice { amount currencyCode }
        subtotal { amount }
        totalTax { amount }
        lineItems(first: 10) { nodes { title quantity sku variantId price { amount } } }
        fulfillments(first: 5) { nodes { status trackingInformation { company number url } } }
      }
    }
  }
}
"""

ORDER = "query Order($id: ID!) { order(id: $id) { id name } }"

ADDRESS_CREATE = """
mutation Create($address: CustomerAddressInput!, $default: Boolean) {
  customerAddressCreate(address: $address, defaultAddress: $default) {
    customerAddress { id address1 city territoryCode formatted }
    userErrors { code field message }
  }
}
"""
ADDRESS_UPDATE = """
mutation Update($id: ID!, $address: CustomerAddressInput, $default: Boolean) {
  customerAddressUpdate(addressId: $id, address: $address, defaultAddress: $default) {
    customerAddress { id address1 city }
    userErrors { code field message }
  }
}
"""
ADDRESS_DELETE = """
mutation Delete($id: ID!) {
  customerAddressDelete(addressId: $id) { deletedAddressId userErrors { code field message } }
}
"""
CUSTOMER_UPDATE = """
mutation Update($input: CustomerUpdateInput!) {
  customerUpdate(input: $input) { customer { firstName lastName } userErrors { code field message } }
}
"""
ADDRESS_BOOK = "{ customer { defaultAddress { id } addresses(first: 10) { nodes { id address1 } } } }"
STOREFRONT_ADDRESSES = """
query Addresses($token: String!) {
  customer(customerAccessToken: $token) { addresses(first: 10) { nodes { address1 } } }
}
"""

NEW_ADDRESS = {"address1": "5 Canal Row", "city": "Amsterdam", "zip": "1011", "territoryCode": "NL"}


@pytest.fixture(scope="module")
async def shop() -> AsyncIterator[ShopifySandbox]:
    async with running(generate(60)) as sandbox:
        yield sandbox


def with_orders(shop: ShopifySandbox, count: int = 2, skip: int = 0) -> Customer:
    found = [
        c for c in shop.world.customers if sum(o.customer_id == c.id for o in shop.world.orders) >= count
    ]
    return found[skip]


async def token_of(shop: ShopifySandbox, customer: Customer) -> str:
    token: str = (await signed_in(shop, customer))["access_token"]
    return token


async def test_the_customer_and_their_orders_match_the_seed(shop: ShopifySandbox) -> None:
    # given
    customer = with_orders(shop)
    orders = sorted(
        (o for o in shop.world.orders if o.customer_id == customer.id), key=lambda o: o.created_at
    )

    # when
    data = (await account(shop, await token_of(shop, customer), CUSTOMER)).data["customer"]

    # then
    assert data["id"] == f"gid://shopify/Customer/{customer.id}"
    assert (data["firstName"], data["lastName"]) == (customer.first_name, customer.last_name)
    assert data["emailAddress"] == {"emailAddress": customer.email}
    assert data["defaultAddress"]["city"] == customer.city
    assert data["defaultAddress"]["territoryCode"] == customer.country
    assert data["orders"]["totalCount"] == str(len(orders))
    listed = data["orders"]["nodes"]
    assert [o["name"] for o in listed] == [f"#{o.number}" for o in reversed(orders)]
    for node, order in zip(listed, reversed(orders), strict=True):
        assert node["id"] == f"gid://shopify/Order/{order.id}"
        assert node["financialStatus"] == order.financial_status
        assert node["fulfillmentStatus"] == order.fulfillment_status
        total = sum((line.unit_price * line.quantity for line in order.lines), Decimal(0))
        assert Decimal(node["totalPrice"]["amount"]) == total
        assert node["totalPrice"]["currencyCode"] == "EUR"
        assert node["totalTax"] is None
        assert [(li["sku"], li["quantity"]) for li in node["lineItems"]["nodes"]] == [
            (line.sku, line.quantity) for line in order.lines
        ]
        parcels = node["fulfillments"]["nodes"]
        if order.fulfillment_status == "FULFILLED":
            assert parcels[0]["status"] == "SUCCESS"
            assert parcels[0]["trackingInformation"][0]["number"] == order.erp.tracking_ref
        else:
            assert parcels == []


async def test_an_order_of_another_customer_reads_as_unknown(shop: ShopifySandbox) -> None:
    # given
    mine, theirs = with_orders(shop, 1, 0), with_orders(shop, 1, 1)
    their_order = next(o for o in shop.world.orders if o.customer_id == theirs.id)
    my_order = next(o for o in shop.world.orders if o.customer_id == mine.id)
    token = await token_of(shop, mine)

    # when
    foreign = await account(shop, token, ORDER, {"id": f"gid://shopify/Order/{their_order.id}"})
    own = await account(shop, token, ORDER, {"id": f"gid://shopify/Order/{my_order.id}"})

    # then
    assert foreign.data == {"order": None}
    assert own.data["order"]["name"] == f"#{my_order.number}"


async def test_introspection_runs_without_a_token(shop: ShopifySandbox) -> None:
    # when
    reply = await account(shop, None, "{ __schema { mutationType { fields { name } } } }")

    # then
    names = {field["name"] for field in reply.data["__schema"]["mutationType"]["fields"]}
    assert names == {
        "customerUpdate",
        "customerAddressCreate",
        "customerAddressUpdate",
        "customerAddressDelete",
    }


async def test_an_address_is_created_updated_and_deleted(shop: ShopifySandbox) -> None:
    # given
    customer = shop.world.customers[7]
    token = await token_of(shop, customer)

    # when
    created = (await account(shop, token, ADDRESS_CREATE, {"address": NEW_ADDRESS})).data
    address = created["customerAddressCreate"]["customerAddress"]
    updated = (
        await account(
            shop, token, ADDRESS_UPDATE, {"id": address["id"], "address": {"address1": "7 Canal Row"}}
        )
    ).data
    book_after_update = (await account(shop, token, ADDRESS_BOOK)).data["customer"]
    deleted = (await account(shop, token, ADDRESS_DELETE, {"id": address["id"]})).data
    book_after_delete = (await account(shop, token, ADDRESS_BOOK)).data["customer"]

    # then
    assert created["customerAddressCreate"]["userErrors"] == []
    assert address["territoryCode"] == "NL"
    assert address["formatted"] == ["5 Canal Row", "1011 Amsterdam", "Netherlands"]
    assert updated["customerAddressUpdate"] == {
        "customerAddress": {"id": address["id"], "address1": "7 Canal Row", "city": "Amsterdam"},
        "userErrors": [],
    }
    assert [a["address1"] for a in book_after_update["addresses"]["nodes"]][-1] == "7 Canal Row"
    assert deleted["customerAddressDelete"] == {"deletedAddressId": address["id"], "userErrors": []}
    assert address["id"] not in [a["id"] for a in book_after_delete["addresses"]["nodes"]]


async def test_a_new_default_address_shows_in_the_storefront_api_too(shop: ShopifySandbox) -> None:
    # given
    customer = shop.world.customers[8]
    token = await token_of(shop, customer)

    # when
    created = (await account(shop, token, ADDRESS_CREATE, {"address": NEW_ADDRESS, "default": True})).data
    book = (await account(shop, token, ADDRESS_BOOK)).data["customer"]
    storefront_token = await sign_in(shop, customer)
    storefront = await shop.storefront(STOREFRONT_ADDRESSES, {"token": storefront_token})

    # then
    assert book["defaultAddress"]["id"] == created["customerAddressCreate"]["customerAddress"]["id"]
    assert "5 Canal Row" in [a["address1"] for a in storefront.data["customer"]["addresses"]["nodes"]]


@pytest.mark.parametrize(
    ("variables", "code", "field"),
    [
        ({"address": {"city": "Amsterdam", "territoryCode": "NL"}}, "ADDRESS1_MISSING", ["address", "address1"]),
        ({"address": {"address1": "1 Road"}}, "TERRITORY_CODE_MISSING", ["address", "territoryCode"]),
        ({"address": {"address1": "1 Road", "territoryCode": "XX"}}, "INVALID_TERRITORY_CODE", ["address", "territoryCode"]),
        ({"address": {"address1": "1 Road", "territoryCode": "NL", "phoneNumber": "call me"}}, "PHONE_NUMBER_NOT_VALID", ["address", "phoneNumber"]),
        ({"address": {"address1": "<b>1</b> Road", "territoryCode": "NL"}}, "CONTAINS_HTML_TAGS", ["address", "address1"]),
        ({"address": {"address1": "x" * 256, "territoryCode": "NL"}}, "TOO_LONG", ["address", "address1"]),
        ({"address": {}}, "ADDRESS_ARGUMENT_EMPTY", ["address"]),
    ],
)  # fmt: skip
async def test_a_bad_address_is_refused_with_shopifys_code(
    shop: ShopifySandbox, variables: dict[str, object], code: str, field: list[str]
) -> None:
    # given
    token = await token_of(shop, shop.world.customers[9])

    # when
    payload = (await account(shop, token, ADDRESS_CREATE, variables)).data["customerAddressCreate"]

    # then
    assert payload["customerAddress"] is None
    assert [(e["code"], e["field"]) for e in payload["userErrors"]] == [(code, field)]


async def test_the_default_address_cannot_be_deleted_and_unknown_ids_are_errors(shop: ShopifySandbox) -> None:
    # given
    token = await token_of(shop, shop.world.customers[10])
    default_id = (await account(shop, token, ADDRESS_BOOK)).data["customer"]["defaultAddress"]["id"]

    # when
    default = (await account(shop, token, ADDRESS_DELETE, {"id": default_id})).data
    unknown = (await account(shop, token, ADDRESS_DELETE, {"id": "gid://shopify/CustomerAddress/1"})).data

    # then
    assert (
        default["customerAddressDelete"]["userErrors"][0]["code"]
        == "DELETING_CUSTOMER_DEFAULT_ADDRESS_NOT_ALLOWED"
    )
    assert unknown["customerAddressDelete"]["userErrors"][0]["code"] == "ADDRESS_ID_DOES_NOT_EXIST"


async def test_the_same_address_twice_is_refused(shop: ShopifySandbox) -> None:
    # given
    token = await token_of(shop, shop.world.customers[11])
    await account(shop, token, ADDRESS_CREATE, {"address": NEW_ADDRESS})

    # when
    again = (await account(shop, token, ADDRESS_CREATE, {"address": NEW_ADDRESS})).data

    # then
    assert again["customerAddressCreate"]["userErrors"][0]["code"] == "CUSTOMER_ADDRESS_ALREADY_EXISTS"


async def test_customer_update_changes_the_names(shop: ShopifySandbox) -> None:
    # given
    token = await token_of(shop, shop.world.customers[12])

    # when
    payload = (await account(shop, token, CUSTOMER_UPDATE, {"input": {"firstName": "Ada"}})).data
    reread = (await account(shop, token, "{ customer { firstName displayName } }")).data

    # then
    assert payload["customerUpdate"]["userErrors"] == []
    assert payload["customerUpdate"]["customer"]["firstName"] == "Ada"
    assert reread["customer"]["firstName"] == "Ada"
    assert reread["customer"]["displayName"].startswith("Ada ")


@pytest.mark.parametrize(
    ("given", "code", "field"),
    [
        ({"firstName": "x" * 256}, "TOO_LONG", ["input", "firstName"]),
        ({"lastName": "<script>x</script>"}, "CONTAINS_HTML_TAGS", ["input", "lastName"]),
        ({"firstName": "see https://spam.example"}, "CONTAINS_URL", ["input", "firstName"]),
        ({}, "CUSTOMER_INPUT_ARGUMENT_EMPTY", ["input"]),
    ],
)
async def test_customer_update_with_a_bad_input_gives_user_errors(
    shop: ShopifySandbox, given: dict[str, str], code: str, field: list[str]
) -> None:
    # given
    customer = shop.world.customers[13]
    token = await token_of(shop, customer)

    # when
    payload = (await account(shop, token, CUSTOMER_UPDATE, {"input": given})).data["customerUpdate"]
    reread = (await account(shop, token, "{ customer { firstName lastName } }")).data["customer"]

    # then
    assert payload["customer"] is None
    assert [(e["code"], e["field"]) for e in payload["userErrors"]] == [(code, field)]
    assert (reread["firstName"], reread["lastName"]) == (customer.first_name, customer.last_name)
