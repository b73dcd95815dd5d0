"""The source cache: backend results by data class, shared by requests (and by replicas through Redis)."""

from .source import CachePolicy, DataClass, Fresh, Outcome, SourceCache, Stale, Unavailable

__all__ = ["CachePolicy", "DataClass", "Fresh", "Outcome", "SourceCache", "Stale", "Unavailable"]
