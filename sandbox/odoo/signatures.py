"""Method signatures and how each transport binds a call to one.

JSON-2 binds named parameters the way `inspect.Signature.bind` does in Odoo's controller (its
`TypeError` text becomes the 422 message: "got an unexpected keyword argument 'x'"). JSON-RPC's
`execute_kw` calls the method with positional args and kwargs, so a mismatch is Python's own
`TypeError` ("BaseModel.search() missing 1 required positional argument: 'domain'").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

REQUIRED: Any = object()


@dataclass(frozen=True, slots=True)
class Param:
    """One parameter; `default` is `REQUIRED` for a mandatory one."""

    name: str
    default: Any = REQUIRED

    @property
    def required(self) -> bool:
        return self.default is REQUIRED


class BindError(Exception):
    """A call does not fit the signature; the message is Python's."""


@dataclass(frozen=True, slots=True)
class Signature:
    """The parameters of a model method after `self` (and after `ids` for record methods)."""

    qualname: str
    params: tuple[Param, ...]
    varkw: bool = False
    """The method takes `**kwargs` (`search_read` forwards them to `read`)."""

    def bind_named(self, kwargs: Mapping[str, Any]) -> dict[str, Any]:
        """Bind keyword arguments only, with `inspect.Signature.bind`'s messages."""
        bound: dict[str, Any] = {}
        for param in self.params:
            if param.name in kwargs:
                bound[param.name] = kwargs[param.name]
            elif param.required:
                raise BindError(f"missing a required argument: {param.name!r}")
            else:
                bound[param.name] = param.default
        extra = {key: value for key, value in kwargs.items() if key not in bound}
        if extra and not self.varkw:
            raise BindError(f"got an unexpected keyword argument {next(iter(extra))!r}")
        return bound | extra

    def bind_call(self, args: Sequence[Any], kwargs: Mapping[str, Any]) -> dict[str, Any]:
        """Bind a Python call `method(self, *args, **kwargs)`, with CPython's messages."""
        names = [param.name for param in self.params]
        if len(args) > len(names):
            raise BindError(self._too_many(len(args)))
        bound = dict(zip(names, args, strict=False))
        extra: dict[str, Any] = {}
        for key, value in kwargs.items():
            if key in bound:
                raise BindError(f"{self.qualname}() got multiple values for argument {key!r}")
            if key in names:
                bound[key] = value
            elif self.varkw:
                extra[key] = value
            else:
                raise BindError(f"{self.qualname}() got an unexpected keyword argument {key!r}")
        missing = [param.name for param in self.params if param.required and param.name not in bound]
        if missing:
            raise BindError(self._missing(missing))
        for param in self.params:
            bound.setdefault(param.name, param.default)
        return bound | extra

    def _too_many(self, given: int) -> str:
        total = len(self.params) + 1
        required = sum(1 for param in self.params if param.required) + 1
        takes = f"{total}" if required == total else f"from {required} to {total}"
        noun = "argument" if total == 1 else "arguments"
        return f"{self.qualname}() takes {takes} positional {noun} but {given + 1} were given"

    def _missing(self, missing: list[str]) -> str:
        quoted = [repr(name) for name in missing]
        if len(quoted) == 1:
            listed = quoted[0]
        elif len(quoted) == 2:
            listed = f"{quoted[0]} and {quoted[1]}"
        else:
            listed = ", ".join(quoted[:-1]) + f", and {quoted[-1]}"
        noun = "argument" if len(missing) == 1 else "arguments"
        return f"{self.qualname}() missing {len(missing)} required positional {noun}: {listed}"


__all__ = ["REQUIRED", "BindError", "Param", "Signature"]
