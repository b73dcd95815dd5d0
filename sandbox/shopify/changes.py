"""Changes to the store that the outside world hears about (as signed webhooks).

Mutations tell the store what changed; whoever listens (the webhook dispatcher) turns each change
into the vendor's topic and payload. Keeping this a plain list of callbacks keeps the store free of
HTTP and of webhook formats.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .records import CustomerRecord, InventoryLevel, OrderRecord


@dataclass(frozen=True, slots=True)
class OrderCreated:
    order: OrderRecord


@dataclass(frozen=True, slots=True)
class OrderUpdated:
    order: OrderRecord


@dataclass(frozen=True, slots=True)
class OrderCancelled:
    order: OrderRecord


@dataclass(frozen=True, slots=True)
class InventoryLevelChanged:
    level: InventoryLevel


@dataclass(frozen=True, slots=True)
class CustomerUpdated:
    customer: CustomerRecord


Change = OrderCreated | OrderUpdated | OrderCancelled | InventoryLevelChanged | CustomerUpdated
Listener = Callable[[Change], None]


class ChangeFeed:
    """Fan-out of store changes to listeners, in the order they happen."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def publish(self, change: Change) -> None:
        for listener in self._listeners:
            listener(change)


__all__ = [
    "Change",
    "ChangeFeed",
    "CustomerUpdated",
    "InventoryLevelChanged",
    "Listener",
    "OrderCancelled",
    "OrderCreated",
    "OrderUpdated",
]
