"""Deliberate errors resolvers raise: they reach the client with their message and code, unmasked."""

from __future__ import annotations

from typing import Any


class UserInputError(Exception):
    """The client sent an argument the gateway cannot serve (a bad cursor, a page too large)."""

    def __init__(self, message: str, argument: str | None = None) -> None:
        super().__init__(message)
        self.extensions: dict[str, Any] = {"code": "BAD_USER_INPUT"}
        if argument:
            self.extensions["argumentName"] = argument


__all__ = ["UserInputError"]
