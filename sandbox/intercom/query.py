"""Intercom's search query DSL for contacts and conversations.

A query is one filter `{"field","operator","value"}` or a group `{"operator":"AND"|"OR","value":[…]}`
whose items are filters or groups, nested at most two levels, at most 15 items per group.
Operators: `= != IN NIN < > <= >= ~ !~ ^ $`, each valid for some field types only:

- strings take `= != IN NIN ~ !~ ^ $`, compared case-insensitively;
- integers take `= != IN NIN < > <= >=`; booleans `= != IN NIN`;
- contact dates take `= < >` only and match by calendar day in the workspace timezone (UTC here):
  `=` the whole day, `>` from the start of the next day, `<` before the start of the day;
- conversation dates take `= != IN NIN < >` on the exact second, and `>`/`<` include the bound
  (the conversations search reference documents them as "greater (or equal) than").

`"value": null` with `=`/`!=` matches unset fields. Multi-valued fields (`contact_ids`) match when
any of their values does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from .errors import parameter_invalid, parameter_not_found
from .store import ChatStore, ContactRecord, ConversationRecord

OPERATORS = frozenset({"=", "!=", "IN", "NIN", "<", ">", "<=", ">=", "~", "!~", "^", "$"})
MAX_NESTING = 2
MAX_GROUP_SIZE = 15
DAY_S = 86_400

_BY_TYPE = {
    "string": frozenset({"=", "!=", "IN", "NIN", "~", "!~", "^", "$"}),
    "integer": frozenset({"=", "!=", "IN", "NIN", "<", ">", "<=", ">="}),
    "boolean": frozenset({"=", "!=", "IN", "NIN"}),
}


@dataclass(frozen=True, slots=True)
class Field:
    """A searchable field: its type and how to read it from a record (a list for multi-valued fields)."""

    name: str
    kind: str
    """string, integer, boolean or date."""
    read: Callable[[Any], Any]
    multi: bool = False


@dataclass(frozen=True, slots=True)
class Domain:
    """What one search endpoint searches: its fields and how its dates compare."""

    name: str
    fields: dict[str, Field]
    day_dates: bool
    date_operators: frozenset[str]


@dataclass(frozen=True, slots=True)
class Filter:
    """One comparison of a field with a value (or, for `IN`/`NIN`, a set of values)."""

    field: Field
    operator: str
    value: Any
    values: frozenset[Any] = frozenset()


@dataclass(frozen=True, slots=True)
class Group:
    """Filters or groups combined with `AND` or `OR`."""

    operator: str
    items: tuple[Filter | Group, ...]


Node = Filter | Group


def _fields(*fields: Field) -> dict[str, Field]:
    return {f.name: f for f in fields}


CONTACTS = Domain(
    "contacts",
    _fields(
        Field("id", "string", lambda c: c.id),
        Field("role", "string", lambda c: c.role),
        Field("name", "string", lambda c: c.name),
        Field("email", "string", lambda c: c.email),
        Field("email_domain", "string", lambda c: (c.email or "").rpartition("@")[2] or None),
        Field("phone", "string", lambda c: c.phone),
        Field("external_id", "string", lambda c: c.external_id),
        Field("owner_id", "integer", lambda c: c.owner_id),
        Field("language_override", "string", lambda c: c.language_override),
        Field("unsubscribed_from_emails", "boolean", lambda c: c.unsubscribed_from_emails),
        Field("created_at", "date", lambda c: c.created_at),
        Field("updated_at", "date", lambda c: c.updated_at),
        Field("signed_up_at", "date", lambda c: c.signed_up_at),
        Field("last_seen_at", "date", lambda c: c.last_seen_at),
        Field("last_contacted_at", "date", lambda c: c.last_contacted_at),
        Field("last_replied_at", "date", lambda c: c.last_replied_at),
        Field("location.country", "string", lambda c: c.location.country),
        Field("location.region", "string", lambda c: c.location.region),
        Field("location.city", "string", lambda c: c.location.city),
    ),
    day_dates=True,
    date_operators=frozenset({"=", "<", ">"}),
)

CONVERSATIONS = Domain(
    "conversations",
    _fields(
        Field("id", "string", lambda c: c.id),
        Field("created_at", "date", lambda c: c.created_at),
        Field("updated_at", "date", lambda c: c.updated_at),
        Field("waiting_since", "date", lambda c: c.waiting_since),
        Field("snoozed_until", "date", lambda c: c.snoozed_until),
        Field("state", "string", lambda c: c.state),
        Field("open", "boolean", lambda c: c.open),
        Field("read", "boolean", lambda c: c.read),
        Field("priority", "string", lambda c: "not_priority"),
        Field("title", "string", lambda c: c.title),
        Field("admin_assignee_id", "integer", lambda c: c.admin_assignee_id),
        Field("team_assignee_id", "integer", lambda c: None),
        Field("contact_ids", "string", lambda c: c.contact_ids, multi=True),
        Field(
            "teammate_ids",
            "string",
            lambda c: [str(c.admin_assignee_id)] if c.admin_assignee_id is not None else [],
            multi=True,
        ),
        Field("source.id", "string", lambda c: c.source_id),
        Field("source.type", "string", lambda c: "conversation"),
        Field("source.delivered_as", "string", lambda c: c.delivered_as),
        Field("source.subject", "string", lambda c: c.subject),
        Field("source.body", "string", lambda c: c.source_body),
        Field("source.author.id", "string", lambda c: c.source_author.id),
        Field("source.author.type", "string", lambda c: c.source_author.type),
        Field("source.author.name", "string", lambda c: c.source_author.name),
        Field("source.author.email", "string", lambda c: c.source_author.email),
    ),
    day_dates=False,
    date_operators=frozenset({"=", "!=", "IN", "NIN", "<", ">"}),
)


def _custom_field(name: str) -> Field:
    key = name.removeprefix("custom_attributes.")
    return Field(name, "string", lambda c: c.custom_attributes.get(key))


def _field(domain: Domain, name: object) -> Field:
    if not isinstance(name, str) or not name:
        raise parameter_invalid("Each query filter needs a field")
    if domain is CONTACTS and name.startswith("custom_attributes.") and len(name) > len("custom_attributes."):
        return _custom_field(name)
    field = domain.fields.get(name)
    if field is None:
        raise parameter_invalid(f"{name} is not a valid search field for {domain.name}", field=name)
    return field


def _scalar(field: Field, value: object) -> Any:
    """The operand in the field's domain; a wrong type is refused as Intercom refuses it."""
    if value is None:
        return None
    if field.kind in ("integer", "date"):
        if isinstance(value, bool) or not (
            isinstance(value, int) or (isinstance(value, str) and value.strip().lstrip("-").isdigit())
        ):
            raise parameter_invalid(f"{field.name} needs an integer value, got {value!r}", field=field.name)
        return int(value)
    if field.kind == "boolean":
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.lower() in ("true", "false"):
            return value.lower() == "true"
        raise parameter_invalid(f"{field.name} needs a boolean value, got {value!r}", field=field.name)
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise parameter_invalid(f"{field.name} needs a string value, got {value!r}", field=field.name)
    return str(value).lower()


def _filter(domain: Domain, raw: dict[str, Any]) -> Filter:
    field = _field(domain, raw.get("field"))
    operator = raw.get("operator")
    if operator not in OPERATORS:
        raise parameter_invalid(f"Operator {operator!r} is not supported", field=field.name)
    allowed = domain.date_operators if field.kind == "date" else _BY_TYPE[field.kind]
    if operator not in allowed:
        raise parameter_invalid(
            f"Operator {operator} is not supported on the {field.kind} field {field.name}", field=field.name
        )
    if "value" not in raw:
        raise parameter_not_found(f"Filter on {field.name} needs a value")
    value = raw["value"]
    if operator in ("IN", "NIN"):
        if not isinstance(value, list):
            raise parameter_invalid(f"{operator} needs an array value for {field.name}", field=field.name)
        return Filter(field, operator, None, frozenset(_scalar(field, v) for v in value))
    if isinstance(value, list):
        raise parameter_invalid(
            f"Operator {operator} needs a single value for {field.name}", field=field.name
        )
    typed = _scalar(field, value)
    if typed is None and operator not in ("=", "!="):
        raise parameter_invalid(f"Operator {operator} needs a value for {field.name}", field=field.name)
    return Filter(field, operator, typed)


def parse_query(domain: Domain, raw: object, depth: int = 0) -> Node:
    """A validated query tree."""
    if not isinstance(raw, dict):
        raise parameter_invalid("query must be an object")
    if "field" in raw:
        return _filter(domain, raw)
    operator = raw.get("operator")
    if operator not in ("AND", "OR"):
        raise parameter_invalid(f"Operator {operator!r} is not supported; use AND or OR to combine filters")
    if depth >= MAX_NESTING:
        raise parameter_invalid(f"Queries can nest at most {MAX_NESTING} levels of AND/OR")
    items = raw.get("value")
    if not isinstance(items, list) or not items:
        raise parameter_invalid(f"{operator} needs a non-empty array of filters")
    if len(items) > MAX_GROUP_SIZE:
        raise parameter_invalid(f"{operator} groups take at most {MAX_GROUP_SIZE} filters, got {len(items)}")
    return Group(operator, tuple(parse_query(domain, item, depth + 1) for item in items))


def _compare_date(domain: Domain, op: str, value: int, bound: int) -> bool:
    if domain.day_dates:
        start = bound - bound % DAY_S
        if op == "=":
            return start <= value < start + DAY_S
        if op == ">":
            return value >= start + DAY_S
        return value < start
    if op == ">":
        return value >= bound
    if op == "<":
        return value <= bound
    return value == bound


def _matches_one(domain: Domain, f: Filter, value: Any) -> bool:
    op = f.operator
    if value is None:
        if op == "=":
            return f.value is None
        if op == "!=":
            return f.value is not None
        return op in ("NIN", "!~")
    if f.field.kind == "string":
        value = str(value).lower()
    if op == "=":
        if f.field.kind == "date" and f.value is not None:
            return _compare_date(domain, op, value, f.value)
        return bool(value == f.value)
    if op == "!=":
        return bool(value != f.value)
    if op == "IN":
        return value in f.values
    if op == "NIN":
        return value not in f.values
    if op == "~":
        return f.value in value
    if op == "!~":
        return f.value not in value
    if op == "^":
        return bool(value.startswith(f.value))
    if op == "$":
        return bool(value.endswith(f.value))
    if f.field.kind == "date":
        return _compare_date(domain, op, value, f.value)
    outcome: bool = {
        "<": value < f.value,
        ">": value > f.value,
        "<=": value <= f.value,
        ">=": value >= f.value,
    }[op]
    return outcome


def matches(domain: Domain, node: Node, record: Any) -> bool:
    if isinstance(node, Group):
        combine = all if node.operator == "AND" else any
        return combine(matches(domain, item, record) for item in node.items)
    value = node.field.read(record)
    if node.field.multi:
        values = list(value)
        negated = node.operator in ("!=", "NIN")
        if negated:
            return all(_matches_one(domain, node, v) for v in values)
        return any(_matches_one(domain, node, v) for v in values)
    return _matches_one(domain, node, value)


def _indexed(store: ChatStore, domain: Domain, f: Filter) -> set[str] | None:
    """Record ids an `=`/`IN` filter on an indexed field narrows to, or None when a scan is needed."""
    if f.operator not in ("=", "IN"):
        return None
    if (f.operator == "=" and f.value is None) or (f.operator == "IN" and None in f.values):
        # Matching unset fields needs a scan: the indexes only hold set values.
        return None
    keys: Iterable[Any] = [f.value] if f.operator == "=" else f.values
    name = f.field.name
    found: set[str] = set()
    if domain is CONTACTS and name in ("email", "external_id", "id"):
        for key in keys:
            contact: ContactRecord | None
            if name == "email":
                found.update(store.ids_by_email(str(key)))
                continue
            if name == "external_id":
                contact = store.by_external_id(str(key))
            else:
                contact = store.contacts.get(str(key))
            if contact is not None:
                found.add(contact.id)
        return found
    if domain is CONVERSATIONS and name in ("id", "contact_ids"):
        for key in keys:
            if name == "id":
                if str(key) in store.conversations:
                    found.add(str(key))
            else:
                found.update(c.id for c in _conversations_of(store, str(key)))
        return found
    return None


def _conversations_of(store: ChatStore, contact_id: str) -> list[ConversationRecord]:
    # Contact ids are stored as issued (lower-case hex); filter values were lower-cased too.
    return store.conversations_of(contact_id)


def candidates(store: ChatStore, domain: Domain, node: Node) -> set[str] | None:
    """Ids the query can only match among (from the indexes), or None when every record must be checked."""
    if isinstance(node, Filter):
        return _indexed(store, domain, node)
    pools = [candidates(store, domain, item) for item in node.items]
    if node.operator == "AND":
        known = [p for p in pools if p is not None]
        return set.intersection(*known) if known else None
    if any(p is None for p in pools):
        return None
    return set().union(*[p for p in pools if p is not None])


__all__ = [
    "CONTACTS",
    "CONVERSATIONS",
    "MAX_GROUP_SIZE",
    "MAX_NESTING",
    "OPERATORS",
    "Domain",
    "Field",
    "Filter",
    "Group",
    "Node",
    "candidates",
    "matches",
    "parse_query",
]
