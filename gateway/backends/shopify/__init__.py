"""Shopify: the Storefront API client (`storefront.py`, its documents in `storefront_documents.py`),
the mapping of its answers to the gateway's models (`catalog_mapping.py`), and its HMAC-signed
webhooks (`webhooks.py`, `events.py`)."""
