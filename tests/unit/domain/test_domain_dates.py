"""Indonesian dates."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.domain.dates import (
    age_on,
    day_name,
    long_date,
    month_name,
    place_and_date,
    roman_month,
)
from desktop.domain.findings import DomainError


@pytest.mark.parametrize(
    ("d", "text"),
    [
        (date(2025, 9, 2), "2 September 2025"),
        (date(2025, 1, 31), "31 Januari 2025"),
        (date(2024, 2, 29), "29 Februari 2024"),
        (date(2025, 5, 1), "1 Mei 2025"),
        (date(2025, 8, 17), "17 Agustus 2025"),
        (date(2025, 12, 25), "25 Desember 2025"),
    ],
)
def test_long_date(d: date, text: str) -> None:
    assert long_date(d) == text


@pytest.mark.parametrize(
    ("month", "roman"),
    [(1, "I"), (4, "IV"), (9, "IX"), (10, "X"), (11, "XI"), (12, "XII")],
)
def test_roman_month(month: int, roman: str) -> None:
    assert roman_month(month) == roman


@pytest.mark.parametrize("month", [0, 13, -1])
def test_roman_month_rejects(month: int) -> None:
    with pytest.raises(DomainError) as info:
        roman_month(month)
    assert info.value.finding.code == "date.month"


def test_roman_month_rejects_bool() -> None:
    with pytest.raises(DomainError):
        roman_month(True)


def test_month_name() -> None:
    assert [month_name(m) for m in (1, 6, 9, 11)] == ["Januari", "Juni", "September", "November"]
    with pytest.raises(DomainError):
        month_name(13)


def test_place_and_date() -> None:
    assert place_and_date("Kayuagung", date(2025, 9, 2)) == "Kayuagung, 2 September 2025"
    assert place_and_date("  Kayuagung ", date(2025, 9, 2)) == "Kayuagung, 2 September 2025"


def test_day_name() -> None:
    assert day_name(date(2025, 9, 2)) == "Selasa"
    names = [day_name(date(2025, 9, d)) for d in range(1, 8)]
    assert names == ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]


@pytest.mark.parametrize(
    ("birth", "on", "age"),
    [
        (date(1980, 9, 2), date(2025, 9, 2), 45),
        (date(1980, 9, 2), date(2025, 9, 1), 44),
        (date(1980, 9, 2), date(1980, 9, 2), 0),
        (date(2000, 2, 29), date(2025, 2, 28), 24),
        (date(2000, 2, 29), date(2025, 3, 1), 25),
        (date(2000, 2, 29), date(2024, 2, 29), 24),
    ],
)
def test_age_on(birth: date, on: date, age: int) -> None:
    assert age_on(birth, on) == age


def test_age_before_birth() -> None:
    with pytest.raises(DomainError) as info:
        age_on(date(2000, 1, 2), date(2000, 1, 1))
    assert info.value.finding.code == "date.before_birth"
