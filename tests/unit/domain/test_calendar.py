"""Counting days: calendar days and working days with the office's holiday list."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from desktop.domain.calendar import (
    NO_HOLIDAYS,
    DayCount,
    Holiday,
    Holidays,
    add_days,
    days_until,
    is_working_day,
)
from desktop.domain.findings import DomainError

W = DayCount.WORKING
FRI = date(2025, 12, 19)  # a Friday
CHRISTMAS = Holidays.of(
    [
        (date(2025, 12, 25), "Hari Raya Natal"),
        Holiday(date(2025, 12, 26), "Cuti bersama Natal"),
        (date(2025, 12, 25), "Natal (dua kali)"),
    ]
)


def test_the_holiday_list_is_sorted_one_name_a_day() -> None:
    assert [h.day for h in CHRISTMAS.items] == [date(2025, 12, 25), date(2025, 12, 26)]
    assert CHRISTMAS.name_of(date(2025, 12, 25)) == "Hari Raya Natal"
    assert CHRISTMAS.name_of(date(2025, 12, 24)) is None
    assert CHRISTMAS.in_year(2026) == ()
    with pytest.raises(DomainError) as raised:
        Holiday(date(2025, 1, 1), "  ")
    assert raised.value.code == "holiday.name"


def test_working_days_are_monday_to_friday_less_holidays() -> None:
    assert is_working_day(FRI)
    assert not is_working_day(FRI + timedelta(days=1))
    assert not is_working_day(date(2025, 12, 25), CHRISTMAS)
    assert is_working_day(date(2025, 12, 25))


def test_calendar_days() -> None:
    assert add_days(FRI, 7) == date(2025, 12, 26)
    assert add_days(FRI, 0) == FRI
    assert days_until(date(2025, 12, 26), FRI) == 7
    assert days_until(FRI, date(2025, 12, 26)) == -7


def test_working_days_skip_weekends_and_holidays() -> None:
    assert add_days(FRI, 1, W) == date(2025, 12, 22)  # Monday
    assert add_days(FRI, 7, W) == date(2025, 12, 30)  # Tuesday, nine days on
    assert add_days(FRI, 7, W, CHRISTMAS) == date(2026, 1, 1)  # over Christmas
    assert add_days(FRI + timedelta(days=1), 1, W) == date(2025, 12, 22)  # from a Saturday
    assert add_days(FRI, 0, W) == FRI
    with pytest.raises(ValueError):
        add_days(FRI, -1, W)


def test_working_days_until_a_deadline() -> None:
    monday = date(2025, 12, 22)
    assert days_until(monday, FRI, W) == 1
    assert days_until(FRI, FRI, W) == 0
    assert days_until(FRI, FRI + timedelta(days=1), W) == 0  # Saturday after: nothing passed
    assert days_until(FRI, monday, W) == -1
    assert days_until(date(2025, 12, 29), date(2025, 12, 24), W, CHRISTMAS) == 1
    assert days_until(date(2025, 12, 24), date(2025, 12, 29), W, CHRISTMAS) == -1


@pytest.mark.parametrize("n", range(0, 30))
def test_days_until_undoes_add_days(n: int) -> None:
    for start in (FRI + timedelta(days=k) for k in range(7)):
        for holidays in (NO_HOLIDAYS, CHRISTMAS):
            for count in DayCount:
                end = add_days(start, n, count, holidays)
                if count is DayCount.CALENDAR or is_working_day(start, holidays):
                    assert days_until(end, start, count, holidays) == n
                    assert days_until(start, end, count, holidays) == -n


def test_labels() -> None:
    assert DayCount.WORKING.label == "hari kerja"
    assert DayCount.CALENDAR.label == "hari kalender"
