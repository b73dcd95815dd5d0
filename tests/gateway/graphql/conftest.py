"""The catalog schema (the gateway's own Strawberry schema), shared by the document tests."""

from __future__ import annotations

import pytest
from graphql import GraphQLSchema


@pytest.fixture(scope="session")
def catalog_schema() -> GraphQLSchema:
    from schema import schema

    return schema._schema
