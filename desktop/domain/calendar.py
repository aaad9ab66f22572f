"""Counting days: calendar days, or working days (Monday to Friday less the holidays).

A deadline such as "7 days after the file was verified" is counted one way or the other
as the office chooses (setting ``claim.working_days``). The holidays are data the regency
admin maintains (national holidays and cuti bersama differ each year and by decree); this
module only counts with them.

Rules of counting, the same both ways:

- :func:`add_days` gives the day *n* days after *start*, not counting *start* itself; in
  working days the result is always a working day (7 working days after a Friday is the
  Tuesday nine days later, or later still over a holiday).
- :func:`days_until` gives how many days from *today* to *day*: 0 on the day itself,
  positive before, negative after. In working days it counts the working days in
  (today, day], so a deadline on Monday seen on Friday is 1 working day away, and a
  Friday deadline seen on the Saturday after is still 0 (no working day has passed).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from types import MappingProxyType
from typing import Self

from desktop.domain.findings import QT_TRANSLATE_NOOP, DomainError

_DAY = timedelta(days=1)
# Monday is 0, Friday 4.
_LAST_WORKING_WEEKDAY = 4


class DayCount(StrEnum):
    """How the days of a deadline are counted."""

    CALENDAR = "kalender"
    WORKING = "kerja"

    @property
    def label(self) -> str:
        """Indonesian label."""
        return _DAY_COUNT_LABELS[self]


_DAY_COUNT_LABELS = MappingProxyType(
    {
        DayCount.CALENDAR: QT_TRANSLATE_NOOP("DayCount", "hari kalender"),
        DayCount.WORKING: QT_TRANSLATE_NOOP("DayCount", "hari kerja"),
    }
)


@dataclass(frozen=True, order=True)
class Holiday:
    """A day off for the office (a national holiday or cuti bersama), with its name."""

    day: date
    name: str

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise DomainError.of(
                "holiday.name",
                QT_TRANSLATE_NOOP(
                    "Finding", "Hari libur {date} belum bernama. Tuliskan nama hari liburnya."
                ),
                date=self.day.isoformat(),
            )


@dataclass(frozen=True)
class Holidays:
    """The office's holiday list: one name per day, sorted by day.

    Build it with :meth:`of`, which sorts and keeps the first name given for a day (a day
    listed twice is one day off).
    """

    items: tuple[Holiday, ...] = ()

    @classmethod
    def of(cls, holidays: Iterable[Holiday | tuple[date, str]]) -> Self:
        """The list of *holidays* (Holiday or (day, name) pairs), sorted, one per day."""
        seen: dict[date, Holiday] = {}
        for entry in holidays:
            holiday = entry if isinstance(entry, Holiday) else Holiday(entry[0], entry[1])
            seen.setdefault(holiday.day, holiday)
        return cls(tuple(sorted(seen.values())))

    @property
    def days(self) -> frozenset[date]:
        """The days off."""
        return frozenset(h.day for h in self.items)

    def name_of(self, day: date) -> str | None:
        """The holiday's name on *day*, or None when it is not a holiday."""
        for holiday in self.items:
            if holiday.day == day:
                return holiday.name
        return None

    def in_year(self, year: int) -> tuple[Holiday, ...]:
        """The holidays of one year, in order."""
        return tuple(h for h in self.items if h.day.year == year)


NO_HOLIDAYS = Holidays()


def is_working_day(day: date, holidays: Holidays = NO_HOLIDAYS) -> bool:
    """True for Monday to Friday when the day is not on the holiday list."""
    return day.weekday() <= _LAST_WORKING_WEEKDAY and day not in holidays.days


def _check_count(n: int) -> int:
    if isinstance(n, bool) or not isinstance(n, int) or n < 0:
        raise ValueError(f"a day count must be a whole number >= 0, not {n!r}")
    return n


def add_days(
    start: date, n: int, count: DayCount = DayCount.CALENDAR, holidays: Holidays = NO_HOLIDAYS
) -> date:
    """The day *n* days after *start* (not counting *start*); *n* = 0 gives *start*.

    In working days, only working days are counted and the result is one (unless n = 0).
    """
    n = _check_count(n)
    if DayCount(count) is DayCount.CALENDAR:
        return start + timedelta(days=n)
    off = holidays.days
    day = start
    remaining = n
    while remaining:
        day += _DAY
        if day.weekday() <= _LAST_WORKING_WEEKDAY and day not in off:
            remaining -= 1
    return day


def days_until(
    day: date, today: date, count: DayCount = DayCount.CALENDAR, holidays: Holidays = NO_HOLIDAYS
) -> int:
    """Days from *today* to *day*: 0 on the day, positive before it, negative after it.

    In working days: before *day*, the working days in (today, day]; after it, minus the
    working days in (day, today]. A deadline that falls on a weekend counts as reached on
    the last working day before it and passed on the next working day; a weekend day after
    a Friday deadline is still 0 (nothing could be done on it).
    """
    if DayCount(count) is DayCount.CALENDAR:
        return (day - today).days
    if day >= today:
        return _working_days_between(today, day, holidays)
    return -_working_days_between(day, today, holidays)


def _working_days_between(first: date, last: date, holidays: Holidays) -> int:
    """The working days in (first, last]."""
    span = (last - first).days
    weeks, rest = divmod(span, 7)
    count = weeks * 5
    day = first + timedelta(days=weeks * 7)
    for _ in range(rest):
        day += _DAY
        if day.weekday() <= _LAST_WORKING_WEEKDAY:
            count += 1
    count -= sum(
        1 for h in holidays.days if first < h <= last and h.weekday() <= _LAST_WORKING_WEEKDAY
    )
    return count
