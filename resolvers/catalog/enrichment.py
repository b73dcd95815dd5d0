"""PIM content and ERP stock, loaded for a whole list of products before its fields are walked.

Resolving `content` or `stock` field by field would make every product and variant an awaiting
resolver; instead the resolver that produced the products looks ahead in the operation once, loads
what the selection asks for in one batch per backend, and hands the outcomes to the products, whose
fields then read them synchronously. A failed backend's outcome is the exception itself, raised by
the field that needs it, so the error lands on that field's path and nowhere else.
"""

from __future__ import annotations

from collections.abc import Awaitable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from strawberry.types import Info
from strawberry.types.nodes import SelectedField, Selection

from gateway.models.catalog import Detail, Product, Variant
from gateway.models.content import ProductContent
from gateway.models.stock import VariantStock
from resolvers import loaders
from resolvers.context import RequestContext

CONTENT_FIELDS = frozenset({"content"})
STOCK_FIELDS = frozenset({"stock"})
AVAILABILITY_FIELDS = frozenset({"availableForSale", "quantityAvailable"})
FULL_DETAIL_FIELDS = frozenset(
    {
        "description",
        "descriptionHtml",
        "seo",
        "options",
        "images",
        "selectedOrFirstAvailableVariant",
        "variantBySelectedOptions",
        "barcode",
        "requiresShipping",
        "weight",
        "weightUnit",
        "image",
    }
)
"""Fields only the full product detail holds: selecting any of them fetches the full product."""

Outcome = Any
"""A loaded value, None (the backend has no such key), or the backend's exception."""


@dataclass(frozen=True, slots=True)
class Wants:
    """What a selection needs beyond the catalog card: PIM content, ERP stock, the full product."""

    content: bool = False
    stock: bool = False
    detail: Detail = Detail.FULL


@dataclass(slots=True)
class Enrichment:
    """What the PIM and the ERP said about a set of products, by SKU."""

    content: dict[str, ProductContent | BaseException | None] = field(default_factory=dict)
    stock: dict[str, VariantStock | BaseException | None] = field(default_factory=dict)


def _skipped(directives: dict[str, dict[str, Any]]) -> bool:
    return directives.get("skip", {}).get("if") is True or directives.get("include", {}).get("if") is False


def names_under(selections: Iterable[Selection]) -> set[str]:
    """Every field name selected in `selections` (fragments followed, skipped ones left out)."""
    names: set[str] = set()

    def visit(selections: Iterable[Selection]) -> None:
        for selection in selections:
            if _skipped(selection.directives):
                continue
            if isinstance(selection, SelectedField):
                names.add(selection.name)
            visit(selection.selections)

    visit(selections)
    return names


def fields_named(selections: Iterable[Selection], name: str) -> list[SelectedField]:
    """The fields called `name` selected directly in `selections` (through fragments, not below fields)."""
    found: list[SelectedField] = []
    for selection in selections:
        if _skipped(selection.directives):
            continue
        if isinstance(selection, SelectedField):
            if selection.name == name:
                found.append(selection)
        else:
            found += fields_named(selection.selections, name)
    return found


def selected_names(info: Info[RequestContext, Any]) -> set[str]:
    """Every field name selected under the current field."""
    return names_under(info.selected_fields)


def wants(info: Info[RequestContext, Any]) -> Wants:
    return wants_of(selected_names(info), info.context)


def wants_of(names: set[str], context: RequestContext) -> Wants:
    """What a selection with these field names needs from the PIM, the ERP and the catalog."""
    services = context.services
    stock_for_availability = services.settings.stock_from_erp and bool(names & AVAILABILITY_FIELDS)
    return Wants(
        content=services.content is not None and bool(names & CONTENT_FIELDS),
        stock=services.stock is not None and (bool(names & STOCK_FIELDS) or stock_for_availability),
        detail=Detail.FULL if names & FULL_DETAIL_FIELDS else Detail.CARD,
    )


async def _settle(futures: Iterable[tuple[str, Awaitable[Any]]]) -> dict[str, Any]:
    outcomes: dict[str, Any] = {}
    for key, future in futures:
        try:
            outcomes[key] = await future
        except Exception as exc:  # one failed key keeps its own outcome
            outcomes[key] = exc
    return outcomes


async def enrich(
    context: RequestContext, products: Sequence[Product], wanted: Wants, variants: Sequence[Variant] = ()
) -> Enrichment:
    """Load content and stock for `products` (and loose `variants`) as `wanted`, one batch per backend."""
    enrichment = Enrichment()
    if not (wanted.content or wanted.stock) or not (products or variants):
        return enrichment
    content_futures: list[tuple[str, Awaitable[Any]]] = []
    stock_futures: list[tuple[str, Awaitable[Any]]] = []
    # Every load is issued before the first await: each loader then sends one batch for all its keys.
    if wanted.content and (content_loader := loaders.content_by_sku(context)) is not None:
        for product in products:
            if product.skus:  # a variant inherits its product model's content: the first SKU speaks for all
                content_futures.append((product.skus[0], content_loader.load(product.skus[0])))
    if wanted.stock and (stock_loader := loaders.stock_by_sku(context)) is not None:
        skus = [sku for product in products for sku in product.skus]
        skus += [variant.sku for variant in variants if variant.sku]
        stock_futures = [(sku, stock_loader.load(sku)) for sku in dict.fromkeys(skus)]
    enrichment.content = await _settle(content_futures)
    enrichment.stock = await _settle(stock_futures)
    return enrichment


def outcome(values: dict[str, Any], key: str | None) -> Any:
    """The value for `key`, raising the backend's error when it failed (None when never loaded)."""
    if key is None:
        return None
    found = values.get(key)
    if isinstance(found, BaseException):
        raise found
    return found


__all__ = [
    "Enrichment",
    "Wants",
    "enrich",
    "fields_named",
    "names_under",
    "outcome",
    "selected_names",
    "wants",
    "wants_of",
]
