"""Entries in a shared store are tagged JSON: read back as the same models, and never run as code."""

from __future__ import annotations

import pickle
from datetime import UTC, date, datetime
from decimal import Decimal

import orjson
import pytest

from gateway.cache.serialization import EntrySerializer
from gateway.cache.source import Entry
from gateway.models.content import Attribute, Category, Localized, MediaFile, ProductContent
from gateway.models.orders import Delivery, DeliveryLine, Fulfilment, Invoice, OrderInvoices
from gateway.models.stock import VariantStock, Warehouse, WarehouseStock

STOCK = VariantStock(
    "TEE-1-BLK-M",
    (WarehouseStock(Warehouse("1", "Lyon", "LYO"), on_hand=7, reserved=2),),
)
CONTENT = ProductContent(
    sku="TEE-1-BLK-M",
    uuid="8f7c",
    name=Localized({"en_US": "Tee", "fr_FR": "T-shirt"}),
    description=Localized({"en_US": "Soft"}),
    features={"en_US": ("Organic", "Cut close")},
    attributes=(Attribute("material", Localized({"en_US": "Material"}), Localized({"en_US": "Cotton"})),),
    media=(MediaFile("a/b/tee.jpg", "tee.jpg", "/media/akeneo/a/b/tee.jpg"),),
    categories=(Category("tops", Localized({"en_US": "Tops"})),),
    updated_at=datetime(2026, 11, 30, 8, 0, tzinfo=UTC),
)
FULFILMENT = Fulfilment(
    "#1042",
    "S00042",
    "sale",
    (
        Delivery(
            "BER/OUT/00042",
            "done",
            "UPS",
            "UPS123",
            None,
            datetime(2026, 3, 1, 10, 0, tzinfo=UTC),
            datetime(2026, 3, 2, 9, 30, tzinfo=UTC),
            (DeliveryLine("TEE-1-BLK-M", 3, 2, 1), DeliveryLine(None, 1, 1, 0)),
        ),
    ),
)
INVOICES = OrderInvoices(
    "#1042",
    (
        Invoice(
            42,
            "INV/2026/00042",
            "posted",
            "paid",
            date(2026, 3, 1),
            None,
            Decimal("10.5"),
            Decimal("2.1"),
            Decimal("12.6"),
            "EUR",
        ),
    ),
)


@pytest.mark.parametrize(
    "value",
    [STOCK, CONTENT, FULFILMENT, INVOICES, None, {"data": {"products": {"nodes": [{"handle": "tee"}]}}}],
    ids=["stock", "content", "fulfilment", "invoices", "a-cached-miss", "a-forwarded-answer"],
)
def test_an_entry_reads_back_as_it_was_written(value: object) -> None:
    serializer = EntrySerializer()

    read = serializer.loads(serializer.dumps(Entry(value, 1_764_000_000.5)))

    assert read == Entry(value, 1_764_000_000.5)


def test_the_stored_form_is_json_naming_its_model() -> None:
    stored = orjson.loads(EntrySerializer().dumps(Entry(STOCK, 1.0)))

    assert stored["t"] == "stock"
    assert stored["v"]["warehouses"][0]["on_hand"] == 7


class _Explodes:
    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (print, ("this ran",))


@pytest.mark.parametrize(
    "raw",
    [
        pickle.dumps(_Explodes()),
        b"not json",
        b'{"t": "stock", "at": 1, "v": {"sku": 3}}',
        b'{"t": "unknown", "at": 1, "v": {}}',
        b'{"at": 1}',
        b"[]",
    ],
    ids=["a-pickle", "not-json", "a-bad-model", "an-unknown-tag", "no-value", "not-an-object"],
)
def test_anything_else_in_the_store_is_a_miss(raw: bytes, capsys: pytest.CaptureFixture[str]) -> None:
    assert EntrySerializer().loads(raw) is None
    assert "this ran" not in capsys.readouterr().out


def test_only_entries_are_written() -> None:
    with pytest.raises(TypeError):
        EntrySerializer().dumps(STOCK)
