"""Shopify's real schemas from `/work/shared/specs/shopify`, for the sandbox conformance tests."""

from __future__ import annotations

import gzip
import json
from functools import cache
from pathlib import Path

import pytest
from graphql import GraphQLSchema, build_client_schema, build_schema

SPECS = Path(__file__).resolve().parents[1] / ".." / "shared" / "specs" / "shopify"
STOREFRONT_SDL = SPECS / "storefront_2026-04.graphql"
ADMIN_INTROSPECTION = SPECS / "admin_2026-07.json.gz"

needs_specs = pytest.mark.skipif(
    not (STOREFRONT_SDL.exists() and ADMIN_INTROSPECTION.exists()),
    reason="Shopify's schemas live in ../shared/specs/shopify next to the repository; absent here",
)


def _trusted(schema: GraphQLSchema) -> GraphQLSchema:
    # Shopify's schemas break graphql-core 3.3's rule that an implementation of a non-deprecated
    # interface field may not be deprecated (MediaPresentation.id…). graphql-ruby has no such rule;
    # treat the vendor's schema as valid so documents can be checked against it.
    schema._validation_errors = []
    return schema


@cache
def real_storefront() -> GraphQLSchema:
    return _trusted(build_schema(STOREFRONT_SDL.read_text()))


@cache
def real_admin() -> GraphQLSchema:
    with gzip.open(ADMIN_INTROSPECTION) as raw:
        return _trusted(build_client_schema(json.load(raw)["data"]))


__all__ = ["needs_specs", "real_admin", "real_storefront"]
