from __future__ import annotations

from sandbox.seed import generate


def test_same_seed_gives_the_same_world() -> None:
    # given / when
    first, second = generate(60, seed=7), generate(60, seed=7)

    # then
    assert first == second
    assert generate(60, seed=8).products != first.products


def test_keys_agree_across_systems() -> None:
    world = generate(120)

    skus = [v.sku for p in world.products for v in p.variants]
    assert len(skus) == len(set(skus))
    stocked = {level.sku for level in world.stock}
    assert stocked == set(skus)
    assert len({c.email for c in world.customers}) == len(world.customers)
    assert len({c.crm.hubspot_id for c in world.customers}) == len(world.customers)
    customer_ids = {c.id for c in world.customers}
    for order in world.orders:
        assert order.customer_id in customer_ids
        assert all(line.sku in stocked for line in order.lines)
        assert order.erp.sale_order_name.startswith("S")
    known_products = {p.id for p in world.products}
    for collection in world.collections:
        assert set(collection.product_ids) <= known_products


def test_catalog_is_realistic() -> None:
    world = generate(200)

    handles = [p.handle for p in world.products]
    assert len(handles) == len(set(handles))
    variants_per_product = sum(len(p.variants) for p in world.products) / len(world.products)
    assert 2 <= variants_per_product <= 4
    for product in world.products:
        assert product.title.fr_FR
        assert product.title.de_DE
        assert product.content.media
        assert len(product.content.features) >= 3
        assert all(v.price > 0 for v in product.variants)
    levels = [level.quantity for level in world.stock]
    assert 0 in levels
    assert any(1 <= q <= 3 for q in levels)
    assert {c.crm.loyalty_tier for c in world.customers} >= {"bronze", "silver"}
    assert world.conversations
    assert all(conv.messages for conv in world.conversations)


def test_scales_to_benchmark_size() -> None:
    world = generate(10_000)

    assert len(world.products) == 10_000
    assert sum(len(p.variants) for p in world.products) > 25_000
