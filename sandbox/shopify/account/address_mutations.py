"""`customerAddressCreate`, `customerAddressUpdate` and `customerAddressDelete` with Shopify's checks.

Every refusal is a `userErrors` entry with one of `UserErrorsCustomerAddressUserErrorsCode`'s
codes and the input path it concerns; nothing is stored when any check fails.
"""

from __future__ import annotations

from typing import Any

from graphql import GraphQLEnumType

from sandbox.shopify.ids import parse_gid
from sandbox.shopify.records import AddressRecord, CustomerRecord

from .address_book import AddressParts
from .context import Info
from .customer import address_gid
from .input_checks import problem_with_text, valid_phone

INPUT_FIELDS = {
    "firstName": "first_name",
    "lastName": "last_name",
    "address1": "address1",
    "address2": "address2",
    "city": "city",
    "company": "company",
    "zip": "zip",
    "territoryCode": "country_code",
    "zoneCode": "zone_code",
    "phoneNumber": "phone",
}
"""Input field name to `AddressParts` attribute."""

ADDRESS_KINDS = ("CustomerAddress", "MailingAddress")
"""Address ids this API reads: its own and the Storefront API's for the same record."""

Error = dict[str, Any]


def _error(code: str, field: list[str] | None, message: str) -> Error:
    return {"code": code, "field": field, "message": message}


def _country_codes(info: Info) -> frozenset[str]:
    country_code = info.schema.type_map["CountryCode"]
    assert isinstance(country_code, GraphQLEnumType)
    return frozenset(country_code.values)


def _check(info: Info, address: dict[str, Any], *, creating: bool) -> list[Error]:
    given = {name: value for name, value in address.items() if value is not None}
    if not given:
        return [_error("ADDRESS_ARGUMENT_EMPTY", ["address"], "The address holds no field.")]
    errors: list[Error] = []
    for name, value in given.items():
        code = problem_with_text(value)
        if code == "TOO_LONG":
            errors.append(_error(code, ["address", name], f"{name} is longer than 255 characters."))
        elif code is not None:
            errors.append(_error(code, ["address", name], f"{name} may not contain HTML tags."))
    if creating and not given.get("address1", "").strip():
        errors.append(_error("ADDRESS1_MISSING", ["address", "address1"], "A street line is needed."))
    territory = given.get("territoryCode")
    if territory is None and creating:
        errors.append(_error("TERRITORY_CODE_MISSING", ["address", "territoryCode"], "A country is needed."))
    elif territory is not None and territory.upper() not in _country_codes(info):
        errors.append(
            _error(
                "INVALID_TERRITORY_CODE", ["address", "territoryCode"], f"{territory} is not a country code."
            )
        )
    phone = given.get("phoneNumber")
    if phone and not valid_phone(phone):
        errors.append(
            _error("PHONE_NUMBER_NOT_VALID", ["address", "phoneNumber"], "Write the number like +4930123456.")
        )
    return errors


def _parts(address: dict[str, Any]) -> AddressParts:
    return AddressParts(
        **{INPUT_FIELDS[name]: value for name, value in address.items() if name in INPUT_FIELDS}
    )


def _twin(customer: CustomerRecord, draft: AddressRecord, besides: AddressRecord | None = None) -> bool:
    return any(a is not besides and a.same_place(draft) for a in customer.addresses)


def _saved(info: Info, address_id: str) -> AddressRecord | None:
    parsed = parse_gid(address_id)
    if parsed is None or parsed.kind not in ADDRESS_KINDS or parsed.number is None:
        return None
    return info.context.addresses.find(info.context.viewer, parsed.number)


def _unknown(address_id: str) -> Error:
    return _error("ADDRESS_ID_DOES_NOT_EXIST", ["addressId"], f"No saved address has the id {address_id}.")


def _duplicate() -> Error:
    return _error("CUSTOMER_ADDRESS_ALREADY_EXISTS", ["address"], "This address is saved already.")


def customer_address_create(
    _root: None, info: Info, address: dict[str, Any], defaultAddress: bool = False
) -> dict[str, Any]:
    ctx = info.context
    errors = _check(info, address, creating=True)
    if errors:
        return {"customerAddress": None, "userErrors": errors}
    draft = ctx.addresses.draft(_parts(address))
    if _twin(ctx.viewer, draft):
        return {"customerAddress": None, "userErrors": [_duplicate()]}
    saved = ctx.addresses.add(ctx.viewer, draft, default=defaultAddress)
    return {"customerAddress": saved, "userErrors": []}


def customer_address_update(
    _root: None,
    info: Info,
    addressId: str,
    address: dict[str, Any] | None = None,
    defaultAddress: bool = False,
) -> dict[str, Any]:
    ctx = info.context
    current = _saved(info, addressId)
    if current is None:
        return {"customerAddress": None, "userErrors": [_unknown(addressId)]}
    if address is None and not defaultAddress:
        error = _error(
            "ADDRESS_ARGUMENT_EMPTY", ["address"], "Give an address change or make it the default."
        )
        return {"customerAddress": None, "userErrors": [error]}
    errors = _check(info, address, creating=False) if address is not None else []
    if errors:
        return {"customerAddress": None, "userErrors": errors}
    draft = ctx.addresses.draft(_parts(address or {}), current)
    if _twin(ctx.viewer, draft, besides=current):
        return {"customerAddress": None, "userErrors": [_duplicate()]}
    saved = ctx.addresses.replace(ctx.viewer, current, draft, default=defaultAddress)
    return {"customerAddress": saved, "userErrors": []}


def customer_address_delete(_root: None, info: Info, addressId: str) -> dict[str, Any]:
    ctx = info.context
    current = _saved(info, addressId)
    if current is None:
        return {"deletedAddressId": None, "userErrors": [_unknown(addressId)]}
    if current is ctx.viewer.address:
        error = _error(
            "DELETING_CUSTOMER_DEFAULT_ADDRESS_NOT_ALLOWED",
            ["addressId"],
            "Make another address the default before removing this one.",
        )
        return {"deletedAddressId": None, "userErrors": [error]}
    ctx.addresses.remove(ctx.viewer, current)
    return {"deletedAddressId": address_gid(current), "userErrors": []}


ADDRESS_RESOLVERS: dict[str, dict[str, Any]] = {
    "Mutation": {
        "customerAddressCreate": customer_address_create,
        "customerAddressUpdate": customer_address_update,
        "customerAddressDelete": customer_address_delete,
    }
}

__all__ = [
    "ADDRESS_RESOLVERS",
    "customer_address_create",
    "customer_address_delete",
    "customer_address_update",
]
