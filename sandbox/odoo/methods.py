"""The public methods the emulated models answer, shared by both transports.

Each method has Odoo 19's signature (so both transports reject a bad call with Odoo's message),
tells whether it is `@api.model` (no ids: JSON-2 answers 422 when ids are sent) and runs against
an `Env`. Odoo's `get_public_method` rules apply: a name starting with `_` is private (an
`AccessError`), an unknown name does not exist (JSON-2 404, JSON-RPC `AttributeError`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import grouping, orm, sale_flow, stock_moves, writes
from .env import Env
from .errors import AccessError, python_error
from .models import ModelSpec
from .signatures import REQUIRED, Param, Signature


@dataclass(frozen=True, slots=True)
class Call:
    """One bound call: who calls, on which model and records, with which arguments."""

    env: Env
    spec: ModelSpec
    ids: list[int]
    kwargs: dict[str, Any]


Impl = Callable[[Call], Any]


@dataclass(frozen=True, slots=True)
class Method:
    """A public model method: its signature, whether it takes ids, and what it does."""

    name: str
    signature: Signature
    impl: Impl
    api_model: bool = False
    create: bool = False
    """`@api.model_create_multi`: JSON-RPC answers a single id when given a single dict."""
    writes: bool = False
    """Needs write access on the model (the action methods and `write`)."""


class MethodNotFound(Exception):
    """The model has no such public method."""


def _search_read(call: Call) -> Any:
    kwargs = dict(call.kwargs)
    read_kwargs = {key: kwargs.pop(key) for key in list(kwargs) if key not in _SEARCH_READ_PARAMS}
    unexpected = [key for key in read_kwargs if key != "load"]
    if unexpected:
        # search_read forwards unknown keywords to read(), which is where Python refuses them.
        raise python_error(
            "TypeError", f"BaseModel.read() got an unexpected keyword argument {unexpected[0]!r}"
        )
    return orm.search_read(call.env, call.spec, **kwargs, load=read_kwargs.get("load", orm.CLASSIC_READ))


def _context_get(call: Call) -> dict[str, Any]:
    user = call.env.store.row("res.users", call.env.uid) or {}
    return {"lang": user.get("lang") or "en_US", "tz": user.get("tz") or False, "uid": call.env.uid}


_SEARCH_READ_PARAMS = ("domain", "fields", "offset", "limit", "order")


def _base(name: str, params: tuple[Param, ...], impl: Impl, **options: Any) -> Method:
    return Method(
        name, Signature(f"BaseModel.{name}", params, varkw=options.pop("varkw", False)), impl, **options
    )


BASE_METHODS: dict[str, Method] = {
    method.name: method
    for method in (
        _base(
            "search_read",
            (
                Param("domain", None),
                Param("fields", None),
                Param("offset", 0),
                Param("limit", None),
                Param("order", None),
            ),
            _search_read,
            api_model=True,
            varkw=True,
        ),
        _base(
            "read",
            (Param("fields", None), Param("load", orm.CLASSIC_READ)),
            lambda call: orm.read(call.env, call.spec, call.ids, **call.kwargs),
        ),
        _base(
            "search",
            (Param("domain", REQUIRED), Param("offset", 0), Param("limit", None), Param("order", None)),
            lambda call: orm.search_ids(call.env, call.spec, **call.kwargs),
            api_model=True,
        ),
        _base(
            "search_count",
            (Param("domain", REQUIRED), Param("limit", None)),
            lambda call: orm.search_count(call.env, call.spec, **call.kwargs),
            api_model=True,
        ),
        _base(
            "fields_get",
            (Param("allfields", None), Param("attributes", None)),
            lambda call: orm.fields_get(call.env, call.spec, **call.kwargs),
            api_model=True,
        ),
        _base(
            "formatted_read_group",
            (
                Param("domain", REQUIRED),
                Param("groupby", ()),
                Param("aggregates", ()),
                Param("having", ()),
                Param("offset", 0),
                Param("limit", None),
                Param("order", None),
            ),
            lambda call: grouping.formatted_read_group(call.env, call.spec, **call.kwargs),
            api_model=True,
        ),
        _base(
            "create",
            (Param("vals_list", REQUIRED),),
            lambda call: writes.create(call.env, call.spec, call.kwargs["vals_list"]),
            api_model=True,
            create=True,
        ),
        _base(
            "write",
            (Param("vals", REQUIRED),),
            lambda call: writes.write(call.env, call.spec, call.ids, call.kwargs["vals"]),
            writes=True,
        ),
        _base(
            "name_search",
            (Param("name", ""), Param("domain", None), Param("operator", "ilike"), Param("limit", 100)),
            lambda call: orm.name_search(call.env, call.spec, **call.kwargs),
            api_model=True,
        ),
    )
}


def _action(qualname: str, impl: Callable[[Env, list[int]], Any]) -> Method:
    return Method(
        qualname.rsplit(".", 1)[1],
        Signature(qualname, ()),
        lambda call: impl(call.env, call.ids),
        writes=True,
    )


MODEL_METHODS: dict[str, dict[str, Method]] = {
    "res.users": {
        "context_get": Method(
            "context_get", Signature("ResUsers.context_get", ()), _context_get, api_model=True
        ),
    },
    "sale.order": {
        "action_confirm": _action("SaleOrder.action_confirm", sale_flow.action_confirm),
        "action_cancel": _action("SaleOrder.action_cancel", sale_flow.action_cancel),
    },
    "stock.picking": {
        "button_validate": _action("StockPicking.button_validate", stock_moves.button_validate),
    },
}


def public_method(spec: ModelSpec, name: str) -> Method:
    """The method `name` of the model, or Odoo's refusal (`get_public_method`)."""
    if name.startswith("_"):
        raise AccessError(f"Private methods (such as '{spec.name}.{name}') cannot be called remotely.")
    method = MODEL_METHODS.get(spec.name, {}).get(name) or BASE_METHODS.get(name)
    if method is None:
        raise MethodNotFound(f"The method '{spec.name}.{name}' does not exist")
    return method


__all__ = ["BASE_METHODS", "MODEL_METHODS", "Call", "Impl", "Method", "MethodNotFound", "public_method"]
