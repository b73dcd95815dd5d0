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


def test_dropping_a_value_forgets_only_the_responses_built_from_it() -> None:
    cache = ResponseCache(10, clock=Clock())
    cache.put("x", b"1", 10, frozenset({("stock", "X"), ("content", "X")}))
    cache.put("y", b"2", 10, frozenset({("stock", "Y")}))
    cache.put("catalog-only", b"3", 10)

    assert cache.drop("stock", ["X", "Z"]) == 1

    assert cache.get("x") is None
    assert cache.get("y") == b"2"
    assert cache.get("catalog-only") == b"3"
    assert cache.drop("content", ["X"]) == 0, "the dropped response left nothing in the index"


def test_an_evicted_or_replaced_response_leaves_the_index() -> None:
    cache = ResponseCache(1, clock=Clock())
    cache.put("x", b"1", 10, frozenset({("stock", "X")}))
    cache.put("x", b"2", 10, frozenset({("stock", "Y")}))
    assert cache.drop("stock", ["X"]) == 0
    cache.put("z", b"3", 10, frozenset({("stock", "Z")}))  # evicts "x"

    assert cache.drop("stock", ["Y"]) == 0
    assert cache.drop("stock", ["Z"]) == 1
    assert len(cache) == 0
