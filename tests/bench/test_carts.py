"""Cart adds go to the carts in turn, and a cart takes only its own few variants, however long the run."""

from __future__ import annotations

from collections import defaultdict
from itertools import pairwise

from bench.carts import ADDS_PER_CART, MIN_QUANTITY
from bench.scenarios import Scenario
from bench.targets import CartTarget

from .scenario_requests import scenario


def test_consecutive_adds_go_to_different_carts_each_taking_its_own_variants(
    carts: tuple[CartTarget, ...],
) -> None:
    by_cart: dict[str, list[str]] = defaultdict(list)
    for target in carts:
        by_cart[target.cart_id].append(target.variant.sku)

    assert len(by_cart) == 3
    assert all(a.cart_id != b.cart_id for a, b in pairwise(carts))
    assert all(len(set(skus)) == len(skus) == ADDS_PER_CART for skus in by_cart.values())
    skus = [sku for taken in by_cart.values() for sku in taken]
    assert len(set(skus)) == len(skus)  # no variant in two carts
    assert min(target.variant.quantity_available for target in carts) >= MIN_QUANTITY
    assert all(target.variant.by_the_unit for target in carts)


def _clean(measured: Scenario, body: bytes) -> bool:
    return measured.clean(200, body)


def test_an_add_refused_or_cut_short_is_not_clean() -> None:
    add = scenario("cart_add")
    done = b'{"data":{"cartLinesAdd":{"cart":{"id":"c"},"userErrors":[],"warnings":[]}}}'
    refused = b'{"data":{"cartLinesAdd":{"cart":null,"userErrors":[{"code":"INVALID"}],"warnings":[]}}}'
    short = b'{"data":{"cartLinesAdd":{"cart":{"id":"c"},"userErrors":[],"warnings":[{"code":"X"}]}}}'

    assert _clean(add, done)
    assert not _clean(add, refused)
    assert not _clean(add, short)
    assert not add.clean(503, done)
    assert _clean(scenario("product_page"), b'{"data":{"product":null}}')
