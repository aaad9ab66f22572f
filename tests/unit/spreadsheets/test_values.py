"""Dates as villages type them."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.findings import Finding
from desktop.spreadsheets.values import parse_date

TODAY = date(2026, 11, 25)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("02-09-1980", date(1980, 9, 2)),
        ("02/09/1980", date(1980, 9, 2)),
        ("2.9.1980", date(1980, 9, 2)),
        ("1980-09-02", date(1980, 9, 2)),
        ("2 September 1980", date(1980, 9, 2)),
        ("2 Sept 1980", date(1980, 9, 2)),
        ("17 Agustus 1945", date(1945, 8, 17)),
        ("02-Sep-80", date(1980, 9, 2)),
        ("02-Des-05", date(2005, 12, 2)),
        ("29 Februari 2000", date(2000, 2, 29)),
        (29466, date(1980, 9, 2)),
        (29466.0, date(1980, 9, 2)),
        ("29466", date(1980, 9, 2)),
        (datetime(1980, 9, 2, 0, 0), date(1980, 9, 2)),
        (date(1980, 9, 2), date(1980, 9, 2)),
        (" 02-09-1980 ", date(1980, 9, 2)),
    ],
)
def test_birth_dates_in_the_formats_people_use(cell: object, expected: date) -> None:
    assert parse_date(cell, field="Tgl Lahir", past=True, today=TODAY) == expected  # type: ignore[arg-type]


def test_two_digit_birth_years_are_in_the_past() -> None:
    assert parse_date("02-09-30", field="x", past=True, today=TODAY) == date(1930, 9, 2)
    assert parse_date("02-09-26", field="x", past=True, today=TODAY) == date(2026, 9, 2)
    assert parse_date("02-09-30", field="x", past=False, today=TODAY) == date(2030, 9, 2)


@pytest.mark.parametrize(
    "cell",
    ["30-02-1980", "32/01/1980", "kemarin", "1980", "2 Smarch 1980", True, 12.5, -3, "02-09"],
)
def test_not_dates_are_reported_with_the_field_name(cell: object) -> None:
    result = parse_date(cell, field="Tanggal Lahir", past=True, today=TODAY)  # type: ignore[arg-type]
    assert isinstance(result, Finding)
    assert "Tanggal Lahir" in result.message


def test_empty_cells_are_none() -> None:
    assert parse_date(None, field="x") is None
    assert parse_date("  ", field="x") is None


@given(st.dates(min_value=date(1927, 5, 18), max_value=date(2099, 12, 31)))
def test_every_format_round_trips(day: date) -> None:
    for text in (f"{day:%d-%m-%Y}", f"{day:%d/%m/%Y}", f"{day:%Y-%m-%d}"):
        assert parse_date(text, field="x") == day
    serial = (day - date(1899, 12, 30)).days
    assert parse_date(serial, field="x") == day
