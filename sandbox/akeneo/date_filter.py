"""`created` / `updated` clauses: Akeneo's date format, relative dates, and the comparisons.

Dates are `Y-m-d H:i:s` in UTC (or relative: `now`, `-3 days`); `=` compares to the second,
`BETWEEN` is inclusive and `SINCE LAST N DAYS` takes an integer.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar

from .php import gettype
from .search_checks import expect_array, fail

T = TypeVar("T")

DATETIME_FORMAT = "%Y-%m-%d %H:%M:%S"
DATETIME_LABEL = "yyyy-mm-dd H:i:s"
RELATIVE_DATE = re.compile(r"^(now|([+-][0-9]+)\s?(minute|hour|day|week|month|year)s?)$")
RELATIVE_UNITS = {
    "minute": timedelta(minutes=1),
    "hour": timedelta(hours=1),
    "day": timedelta(days=1),
    "week": timedelta(weeks=1),
    "month": timedelta(days=30),
    "year": timedelta(days=365),
}


def parse_date(prop: str, value: Any, now: datetime) -> datetime:
    """A filter date: "Y-m-d H:i:s" in UTC, or a relative one ("now", "-3 days")."""
    if isinstance(value, str):
        relative = RELATIVE_DATE.match(value.strip())
        if relative:
            if relative.group(1) == "now":
                return now.replace(microsecond=0)
            amount = int(relative.group(2))
            return (now + amount * RELATIVE_UNITS[relative.group(3)]).replace(microsecond=0)
        try:
            return datetime.strptime(value, DATETIME_FORMAT).replace(tzinfo=UTC)
        except ValueError:
            pass
    shown = value if isinstance(value, str) else gettype(value)
    raise fail(
        f'Property "{prop}" expects a string with the format "{DATETIME_LABEL}" as data, "{shown}" given.'
    )


def date_predicate(
    prop: str, operator: str, value: Any, now: datetime, get: Callable[[T], datetime]
) -> Callable[[T], bool]:
    """A `created`/`updated` clause other than EMPTY / NOT EMPTY, as a predicate on `get(item)`."""
    if operator == "SINCE LAST N DAYS":
        if isinstance(value, bool) or not isinstance(value, int):
            raise fail(f'Property "{prop}" expects an integer as data, "{gettype(value)}" given.')
        since = now - timedelta(days=value)
        return lambda item: get(item) > since
    if operator in ("BETWEEN", "NOT BETWEEN"):
        bounds = expect_array(prop, value)
        if len(bounds) != 2:
            raise fail(
                f'Property "{prop}" expects an array with valid data, should contain 2 strings with the format "{DATETIME_LABEL}".'
            )
        low, high = (parse_date(prop, bound, now) for bound in bounds)
        if operator == "BETWEEN":
            return lambda item: low <= get(item) <= high
        return lambda item: not low <= get(item) <= high
    moment = parse_date(prop, value, now)
    if operator == "=":
        return lambda item: get(item).replace(microsecond=0) == moment
    if operator == "!=":
        return lambda item: get(item).replace(microsecond=0) != moment
    if operator == "<":
        return lambda item: get(item) < moment
    return lambda item: get(item) > moment


__all__ = ["DATETIME_FORMAT", "DATETIME_LABEL", "date_predicate", "parse_date"]
