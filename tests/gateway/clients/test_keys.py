"""Client keys: random, recognisable by kind, and matched by their hash alone."""

from __future__ import annotations

import hashlib

from gateway.clients.keys import PRIVATE_PREFIX, PUBLIC_PREFIX, key_hash, new_key


def test_keys_are_random_and_say_their_kind() -> None:
    public, private = new_key(private=False), new_key(private=True)

    assert public.startswith(PUBLIC_PREFIX)
    assert private.startswith(PRIVATE_PREFIX)
    assert new_key(private=False) != public
    assert len(public) > 40


def test_a_key_is_stored_as_its_sha256() -> None:
    key = new_key(private=False)

    assert key_hash(key) == hashlib.sha256(key.encode()).hexdigest()
    assert len(key_hash(key)) == 64
