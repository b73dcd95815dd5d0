"""The Storefront API (2026-04) of the Shopify emulator."""
