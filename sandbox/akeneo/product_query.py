"""The options of a product list request, validated in the order and words of Akeneo's validator.

`GET /products-uuid` takes them as query parameters; `POST /products-uuid/search` takes the same
options in its JSON body (with `search` as an object or as a JSON string). Both end up here:
attributes, scope, locales and the search filter are checked, the filter is compiled, and the
values view (which locales, channel and attributes a response carries) is derived.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .catalog import Catalog
from .errors import AkeneoError
from .payloads import ValueView
from .php import json_encode
from .search_filter import CompiledSearch, compile_search
from .structure import CHANNELS, LOCALES


@dataclass(frozen=True, slots=True)
class ProductQuery:
    """What a product list asks for, before validation."""

    search: Any = None
    """The decoded filter, or None when the request has none."""
    locales: list[str] | None = None
    scope: str | None = None
    attributes: list[str] | None = None
    search_locale: str | None = None
    search_scope: str | None = None
    with_options: bool = False

    @classmethod
    def from_query(cls, query: Mapping[str, str]) -> ProductQuery:
        search: Any = None
        if "search" in query:
            search = _decode_search(query["search"])
        return cls(
            search=search,
            locales=query["locales"].split(",") if "locales" in query else None,
            scope=query.get("scope"),
            attributes=query["attributes"].split(",") if "attributes" in query else None,
            search_locale=query.get("search_locale"),
            search_scope=query.get("search_scope"),
            with_options=query.get("with_attribute_options", "false") == "true",
        )

    @classmethod
    def from_body(cls, body: Any) -> ProductQuery:
        if not isinstance(body, dict):
            body = {}
        search = body.get("search")
        if isinstance(search, str):
            search = _decode_search(search)
        return cls(
            search=search,
            locales=_list(body.get("locales")),
            scope=_text(body.get("scope")),
            attributes=_list(body.get("attributes")),
            search_locale=_text(body.get("search_locale")),
            search_scope=_text(body.get("search_scope")),
            with_options=body.get("with_attribute_options") in (True, "true"),
        )

    def validate(self, catalog: Catalog) -> tuple[CompiledSearch, ValueView]:
        """Check attributes, scope, locales and the filter; raises `AkeneoError` like Akeneo (422)."""
        if self.attributes is not None:
            unknown = [a.strip() for a in self.attributes if a.strip() not in catalog.structure.attributes]
            if unknown:
                pattern = (
                    'Attributes "%s" do not exist.' if len(unknown) > 1 else 'Attribute "%s" does not exist.'
                )
                raise AkeneoError(422, pattern % ", ".join(unknown))
        if self.scope is not None and self.scope not in CHANNELS:
            raise AkeneoError(422, f'Scope "{self.scope}" does not exist.')
        if self.locales is not None:
            unknown = [loc.strip() for loc in self.locales if loc.strip() not in LOCALES]
            if unknown:
                pattern = (
                    'Locales "%s" do not exist or are not activated.'
                    if len(unknown) > 1
                    else 'Locale "%s" does not exist or is not activated.'
                )
                raise AkeneoError(422, pattern % ", ".join(unknown))
        compiled = compile_search(
            self.search, catalog, search_locale=self.search_locale, search_scope=self.search_scope
        )
        locales = self.locales
        if locales is None and self.scope is not None:
            locales = list(LOCALES)  # a channel alone trims values to the channel's locales
        view = ValueView(
            locales=frozenset(loc.strip() for loc in locales) if locales is not None else None,
            scope=self.scope,
            attributes=frozenset(a.strip() for a in self.attributes) if self.attributes is not None else None,
            with_options=self.with_options,
        )
        return compiled, view

    def link_params(self) -> dict[str, Any]:
        """The filter options repeated in pagination links, in Akeneo's order."""
        params: dict[str, Any] = {}
        if self.search not in (None, [], {}):
            params["search"] = json_encode(self.search)
        if self.scope is not None:
            params["scope"] = self.scope
        if self.search_scope is not None:
            params["search_scope"] = self.search_scope
        if self.locales is not None:
            params["locales"] = ",".join(self.locales)
        if self.attributes is not None:
            params["attributes"] = ",".join(self.attributes)
        if self.with_options:
            params["with_attribute_options"] = "true"
        return params


def _decode_search(raw: str) -> Any:
    try:
        search = json.loads(raw)
    except ValueError:
        search = None
    # PHP's json_decode(…, true) must give an array: objects and lists pass, anything else is refused.
    if not isinstance(search, dict | list):
        raise AkeneoError(400, "Search query parameter should be valid JSON.")
    return search


def _list(value: Any) -> list[str] | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value.split(",")
    if isinstance(value, list):
        return [str(v) for v in value]
    return [str(value)]


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


__all__ = ["ProductQuery"]
