"""Work the gateway must do once: what a webhook or a mutation leaves for the outbox to deliver.

A connector that understands a vendor's event (an order placed in Shopify, a delivery done in the
ERP) describes the work it implies as `Work` values; the outbox (`gateway.writes`) keeps them
durably and runs them until done. The two keys are what make "once" hold:

- `ordering_key`: entries sharing it run one at a time, in the order they were recorded (the
  events of one order, the CRM updates of one customer);
- `dedupe_key`: recording the same key twice keeps the first (a webhook delivered twice, a
  follow-up enqueued by a step that ran twice).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Work:
    """One step to deliver to one system."""

    kind: str
    """Names the handler that does it (`erp.order`, `crm.order_stats`...)."""
    ordering_key: str
    dedupe_key: str
    payload: Mapping[str, Any] = field(default_factory=dict)
    """Plain JSON: what the handler needs, read again from the vendor where it may have moved."""


__all__ = ["Work"]
