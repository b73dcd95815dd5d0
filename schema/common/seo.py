"""SEO: the title and description search engines show."""

from __future__ import annotations

import strawberry

from gateway.models import catalog


@strawberry.type(name="SEO", description="SEO information.")
class SEO:
    title: str | None = strawberry.field(description="The meta title.")
    description: str | None = strawberry.field(description="The meta description.")

    @classmethod
    def from_model(cls, seo: catalog.Seo) -> SEO:
        return cls(title=seo.title, description=seo.description)


__all__ = ["SEO"]
