"""Admin API 2026-07 documents."""
