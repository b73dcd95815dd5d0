"""Every document the project sends to Shopify validates against Shopify's own schemas.

That is each `.graphql` file under `tests/sandbox/shopify/operations/`, and each document the
sandbox tests send: their `STOREFRONT_*` and `ADMIN_*` module constants and the operation files
they load. (Deliberately invalid documents live inline in the error tests.)
"""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

import pytest
from graphql import GraphQLSchema, parse, validate

from tests.sandbox.shopify.operations import APIS, documents
from tests.shopify_specs import needs_specs, real_admin, real_storefront

pytestmark = needs_specs

HERE = Path(__file__).parent
DOCUMENT_STARTS = ("query", "mutation", "{", "fragment")


def _real(api: str) -> GraphQLSchema:
    return real_storefront() if api == "storefront" else real_admin()


def test_operations_folder_holds_documents_for_both_apis() -> None:
    assert documents("storefront")
    assert set(APIS) == {"storefront", "admin"}


@pytest.mark.parametrize(
    ("api", "name"), [(api, name) for api in APIS for name in documents(api)], ids=lambda value: str(value)
)
def test_operation_file_is_valid_at_shopify(api: str, name: str) -> None:
    errors = validate(_real(api), parse(documents(api)[name]))
    assert [error.message for error in errors] == []


def _test_documents() -> list[tuple[str, str, str]]:
    found = []
    for module_info in pkgutil.iter_modules([str(HERE)]):
        if not module_info.name.startswith("test_") or module_info.name == "test_documents":
            continue
        module = importlib.import_module(f"{__package__}.{module_info.name}")
        for attribute, value in vars(module).items():
            for api, prefix in (("storefront", "STOREFRONT_"), ("admin", "ADMIN_")):
                is_document = isinstance(value, str) and value.lstrip().startswith(DOCUMENT_STARTS)
                if attribute.startswith(prefix) and is_document:
                    found.append((api, f"{module_info.name}.{attribute}", value))
    return found


TEST_DOCUMENTS = _test_documents()


def test_the_tests_send_documents_of_their_own() -> None:
    assert len(TEST_DOCUMENTS) > 10


@pytest.mark.parametrize(
    ("api", "where", "text"), TEST_DOCUMENTS, ids=[where for _, where, _ in TEST_DOCUMENTS]
)
def test_document_sent_by_the_tests_is_valid_at_shopify(api: str, where: str, text: str) -> None:
    errors = validate(_real(api), parse(text))
    assert [error.message for error in errors] == []
