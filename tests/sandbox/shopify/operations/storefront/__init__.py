"""Storefront API 2026-04 documents."""
