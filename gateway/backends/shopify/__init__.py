"""Shopify: the Storefront API connector that forwards planned operations (`forwarding.py`), its
introspection for composition (`introspection.py`), and its HMAC-signed webhooks (`events.py`)."""
