"""How cached values are written to a shared store: JSON with a type tag, never pickle.

Whoever can write to the Redis the replicas share could make a pickled value run code in every
replica that reads it. JSON cannot; each entry names its model, and reading rebuilds only the
models listed here (validated by pydantic, so a foreign or damaged entry is a miss, not a crash).
"""

from __future__ import annotations

import logging
from typing import Any

import orjson
from aiocache.serializers import BaseSerializer
from pydantic import TypeAdapter, ValidationError

from gateway.models.content import ProductContent
from gateway.models.conversations import CustomerConversations
from gateway.models.orders import Fulfilment, OrderInvoices
from gateway.models.profile import CustomerProfile
from gateway.models.stock import VariantStock

from .source import Entry

log = logging.getLogger("gateway.cache")

_MODELS: dict[str, type] = {
    "content": ProductContent,
    "stock": VariantStock,
    "profile": CustomerProfile,
    "conversations": CustomerConversations,
    "fulfilment": Fulfilment,
    "invoices": OrderInvoices,
}
"""The gateway's models a cache entry may hold, by tag; `json` tags plain JSON (a forwarded answer)."""

MODELS: dict[str, TypeAdapter[Any]] = {tag: TypeAdapter(model) for tag, model in _MODELS.items()}
_TAGS = {model: tag for tag, model in _MODELS.items()}


class EntrySerializer(BaseSerializer):  # type: ignore[misc]  # aiocache is untyped
    """aiocache serializer of the source cache's entries: bytes in, bytes out."""

    DEFAULT_ENCODING = None

    def dumps(self, value: Any) -> bytes:
        if not isinstance(value, Entry):
            raise TypeError(f"the source cache stores entries, not {type(value).__name__}")
        tag = _TAGS.get(type(value.value), "json")
        payload = MODELS[tag].dump_python(value.value, mode="json") if tag != "json" else value.value
        return orjson.dumps({"at": value.stored_at, "t": tag, "v": payload})

    def loads(self, value: bytes | None) -> Entry | None:
        if value is None:
            return None
        try:
            raw = orjson.loads(value)
            tag, stored_at, payload = raw["t"], float(raw["at"]), raw["v"]
            if tag == "json" or payload is None:
                return Entry(payload, stored_at)
            return Entry(MODELS[tag].validate_python(payload), stored_at)
        except (orjson.JSONDecodeError, KeyError, TypeError, ValueError, ValidationError) as exc:
            log.warning("a cache entry could not be read, treated as a miss: %s", exc)
            return None


__all__ = ["MODELS", "EntrySerializer"]
