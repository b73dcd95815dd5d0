"""The Akeneo answers the content connector reads, as pydantic models of exactly the fields it uses.

Fields the connector does not read are ignored (every Akeneo release adds some). The fields it
reads are strict: the JSON type Akeneo documents, `null` only where Akeneo sends one (a value's
locale, scope and empty data, a product's parent and identifier, a label, a grant's refresh
token), and absent only where the connector can do without them. A value's `data` takes the shape of its attribute's type (text,
option codes, a metric...), which only the attribute list tells: product pages are validated with
the attribute types as context. `read_answer` (backends/http) turns any mismatch into the
`BackendBadResponse` of akeneo.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Annotated, Any, Generic, NamedTuple, TypeVar

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    TypeAdapter,
    ValidationError,
    ValidationInfo,
    field_validator,
)
from pydantic_core import PydanticCustomError

T = TypeVar("T")


class Answer(BaseModel):
    """A part of an Akeneo answer: strict on the fields declared, blind to the others."""

    model_config = ConfigDict(strict=True, extra="ignore", frozen=True, allow_inf_nan=False)


def _not_null(value: object) -> object:
    if value is None:
        raise PydanticCustomError("not_null", "null where Akeneo sends a value or nothing")
    return value


Omittable = Annotated[T | None, BeforeValidator(_not_null)]
"""A field Akeneo may leave out but never sends as null; None when it was left out."""


def _iso_datetime(value: object) -> datetime:
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            pass
    raise PydanticCustomError("iso_datetime", "expected an ISO 8601 date and time")


IsoDateTime = Annotated[datetime, BeforeValidator(_iso_datetime)]


def _without_nulls(value: object) -> object:
    # Rebuilt only when there is a null to drop: labels of every option of every product pass here.
    if isinstance(value, dict) and None in value.values():
        return {k: v for k, v in value.items() if v is not None}
    return value


Labels = Annotated[dict[str, str], BeforeValidator(_without_nulls)]
"""Text per locale; a locale whose label is null has none."""


# -- POST /api/oauth/v1/token ---------------------------------------------------------------------------


class TokenGrant(Answer):
    access_token: str = Field(min_length=1)
    expires_in: float = Field(gt=0)
    """Seconds the access token lives."""
    refresh_token: str | None = None


# -- paginated lists ----------------------------------------------------------------------------------


class Link(Answer):
    href: str


class PageLinks(Answer):
    next: Omittable[Link] = None
    """Absent on the last page."""


class Embedded(Answer, Generic[T]):
    items: list[T]


class ListPage(Answer, Generic[T]):
    """One page of a list: `{"_links": {"next": ...}, "_embedded": {"items": [...]}}`."""

    links: PageLinks = Field(default_factory=PageLinks, alias="_links")
    embedded: Embedded[T] = Field(alias="_embedded")


class AttributeItem(Answer):
    code: str = Field(min_length=1)
    type: str
    labels: Labels = Field(default_factory=dict)
    sort_order: int = 0


class CategoryItem(Answer):
    code: str = Field(min_length=1)
    labels: Labels = Field(default_factory=dict)


# -- products -------------------------------------------------------------------------------------------


class Metric(Answer):
    amount: str | int | float
    """A decimal, as a string in Akeneo's answers (a number in some older ones)."""
    unit: str


class Price(Answer):
    """One price of a `pim_catalog_price_collection`: a decimal string, null for an unpriced currency."""

    amount: str | int | float | None
    currency: str


class LinkedData(Answer):
    """What `with_attribute_options=true` adds to a simple select's value: the option's labels."""

    code: str
    """The option's code, which Akeneo always sends: what tells one option from an object of them."""
    labels: Labels = Field(default_factory=dict)


OptionsLinkedData = dict[str, LinkedData]
"""What it adds to a multi-select's value: each option's, by option code."""


class Value(Answer):
    """One `{locale, scope, data}` of an attribute; `data` is checked against the attribute's type."""

    locale: str | None = None
    scope: str | None = None
    data: Any
    linked_data: Annotated[
        LinkedData | OptionsLinkedData | None,
        # tried in order, the commoner first: an object of options has no `code` of its own that
        # is text (an option coded `code` is an object), so the simple select's shape fails on it;
        # a simple select's `attribute` and `code` are text, never an option, so the other fails
        Field(union_mode="left_to_right"),
        BeforeValidator(_not_null),
    ] = None


def _is_text(data: object) -> bool:
    return data is None or type(data) is str


def _is_codes(data: object) -> bool:
    return data is None or (type(data) is list and all(type(code) is str for code in data))


def _is_text_or_codes(data: object) -> bool:
    return _is_text(data) or _is_codes(data)


class DataShape(NamedTuple):
    adapter: TypeAdapter[Any]
    expected: str
    """Said in the error when `data` is not of the shape."""
    plain: Callable[[object], bool] | None = None
    """A quick test of data the adapter would pass as it is: thousands of values a page are
    checked with it, the adapter sees only the others (metrics, prices, and anything wrong)."""


_TEXT = DataShape(TypeAdapter(str | None), "text", _is_text)
_CODES = DataShape(TypeAdapter(list[str] | None), "a list of option codes", _is_codes)
DATA_SHAPES: Mapping[str, DataShape] = {
    **dict.fromkeys(
        (
            "pim_catalog_identifier",
            "pim_catalog_text",
            "pim_catalog_textarea",
            "pim_catalog_simpleselect",
            "pim_catalog_date",
            "pim_catalog_image",
            "pim_catalog_file",
            "pim_reference_data_simpleselect",
        ),
        _TEXT,
    ),
    "pim_catalog_multiselect": _CODES,
    "pim_reference_data_multiselect": _CODES,
    "pim_catalog_boolean": DataShape(
        TypeAdapter(bool | None), "a boolean", lambda data: data is None or type(data) is bool
    ),
    "pim_catalog_number": DataShape(
        TypeAdapter(str | int | float | None),
        "a number",
        lambda data: data is None or type(data) in (str, int, float),
    ),
    "pim_catalog_metric": DataShape(TypeAdapter(Metric | None), "a metric {amount, unit}"),
    "pim_catalog_price_collection": DataShape(
        TypeAdapter(list[Price] | None), "a list of prices {amount, currency}"
    ),
}
"""The `data` of each attribute type the gateway shows; null is an empty value."""
FEATURES_SHAPE = DataShape(TypeAdapter(str | list[str] | None), "text or a list of lines", _is_text_or_codes)
"""Feature bullets: lines of a text, or a list of them."""


def data_shape(code: str, attribute_type: str | None) -> DataShape | None:
    """What the `data` of attribute `code` must be; None for a type the gateway does not know."""
    if code == "features":
        return FEATURES_SHAPE
    return DATA_SHAPES.get(attribute_type or "")


class Product(Answer):
    """A product of `GET /api/rest/v1/products-uuid`, validated with `context` = attribute types."""

    uuid: str = Field(min_length=1)
    identifier: str | None = None
    """The identifier-keyed API's SKU, read when the identifier attribute has no value."""
    values: dict[str, list[Value]]
    categories: list[str] = Field(default_factory=list)
    parent: str | None = None
    """The product model's code, for a variant."""
    updated: Omittable[IsoDateTime] = None

    @field_validator("values")
    @classmethod
    def _data_of_its_attribute_type(
        cls, values: dict[str, list[Value]], info: ValidationInfo
    ) -> dict[str, list[Value]]:
        types: Mapping[str, str] = info.context if isinstance(info.context, Mapping) else {}
        for code, entries in values.items():
            shape = data_shape(code, types.get(code))
            if shape is None:
                continue  # an attribute type the gateway does not show, or the structure does not know yet
            plain = shape.plain
            for index, entry in enumerate(entries):
                if plain is not None and plain(entry.data):
                    continue
                try:
                    data = shape.adapter.validate_python(entry.data, strict=True)
                except ValidationError:
                    raise PydanticCustomError(
                        "attribute_data",
                        "{place} should be {expected}",
                        {"place": f"{code}[{index}].data", "expected": shape.expected},
                    ) from None
                if data is not entry.data:  # a metric or prices, now models
                    entries[index] = entry.model_copy(update={"data": data})
        return values


TOKEN_GRANT = TypeAdapter(TokenGrant)
ATTRIBUTE_PAGE = TypeAdapter(ListPage[AttributeItem])
CATEGORY_PAGE = TypeAdapter(ListPage[CategoryItem])
PRODUCT_PAGE = TypeAdapter(ListPage[Product])


__all__ = [
    "ATTRIBUTE_PAGE",
    "CATEGORY_PAGE",
    "DATA_SHAPES",
    "FEATURES_SHAPE",
    "PRODUCT_PAGE",
    "TOKEN_GRANT",
    "AttributeItem",
    "CategoryItem",
    "DataShape",
    "LinkedData",
    "ListPage",
    "Metric",
    "OptionsLinkedData",
    "Price",
    "Product",
    "TokenGrant",
    "Value",
    "data_shape",
]
