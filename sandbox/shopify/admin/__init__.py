"""The Admin GraphQL API (2026-07) of the Shopify emulator."""
