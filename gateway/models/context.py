"""The market and language a request asked for through `@inContext`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class InContext:
    """Country and language of an operation (None: the shop's defaults)."""

    country: str | None = None
    language: str | None = None

    @property
    def scope(self) -> str:
        """Part of the cache key of every value that depends on the context."""
        return f"{self.country or '-'}.{self.language or '-'}"


__all__ = ["InContext"]
