"""What both transports do once a call is bound: access rights, the environment, the method itself.

Each call runs to completion synchronously inside one request handler, so it is atomic the way
Odoo's one-transaction-per-call is: the methods check everything before they change anything.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .env import Env
from .errors import AccessError, python_error
from .methods import Call, Method
from .models import ModelSpec
from .store import Store


def check_access(spec: ModelSpec, method: Method) -> None:
    """Odoo's `ir.model.access` check for the integration user, with Odoo's AccessError text."""
    if method.create and not spec.access.create:
        verb = "create"
    elif (method.writes or method.create) and not spec.access.write:
        verb = "modify"
    else:
        return
    raise AccessError(
        f"You are not allowed to {verb} '{spec.description}' ({spec.name}) records.\n\n"
        f"This operation is allowed for the following groups:\n\t- {spec.access.group}\n\n"
        "Contact your administrator to request access if necessary."
    )


def record_ids(ids: Any) -> list[int]:
    """`ids` as `Model.browse` accepts them: an id, a list of ids, or nothing."""
    if ids is None or ids is False:
        return []
    if isinstance(ids, int) and not isinstance(ids, bool):
        return [ids]
    if isinstance(ids, list | tuple) and all(isinstance(i, int) and not isinstance(i, bool) for i in ids):
        return list(ids)
    raise python_error("TypeError", f"Invalid ids {ids!r}")


def environment(store: Store, uid: int, context: Any) -> Env:
    if context is None:
        context = {}
    if not isinstance(context, Mapping):
        raise python_error("TypeError", f"'{type(context).__name__}' object is not a mapping")
    return Env(store, uid, context)


def run(env: Env, spec: ModelSpec, method: Method, ids: list[int], bound: dict[str, Any]) -> Any:
    check_access(spec, method)
    return method.impl(Call(env, spec, ids, bound))


__all__ = ["check_access", "environment", "record_ids", "run"]
