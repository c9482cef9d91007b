"""Timestamps that are timezone-aware UTC on both databases.

SQLite keeps no time zone, so a plain DateTime column gives naive datetimes back there and aware
ones on PostgreSQL. `UTCDateTime` stores UTC and always gives an aware UTC datetime back.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import DateTime
from sqlalchemy.types import TypeDecorator

__all__ = ["UTCDateTime", "lokale_datum", "utc_now"]

try:
    NEDERLAND: dt.tzinfo = ZoneInfo("Europe/Amsterdam")
except ZoneInfoNotFoundError:  # no tz database on this machine: dates are then UTC dates
    NEDERLAND = dt.timezone.utc


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def lokale_datum(moment: dt.datetime) -> dt.date:
    """The calendar date in the Netherlands at this moment (what a resident calls 'today')."""
    return moment.astimezone(NEDERLAND).date()


def _as_utc(value: dt.datetime) -> dt.datetime:
    if value.tzinfo is None:  # naive values in this code base are UTC
        return value.replace(tzinfo=dt.timezone.utc)
    return value.astimezone(dt.timezone.utc)


class UTCDateTime(TypeDecorator):
    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> dt.datetime | None:
        return None if value is None else _as_utc(value)

    def process_result_value(self, value: Any, dialect: Any) -> dt.datetime | None:
        return None if value is None else _as_utc(value)
