"""The product page part of the Storefront schema in one place: its resolvers and its record classes.

`schema.py` binds `PRODUCT_PAGE_RESOLVERS` after the catalog's, shop's and content's (it serves
`MediaImage` for the shop's brand images too) and adds `PRODUCT_PAGE_TYPE_NAMES` to the types
interfaces and unions resolve to (`Media`, `MetafieldReference`, the selling plan unions).
"""

from __future__ import annotations

from typing import Any

from .media import MEDIA_RESOLVERS, MEDIA_TYPE_NAMES
from .metafields import METAFIELD_RESOLVERS
from .predictive_search import PREDICTIVE_SEARCH_RESOLVERS
from .selling_plans import SELLING_PLAN_RESOLVERS, SELLING_PLAN_TYPE_NAMES
from .tracking import TRACKING_RESOLVERS
from .variant_picker import VARIANT_PICKER_RESOLVERS
from .variant_terms import VARIANT_TERMS_RESOLVERS


def _merged(*parts: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    merged: dict[str, dict[str, Any]] = {}
    for part in parts:
        for type_name, fields in part.items():
            merged.setdefault(type_name, {}).update(fields)
    return merged


PRODUCT_PAGE_RESOLVERS = _merged(
    MEDIA_RESOLVERS,
    METAFIELD_RESOLVERS,
    PREDICTIVE_SEARCH_RESOLVERS,
    SELLING_PLAN_RESOLVERS,
    TRACKING_RESOLVERS,
    VARIANT_PICKER_RESOLVERS,
    VARIANT_TERMS_RESOLVERS,
)

PRODUCT_PAGE_TYPE_NAMES: dict[type, str] = {**MEDIA_TYPE_NAMES, **SELLING_PLAN_TYPE_NAMES}


__all__ = ["PRODUCT_PAGE_RESOLVERS", "PRODUCT_PAGE_TYPE_NAMES"]
