"""What an extension is: a gateway-owned field on one of Shopify's objects, and how its values load.

Composition (`gateway.graphql.composition`) adds each extension to Shopify's schema; planning
asks Shopify for its `requires` selection beside the client's, so the gateway can load the
extension's value from its own system. An override is a field Shopify has whose value another
system holds the truth of (stock, when the ERP is the system of record): Shopify's value is asked
for too, and kept wherever that system cannot say. Each domain declares its own extensions
(`schema.catalog`, `schema.customer`, ...); `schema.extensions` lists what the gateway serves.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from resolvers.context import RequestContext


class SiteInput(Protocol):
    """What a load learns of one site of its field in the answer (`gateway.graphql.grafting.Site`)."""

    @property
    def keys(self) -> Mapping[str, Any]:
        """The `requires` fields Shopify returned for the site's object, by field name."""

    @property
    def arguments(self) -> Mapping[str, Any]:
        """The field's arguments at this site, coerced, defaults applied."""

    @property
    def selected(self) -> frozenset[str]:
        """The names of the fields the client selects on the value, through its fragments."""


SiteLoad = Callable[[RequestContext, Sequence[SiteInput]], Awaitable[list[Any]]]
"""Given every site of a field in one answer: per site, its value, None, or the exception that cost it."""


@dataclass(frozen=True, slots=True)
class Extension:
    """A field the gateway adds to one of Shopify's object types."""

    parent: str
    """Shopify's type that gets the field, e.g. `Product`."""
    field: str
    type: type
    """The Strawberry type of the field's value (nullable: a failing system nulls only its fields)."""
    description: str
    requires: str
    """The selection on `parent` that the value is keyed by, in Shopify's terms."""
    load: SiteLoad
    """Loads the values of every site of the field in one answer, in one batch per system."""
    arguments: str = ""
    """The field's arguments as SDL, each with its description, e.g. `(\"""How many.\""" first: Int = 10)`."""
    many: bool = False
    """The value is a list of `type` (`[T!]`, the list nullable): a load gives each site a list."""


@dataclass(frozen=True, slots=True)
class Override:
    """A field of Shopify's whose value the gateway takes from another system where it can."""

    parent: str
    field: str
    requires: str
    """The selection on `parent` that the value is keyed by, in Shopify's terms."""
    load: SiteLoad
    """Per site: the value, or None to keep Shopify's (the system has no figure or failed)."""


__all__ = ["Extension", "Override", "SiteInput", "SiteLoad"]
