"""The Shopify emulator: Storefront API 2026-04 and Admin API 2026-07 over one sandbox store."""

from __future__ import annotations

from .emulator import ADMIN_TOKEN, STOREFRONT_TOKEN, WEBHOOK_SECRET, create_emulator

__all__ = ["ADMIN_TOKEN", "STOREFRONT_TOKEN", "WEBHOOK_SECRET", "create_emulator"]
