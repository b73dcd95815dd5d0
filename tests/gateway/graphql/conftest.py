"""The composed schema the document tests run over: the Storefront emulator's SDL with the gateway's fields."""

from __future__ import annotations

from pathlib import Path

import pytest
from graphql import GraphQLSchema, build_schema

from gateway.graphql.composition import compose
from schema import STRAWBERRY_CONFIG
from schema.extensions import EXTENSIONS

STOREFRONT_SDL = Path(__file__).resolve().parents[3] / "sandbox" / "shopify" / "storefront.graphql"


@pytest.fixture(scope="session")
def composed_schema() -> GraphQLSchema:
    return compose(build_schema(STOREFRONT_SDL.read_text()), EXTENSIONS, STRAWBERRY_CONFIG)
