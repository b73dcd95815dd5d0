"""The search-syntax parser and the money format, on their own."""

from __future__ import annotations

from decimal import Decimal

import pytest

from sandbox.shopify.money import format_amount
from sandbox.shopify.search_syntax import All, Any_, Not, Term, parse


@pytest.mark.parametrize(
    ("query", "tree"),
    [
        ("", None),
        ("shirt", Term(None, "shirt")),
        ("tag:sale", Term("tag", "sale")),
        ('title:"red shirt"', Term("title", "red shirt")),
        ("title:red*", Term("title", "red", prefix=True)),
        ("created_at:>=2026-01-01", Term("created_at", "2026-01-01", ">=")),
        ("-tag:sale", Not(Term("tag", "sale"))),
        ("NOT tag:sale", Not(Term("tag", "sale"))),
        ("sku:A OR sku:B", Any_((Term("sku", "A"), Term("sku", "B")))),
        ("a b AND c", All((Term(None, "a"), Term(None, "b"), Term(None, "c")))),
        (
            "(tag:a OR tag:b) -vendor:x",
            All((Any_((Term("tag", "a"), Term("tag", "b"))), Not(Term("vendor", "x")))),
        ),
        ("sku:TEE-00001-BLK-M", Term("sku", "TEE-00001-BLK-M")),
    ],
)
def test_parse(query: str, tree: object) -> None:
    assert parse(query) == tree


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        ("10.50", "10.5"),
        ("57", "57.0"),
        ("0", "0.0"),
        ("19.99", "19.99"),
        ("114.465", "114.47"),
        ("1200.00", "1200.0"),
    ],
)
def test_amounts_are_formatted_like_shopify(amount: str, text: str) -> None:
    assert format_amount(Decimal(amount)) == text
