"""Odoo ERP: stock per warehouse by SKU over JSON-2 (`client.py`), and its automation webhooks
(`events.py`), which Odoo does not sign: a secret token in the URL stands for a signature."""
