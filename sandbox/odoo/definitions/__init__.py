"""The emulated Odoo models, grouped as Odoo groups them in modules (base, product, stock, sale)."""

from __future__ import annotations

from sandbox.odoo.models import Registry

from . import base, product, sale, stock


def build_registry() -> Registry:
    """Every model the sandbox database has installed."""
    return Registry((*base.MODELS, *product.MODELS, *stock.MODELS, *sale.MODELS))


__all__ = ["build_registry"]
