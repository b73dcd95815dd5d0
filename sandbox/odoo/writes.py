"""`create` and `write`, with Odoo's x2many commands (`[[0, 0, {...}]]` and friends).

Values are checked and planned first, the store changes only when the whole call is valid. The
x2many commands: 0 create, 1 update, 2 delete, 3 unlink (a delete for a one2many whose inverse is
required), 4 link, 5 clear, 6 replace; a many2many also takes a plain list of ids.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .defaults import CREATE_HOOKS, check_partner
from .env import Env
from .errors import MissingError, UserError, python_error
from .fields import Field
from .models import MAGIC_FIELDS, ModelSpec
from .plan import Plan
from .store import Row
from .timestamps import utc_now
from .values import convert, foreign_key_error, not_null_error

_MAGIC = frozenset(field.name for field in MAGIC_FIELDS)
_ZERO_DEFAULT = frozenset({"integer", "float", "monetary", "boolean", "one2many", "many2many"})


def create(env: Env, spec: ModelSpec, vals_list: Any) -> list[int]:
    """Create one record per dict of `vals_list` (a single dict is accepted too); returns the ids."""
    if isinstance(vals_list, Mapping):
        vals_list = [vals_list]
    if not isinstance(vals_list, list):
        raise python_error("TypeError", f"'{type(vals_list).__name__}' object is not iterable")
    plan = Plan(env.store)
    ids = [_plan_create(env, plan, spec, vals) for vals in vals_list]
    plan.apply()
    return ids


def write(env: Env, spec: ModelSpec, ids: list[int], vals: Any) -> bool:
    """Write `vals` on every record of `ids`; Odoo's MissingError when one of them does not exist."""
    if not isinstance(vals, Mapping):
        raise python_error("AttributeError", f"'{type(vals).__name__}' object has no attribute 'items'")
    ensure_exist(env, spec, ids)
    plan = Plan(env.store)
    before = {rid: dict(env.store.table(spec.name).rows[rid]) for rid in ids}
    for rid in ids:
        _plan_update(env, plan, spec, rid, vals, error=f"Invalid field {{!r}} on model {spec.name!r}")
    plan.apply()
    if spec.name == "sale.order" and "state" in vals:
        for rid in ids:
            if before[rid].get("state") != env.store.table(spec.name).rows[rid].get("state"):
                env.store.notify(spec.name, rid)
    return True


def ensure_exist(env: Env, spec: ModelSpec, ids: list[int]) -> None:
    rows = env.store.table(spec.name).rows
    missing = [rid for rid in ids if rid not in rows]
    if missing:
        shown = ", ".join(str(rid) for rid in missing)
        raise MissingError(
            f"Record does not exist or has been deleted.\n(Record: {spec.name}({shown},), User: {env.uid})"
        )


def _plan_create(env: Env, plan: Plan, spec: ModelSpec, vals: Any) -> int:
    if not isinstance(vals, Mapping):
        raise python_error("AttributeError", f"'{type(vals).__name__}' object has no attribute 'items'")
    now = utc_now()
    row: Row = {"id": env.store.table(spec.name).next_id()}
    x2many: list[tuple[Field, Any]] = []
    for key, value in vals.items():
        field = spec.fields.get(key) if isinstance(key, str) else None
        if field is None:
            raise python_error("ValueError", f"Invalid field {key!r} in {spec.name!r}")
        if key in _MAGIC or (not field.store and field.type != "one2many"):
            continue  # computed and log fields are Odoo's to set
        if field.type in ("one2many", "many2many"):
            x2many.append((field, value))
            continue
        row[key] = convert(plan, spec, field, value)
    row.update(create_date=now, write_date=now, create_uid=env.uid, write_uid=env.uid)
    hook = CREATE_HOOKS.get(spec.name)
    if hook is not None:
        hook(env, plan, row)
    _check_required(spec, row)
    plan.inserts.append((spec.name, row))
    for field, value in x2many:
        if field.type == "many2many":
            row[field.name] = _many2many(plan, spec, field, row.get(field.name, []), value)
        else:
            _one2many(env, plan, spec, field, row["id"], value)
    return int(row["id"])


def _plan_update(
    env: Env, plan: Plan, spec: ModelSpec, rid: int, vals: Mapping[str, Any], *, error: str
) -> None:
    changes: Row = {}
    current = plan.row(spec.name, rid)
    assert current is not None
    for key, value in vals.items():
        field = spec.fields.get(key) if isinstance(key, str) else None
        if field is None:
            raise python_error("ValueError", error.format(key))
        if key in _MAGIC or (not field.store and field.type != "one2many"):
            continue
        if field.type == "one2many":
            _one2many(env, plan, spec, field, rid, value)
        elif field.type == "many2many":
            changes[key] = _many2many(plan, spec, field, current.get(key, []), value)
        else:
            changes[key] = convert(plan, spec, field, value)
            if field.required and changes[key] is False:
                raise not_null_error(spec, field)
    changes.update(write_date=utc_now(), write_uid=env.uid)
    if spec.name == "res.partner" and ("name" in changes or "parent_id" in changes):
        merged = {**current, **changes}
        check_partner(plan, merged)
        changes["complete_name"] = merged["complete_name"]
    plan.updates.append((spec.name, rid, changes))


def _check_required(spec: ModelSpec, row: Row) -> None:
    for field in spec.fields.values():
        if not field.required or not field.store or field.name in _MAGIC or field.type in _ZERO_DEFAULT:
            continue  # numbers and booleans default to 0/false, never NULL
        if row.get(field.name) in (None, False):
            raise not_null_error(spec, field)


def _commands(value: Any) -> list[list[Any]]:
    if value is False or value is None:
        return []
    if not isinstance(value, list | tuple):
        raise python_error("ValueError", f"Invalid x2many value {value!r}, expected a list of commands")
    commands: list[list[Any]] = []
    for command in value:
        if not isinstance(command, list | tuple) or not command or command[0] not in range(7):
            raise python_error("ValueError", f"Invalid command {command!r}")
        commands.append([*command, 0, 0][:3])
    return commands


def _one2many(env: Env, plan: Plan, spec: ModelSpec, field: Field, rid: int, value: Any) -> None:
    assert field.relation is not None
    assert field.inverse_name is not None
    comodel = env.spec(field.relation)
    inverse = field.inverse_name
    current = sorted(env.store.table(comodel.name).lookup(inverse, rid))
    for code, target, payload in _commands(value):
        if code == 0:
            _plan_create(env, plan, comodel, {**(payload or {}), inverse: rid})
        elif code == 1:
            _own(env, comodel, target, current)
            _plan_update(
                env,
                plan,
                comodel,
                target,
                payload or {},
                error=f"Invalid field {{!r}} on model {comodel.name!r}",
            )
        elif code in (2, 3):
            _own(env, comodel, target, current)
            _delete(env, plan, comodel, target)
        elif code == 4:
            _link(env, plan, comodel, target, inverse, rid)
        elif code == 5:
            for child in current:
                _delete(env, plan, comodel, child)
        else:
            keep = set(payload or [])
            for child in current:
                if child not in keep:
                    _delete(env, plan, comodel, child)
            for child in sorted(keep - set(current)):
                _link(env, plan, comodel, child, inverse, rid)


def _own(env: Env, comodel: ModelSpec, target: Any, current: list[int]) -> None:
    if target not in current:
        raise MissingError(
            f"Record does not exist or has been deleted.\n(Record: {comodel.name}({target},), User: {env.uid})"
        )


def _link(env: Env, plan: Plan, comodel: ModelSpec, target: Any, inverse: str, rid: int) -> None:
    if not isinstance(target, int) or isinstance(target, bool) or not plan.exists(comodel.name, target):
        raise MissingError(
            f"Record does not exist or has been deleted.\n(Record: {comodel.name}({target},), User: {env.uid})"
        )
    plan.updates.append((comodel.name, target, {inverse: rid, "write_date": utc_now(), "write_uid": env.uid}))


def _delete(env: Env, plan: Plan, comodel: ModelSpec, rid: int) -> None:
    row = plan.row(comodel.name, rid)
    if comodel.name == "sale.order.line" and row is not None:
        order = plan.row("sale.order", row["order_id"])
        if order is not None and order.get("state") == "sale":
            raise UserError(
                "Once a sales order is confirmed, you can't remove one of its lines (we need to track if something gets invoiced or delivered).\nSet the quantity to 0 instead."
            )
    plan.deletes.append((comodel.name, rid))


def _many2many(plan: Plan, spec: ModelSpec, field: Field, current: list[int], value: Any) -> list[int]:
    assert field.relation is not None
    if isinstance(value, list | tuple) and all(isinstance(v, int) and not isinstance(v, bool) for v in value):
        ids = list(dict.fromkeys(value))
    else:
        ids = list(current)
        for code, target, payload in _commands(value):
            if code == 4 and target not in ids:
                ids.append(target)
            elif code in (2, 3) and target in ids:
                ids.remove(target)
            elif code == 5:
                ids = []
            elif code == 6:
                ids = list(dict.fromkeys(payload or []))
            elif code in (0, 1):
                raise python_error(
                    "ValueError", f"Command {code} is not supported on {spec.name}.{field.name}"
                )
    for target in ids:
        if not isinstance(target, int) or isinstance(target, bool) or not plan.exists(field.relation, target):
            raise foreign_key_error(spec, field)
    return ids


__all__ = ["create", "ensure_exist", "write"]
