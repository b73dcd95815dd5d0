"""The catalog structure endpoints: categories, attributes and options, families and their variants,
channels and locales.

They page with the `page` type only, and each takes the few `search` filters Akeneo documents for it
(categories: `code` IN, `parent` =, `is_root` =; attributes: `code` IN, `type` IN; families: `code`
IN; locales: `enabled` =). Labels are given in every activated locale.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from aiohttp import web

from .errors import AkeneoError
from .pagination import list_params, offset_envelope, parse_pagination
from .payloads import API, timestamp
from .php import gettype
from .responses import json_response
from .search_checks import as_criteria, check_structure
from .structure import (
    ATTRIBUTES,
    AXES,
    CHANNELS,
    IDENTIFIER,
    INACTIVE_LOCALES,
    LOCALES,
    VARIANT_LEVEL,
    Attribute,
    Category,
    Family,
    Structure,
)

Item = dict[str, Any]
Filter = Callable[[Item], bool]

CURRENCIES = ("EUR", "USD")
CHANNEL_LABELS = {
    "ecommerce": {"en_US": "Ecommerce", "fr_FR": "E-commerce", "de_DE": "E-Commerce"},
    "mobile": {"en_US": "Mobile app", "fr_FR": "Application mobile", "de_DE": "Mobile App"},
}
GROUP_LABELS = {
    "general": {"en_US": "General", "fr_FR": "Général", "de_DE": "Allgemein"},
    "marketing": {"en_US": "Marketing", "fr_FR": "Marketing", "de_DE": "Marketing"},
    "technical": {"en_US": "Technical", "fr_FR": "Technique", "de_DE": "Technik"},
    "variation": {"en_US": "Variation", "fr_FR": "Déclinaison", "de_DE": "Variante"},
    "media": {"en_US": "Media", "fr_FR": "Médias", "de_DE": "Medien"},
}


def category_payload(category: Category, *, with_position: bool = False) -> Item:
    body: Item = {"code": category.code, "parent": category.parent, "updated": timestamp(category.updated)}
    if with_position:
        body["position"] = category.position
    body["labels"] = dict(category.labels)
    return body


def attribute_payload(attribute: Attribute) -> Item:
    text = attribute.type in ("pim_catalog_text", "pim_catalog_textarea")
    return {
        "code": attribute.code,
        "type": attribute.type,
        "group": attribute.group,
        "unique": attribute.code == IDENTIFIER,
        "useable_as_grid_filter": True,
        "allowed_extensions": list(attribute.allowed_extensions),
        "metric_family": attribute.metric_family,
        "default_metric_unit": attribute.default_metric_unit,
        "reference_data_name": None,
        "available_locales": [],
        "max_characters": 255 if attribute.type == "pim_catalog_text" else None,
        "validation_rule": None,
        "validation_regexp": None,
        "wysiwyg_enabled": attribute.wysiwyg_enabled if text else None,
        "number_min": None,
        "number_max": None,
        "decimals_allowed": True if attribute.metric_family else None,
        "negative_allowed": False if attribute.metric_family else None,
        "date_min": None,
        "date_max": None,
        "max_file_size": "10.00" if attribute.allowed_extensions else None,
        "minimum_input_length": None,
        "sort_order": attribute.sort_order,
        "localizable": attribute.localizable,
        "scopable": attribute.scopable,
        "labels": dict(attribute.labels),
        "guidelines": {},
        "auto_option_sorting": None,
        "default_value": None,
        "group_labels": GROUP_LABELS[attribute.group],
    }


def family_payload(family: Family) -> Item:
    codes = [a.code for a in ATTRIBUTES]
    return {
        "code": family.code,
        "attribute_as_label": "name",
        "attribute_as_image": "packshot",
        "attributes": codes,
        "attribute_requirements": {
            "ecommerce": [IDENTIFIER, "name", "description", "packshot"],
            "mobile": [IDENTIFIER, "name"],
        },
        "labels": dict(family.labels),
    }


def family_variant_payload(family: Family) -> Item:
    labels = {loc: f"{label} by color and size" for loc, label in family.labels.items()}
    return {
        "code": family.variant,
        "labels": labels,
        "variant_attribute_sets": [
            {
                "level": 1,
                "axes": list(AXES),
                "attributes": [a.code for a in ATTRIBUTES if a.level == VARIANT_LEVEL],
            }
        ],
    }


def channel_payload(code: str) -> Item:
    return {
        "code": code,
        "currencies": list(CURRENCIES),
        "locales": sorted(LOCALES),
        "category_tree": "master",
        "conversion_units": {},
        "labels": CHANNEL_LABELS[code],
    }


def locale_payloads() -> list[Item]:
    codes = sorted((*LOCALES, *INACTIVE_LOCALES))
    return [{"code": code, "enabled": code in LOCALES} for code in codes]


def _clauses(query: Mapping[str, str], allowed: dict[str, frozenset[str]]) -> list[tuple[str, str, Any]]:
    """Decode and validate a structure endpoint's `search`; returns (property, operator, value)."""
    if "search" not in query:
        return []
    try:
        decoded = json.loads(query["search"])
    except ValueError:
        decoded = None
    if not isinstance(decoded, dict | list):
        raise AkeneoError(400, "Search query parameter should be valid JSON.")
    criteria = as_criteria(decoded)
    check_structure(criteria)
    clauses = []
    for prop, filters in criteria.items():
        for clause in filters:
            operator = clause["operator"]
            if operator not in allowed.get(prop, frozenset()):
                raise AkeneoError(
                    422,
                    f'Filter on property "{prop}" is not supported or does not support operator "{operator}"',
                )
            clauses.append((prop, operator, clause.get("value")))
    return clauses


def _filter(prop: str, operator: str, value: Any) -> Filter:
    if operator == "IN":
        if not isinstance(value, list):
            raise AkeneoError(422, f'Property "{prop}" expects an array as data, "{gettype(value)}" given.')
        wanted = set(value)
        return lambda item: item.get(prop) in wanted
    if prop in ("is_root", "enabled") and not isinstance(value, bool):
        raise AkeneoError(422, f'Property "{prop}" expects a boolean as data, "{gettype(value)}" given.')
    if prop == "is_root":
        return lambda item: (item["parent"] is None) is value
    return lambda item: item.get(prop) == value


class ReferenceRoutes:
    """Read-only structure endpoints over one catalog structure."""

    def __init__(self, structure: Structure) -> None:
        self.structure = structure

    def _list(
        self, request: web.Request, path: str, items: list[Item], filters: list[Filter], key: str
    ) -> web.Response:
        pagination = parse_pagination(request.query)
        pagination.check_result_window()
        origin = str(request.url.origin())
        matching = [item for item in items if all(f(item) for f in filters)]
        page = matching[pagination.offset : pagination.offset + pagination.limit]
        linked = [{"_links": {"self": {"href": f"{origin}{path}/{item[key]}"}}, **item} for item in page]
        body = offset_envelope(
            linked,
            pagination,
            list_url=origin + path,
            params=list_params(request.query, pagination),
            count=len(matching) if pagination.with_count else None,
        )
        return json_response(body)

    async def list_categories(self, request: web.Request) -> web.Response:
        clauses = _clauses(
            request.query,
            {"code": frozenset({"IN"}), "parent": frozenset({"="}), "is_root": frozenset({"="})},
        )
        with_position = request.query.get("with_position") == "true"
        items = [category_payload(c, with_position=with_position) for c in self.structure.categories.values()]
        return self._list(request, f"{API}/categories", items, [_filter(*c) for c in clauses], "code")

    async def get_category(self, request: web.Request) -> web.Response:
        code = request.match_info["code"]
        category = self.structure.categories.get(code)
        if category is None:
            raise AkeneoError(404, f'Category "{code}" does not exist.')
        return json_response(
            category_payload(category, with_position=request.query.get("with_position") == "true")
        )

    async def list_attributes(self, request: web.Request) -> web.Response:
        clauses = _clauses(request.query, {"code": frozenset({"IN"}), "type": frozenset({"IN"})})
        items = [attribute_payload(a) for a in self.structure.attributes.values()]
        return self._list(request, f"{API}/attributes", items, [_filter(*c) for c in clauses], "code")

    def _attribute(self, code: str) -> Attribute:
        attribute = self.structure.attributes.get(code)
        if attribute is None:
            raise AkeneoError(404, f'Attribute "{code}" does not exist.')
        return attribute

    async def get_attribute(self, request: web.Request) -> web.Response:
        return json_response(attribute_payload(self._attribute(request.match_info["code"])))

    def _options(self, code: str) -> list[Item]:
        attribute = self._attribute(code)
        if code not in self.structure.options:
            raise AkeneoError(
                404,
                f'Attribute "{attribute.code}" does not support options. Only attributes of type '
                '"pim_catalog_simpleselect", "pim_catalog_multiselect" support options.',
            )
        return [
            {"code": o.code, "attribute": o.attribute, "sort_order": o.sort_order, "labels": dict(o.labels)}
            for o in self.structure.options[code].values()
        ]

    async def list_options(self, request: web.Request) -> web.Response:
        code = request.match_info["code"]
        items = self._options(code)
        return self._list(request, f"{API}/attributes/{code}/options", items, [], "code")

    async def get_option(self, request: web.Request) -> web.Response:
        options = {o["code"]: o for o in self._options(request.match_info["code"])}
        option = options.get(request.match_info["option"])
        if option is None:
            raise AkeneoError(404, f'Attribute option "{request.match_info["option"]}" does not exist.')
        return json_response(option)

    async def list_families(self, request: web.Request) -> web.Response:
        clauses = _clauses(request.query, {"code": frozenset({"IN"})})
        items = [family_payload(f) for f in self.structure.families.values()]
        return self._list(request, f"{API}/families", items, [_filter(*c) for c in clauses], "code")

    def _family(self, code: str) -> Family:
        family = self.structure.families.get(code)
        if family is None:
            raise AkeneoError(404, f'Family "{code}" does not exist.')
        return family

    async def get_family(self, request: web.Request) -> web.Response:
        return json_response(family_payload(self._family(request.match_info["code"])))

    async def list_family_variants(self, request: web.Request) -> web.Response:
        code = request.match_info["code"]
        items = [family_variant_payload(self._family(code))]
        return self._list(request, f"{API}/families/{code}/variants", items, [], "code")

    async def get_family_variant(self, request: web.Request) -> web.Response:
        family = self._family(request.match_info["code"])
        if request.match_info["variant"] != family.variant:
            raise AkeneoError(404, f'Family variant "{request.match_info["variant"]}" does not exist.')
        return json_response(family_variant_payload(family))

    async def list_channels(self, request: web.Request) -> web.Response:
        items = [channel_payload(code) for code in CHANNELS]
        return self._list(request, f"{API}/channels", items, [], "code")

    async def get_channel(self, request: web.Request) -> web.Response:
        code = request.match_info["code"]
        if code not in CHANNELS:
            raise AkeneoError(404, f'Channel "{code}" does not exist.')
        return json_response(channel_payload(code))

    async def list_locales(self, request: web.Request) -> web.Response:
        clauses = _clauses(request.query, {"enabled": frozenset({"="})})
        return self._list(
            request, f"{API}/locales", locale_payloads(), [_filter(*c) for c in clauses], "code"
        )

    async def get_locale(self, request: web.Request) -> web.Response:
        code = request.match_info["code"]
        locale = next((item for item in locale_payloads() if item["code"] == code), None)
        if locale is None:
            raise AkeneoError(404, f'Locale "{code}" does not exist.')
        return json_response(locale)


__all__ = [
    "ReferenceRoutes",
    "attribute_payload",
    "category_payload",
    "channel_payload",
    "family_payload",
    "family_variant_payload",
    "locale_payloads",
]
