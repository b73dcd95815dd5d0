"""What only the Admin API keeps: webhook subscriptions, cancellation jobs, adjustment groups."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime

from sandbox.shopify.ids import gid

SUBSCRIPTION_ID_BASE = 1_400_000_000
ADJUSTMENT_GROUP_ID_BASE = 67_000_000_000


@dataclass(slots=True, eq=False)
class WebhookSubscription:
    id: int
    topic: str
    """`WebhookSubscriptionTopic`, e.g. ORDERS_CREATE."""
    uri: str
    format: str
    include_fields: list[str]
    filter: str | None
    name: str | None
    metafield_namespaces: list[str]
    created_at: datetime
    updated_at: datetime

    @property
    def gid(self) -> str:
        return gid("WebhookSubscription", self.id)


@dataclass(slots=True)
class AdminState:
    """Admin-only state of one emulator."""

    subscriptions: dict[int, WebhookSubscription] = field(default_factory=dict)
    jobs: set[str] = field(default_factory=set)
    """Ids of the jobs `orderCancel` started (they are done by the time anyone asks)."""
    next_subscription_id: int = SUBSCRIPTION_ID_BASE
    next_adjustment_group_id: int = ADJUSTMENT_GROUP_ID_BASE

    def new_job(self) -> str:
        job = gid("Job", str(uuid.uuid4()))
        self.jobs.add(job)
        return job


__all__ = ["AdminState", "WebhookSubscription"]
