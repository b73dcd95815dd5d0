"""Webhook ingestion: verify each vendor's signature on the raw bytes, drop repeats, refresh caches."""
