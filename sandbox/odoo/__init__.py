"""The Odoo 19 sandbox: an aiohttp server that answers like an Odoo database's external API.

`create_emulator(world, options)` builds it; the sandbox runner imports this package by vendor name.
"""

from __future__ import annotations

from .emulator import create_emulator

__all__ = ["create_emulator"]
