"""Akeneo PIM: localized product content and media (`client.py`, `content_mapping.py`), its OAuth
password-grant token (`token.py`), and Event Platform webhooks (`webhooks.py`, `events.py`)."""
