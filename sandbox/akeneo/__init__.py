"""The Akeneo PIM emulator: OAuth, products-uuid with Akeneo's search filter and pagination, media files."""

from __future__ import annotations

from .app import create_emulator

__all__ = ["create_emulator"]
