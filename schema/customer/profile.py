"""CrmProfile: what the business knows of a customer, from the CRM."""

from __future__ import annotations

from datetime import datetime
from enum import Enum

import strawberry

from gateway.models import profile as models


@strawberry.enum(name="CrmConsentChannel", description="A channel the shop may reach the customer on.")
class ConsentChannel(Enum):
    EMAIL = strawberry.enum_value("email", description="Marketing e-mail.")
    SMS = strawberry.enum_value("sms", description="Marketing text messages.")
    ANALYTICS = strawberry.enum_value("analytics", description="Tracking for analytics and personalisation.")


@strawberry.type(name="CrmConsent", description="The customer's answer for one marketing channel.")
class Consent:
    channel: ConsentChannel = strawberry.field(description="The channel the answer is for.")
    granted: bool = strawberry.field(description="Whether the customer agreed to be reached on it.")
    source: str | None = strawberry.field(
        description="What recorded the answer, in the CRM's terms (a form, an import, the CRM's screens)."
    )
    recorded_at: datetime | None = strawberry.field(description="When the answer was last recorded.")


@strawberry.type(name="CrmLoyalty", description="The customer's standing in the shop's loyalty programme.")
class Loyalty:
    tier: str | None = strawberry.field(description="The tier reached, such as `gold`.")
    points: int | None = strawberry.field(description="Points held and not yet spent.")


@strawberry.type(
    name="CrmProfile",
    description=(
        "What the CRM knows of the customer: lifecycle stage, segments, loyalty, consents, "
        "language and store. Looked up by the e-mail Shopify holds for the signed-in customer."
    ),
)
class CustomerProfile:
    crm_id: strawberry.ID = strawberry.field(description="The customer's record id in the CRM.")
    lifecycle_stage: str | None = strawberry.field(
        description="Where the customer stands with the business, such as `lead` or `customer`."
    )
    segments: list[str] = strawberry.field(description="The marketing segments the customer belongs to.")
    loyalty: Loyalty | None = strawberry.field(
        description="Loyalty tier and points; null when the customer is not in the programme."
    )
    consents: list[Consent] = strawberry.field(
        description="One answer per channel the customer has answered for; a channel never asked is absent."
    )
    preferred_language: str | None = strawberry.field(
        description="The language the customer prefers to be written to in, as an ISO 639-1 code."
    )
    preferred_store: str | None = strawberry.field(
        description="The store the customer prefers for collection and returns, by the CRM's code for it."
    )
    updated_at: datetime | None = strawberry.field(description="When the CRM record last changed.")

    @classmethod
    def from_model(cls, profile: models.CustomerProfile) -> CustomerProfile:
        enrolled = profile.loyalty_tier is not None or profile.loyalty_points is not None
        return cls(
            crm_id=strawberry.ID(profile.crm_id),
            lifecycle_stage=profile.lifecycle_stage,
            segments=list(profile.segments),
            loyalty=Loyalty(tier=profile.loyalty_tier, points=profile.loyalty_points) if enrolled else None,
            consents=[
                Consent(
                    channel=ConsentChannel(consent.channel),
                    granted=consent.granted,
                    source=consent.source,
                    recorded_at=consent.recorded_at,
                )
                for consent in profile.consents
            ],
            preferred_language=profile.language,
            preferred_store=profile.preferred_store,
            updated_at=profile.updated_at,
        )


__all__ = ["Consent", "ConsentChannel", "CustomerProfile", "Loyalty"]
