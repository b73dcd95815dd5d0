"""Odoo's date and datetime wire formats: naive UTC `YYYY-MM-DD HH:MM:SS` and `YYYY-MM-DD`."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

DATETIME_FORMAT = "%Y-%m-%d %H:%M:%S"
DATE_FORMAT = "%Y-%m-%d"


def format_datetime(value: datetime) -> str:
    """A datetime as Odoo serves it: converted to UTC, without offset."""
    if value.tzinfo is not None:
        value = value.astimezone(UTC)
    return value.strftime(DATETIME_FORMAT)


def format_date(value: date) -> str:
    return value.strftime(DATE_FORMAT)


def utc_now() -> str:
    return format_datetime(datetime.now(UTC))


def next_day(day: str) -> str:
    """The day after a `YYYY-MM-DD` string."""
    return format_date(datetime.strptime(day, DATE_FORMAT).date() + timedelta(days=1))


__all__ = ["DATETIME_FORMAT", "DATE_FORMAT", "format_date", "format_datetime", "next_day", "utc_now"]
