from __future__ import annotations

from gateway.graphql.response_cache import ResponseCache, response_key


class Clock:
    now = 100.0

    def __call__(self) -> float:
        return self.now


def test_key_depends_on_document_variables_and_operation() -> None:
    base = response_key("{ shop { name } }", None, None)

    assert response_key("{ shop { name } }", {}, None) == base
    assert response_key("{ shop { name } }", {"a": 1, "b": 2}, None) == response_key(
        "{ shop { name } }", {"b": 2, "a": 1}, None
    )
    assert response_key("{ shop { name } }", {"a": 1}, None) != base
    assert response_key("{ shop { name } }", None, "Op") != base
    assert response_key("{ shop { id } }", None, None) != base


def test_entries_expire_after_their_ttl() -> None:
    clock = Clock()
    cache = ResponseCache(10, clock=clock)
    cache.put("k", b"body", ttl_s=5)

    assert cache.get("k") == b"body"
    clock.now += 5
    assert cache.get("k") is None
    assert (cache.hits, cache.misses) == (1, 1)


def test_zero_ttl_is_never_stored() -> None:
    cache = ResponseCache(10, clock=Clock())
    cache.put("k", b"body", ttl_s=0)

    assert cache.get("k") is None


def test_least_recently_used_entries_go_first() -> None:
    cache = ResponseCache(2, clock=Clock())
    cache.put("a", b"1", 10)
    cache.put("b", b"2", 10)
    cache.get("a")
    cache.put("c", b"3", 10)

    assert cache.get("a") == b"1"
    assert cache.get("b") is None
    assert cache.get("c") == b"3"
