"""Turning the cells villages type into values: dates in the formats people really use.

Each parser returns the value or a :class:`Finding` that says, in Indonesian, what is wrong;
nothing is guessed where a guess could be wrong.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from desktop.domain.findings import QT_TRANSLATE_NOOP, Finding
from desktop.domain.identifiers import expand_two_digit_year, make_date
from desktop.spreadsheets.reader import Cell, cell_text

EXCEL_EPOCH = date(1899, 12, 30)  # serial 1 = 1900-01-01, counting Excel's phantom 29 Feb 1900
# Serial numbers are taken from 10000 (18 May 1927) up: a smaller number in a date column is
# far likelier a year ("1980") or a typo than a date a century ago, so it is reported.
EXCEL_SERIAL_RANGE = (10_000, 2_958_465)

MONTHS = {
    "januari": 1, "jan": 1, "january": 1,
    "februari": 2, "feb": 2, "pebruari": 2, "peb": 2, "february": 2,
    "maret": 3, "mar": 3, "march": 3,
    "april": 4, "apr": 4,
    "mei": 5, "may": 5,
    "juni": 6, "jun": 6, "june": 6,
    "juli": 7, "jul": 7, "july": 7,
    "agustus": 8, "agu": 8, "ags": 8, "agt": 8, "aug": 8, "august": 8,
    "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "oct": 10, "october": 10,
    "november": 11, "nov": 11, "nop": 11, "nopember": 11,
    "desember": 12, "des": 12, "dec": 12, "december": 12,
}  # fmt: skip

_NUMERIC = re.compile(r"(\d{1,4})[-/.](\d{1,2})[-/.](\d{1,4})")
_WORDS = re.compile(r"(\d{1,2})[\s\-/.]+([A-Za-z]+)\.?[\s\-/.,]+(\d{2}|\d{4})")


def _bad_date(text: str, field: str) -> Finding:
    return Finding.error(
        "value.date",
        QT_TRANSLATE_NOOP(
            "Finding",
            '{field} "{text}" bukan tanggal yang dikenali. Tulis seperti 02-09-1980, '
            "1980-09-02 atau 2 September 1980.",
        ),
        field=field,
        text=text[:40],
    )


def _year(value: int, *, two_digits: bool, past: bool, today: date) -> int:
    if not two_digits:
        return value
    if past:
        return expand_two_digit_year(value, today)
    return 2000 + value


def parse_date(
    value: Cell, *, field: str, past: bool = False, today: date | None = None
) -> date | Finding | None:
    """Read a date cell; None for an empty cell.

    Accepts real date cells, Excel serial numbers, dd-mm-yyyy, dd/mm/yyyy, dd.mm.yyyy,
    yyyy-mm-dd, "2 September 1980" and "02-Sep-80" (Indonesian or English month names).
    Two-digit years are read as the past when *past* (birth dates), else as 20yy. Day-first
    is the Indonesian order: 03/04/1980 is 3 April.
    """
    today = today or date.today()
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        return _bad_date(str(value), field)
    if isinstance(value, int | float):
        return _from_serial(float(value), field)
    text = cell_text(value)
    if not text:
        return None
    if re.fullmatch(r"\d+(\.0+)?", text):
        return _from_serial(float(text), field)
    match = _NUMERIC.fullmatch(text)
    if match:
        a, b, c = match.groups()
        if len(a) == 4:  # yyyy-mm-dd
            found = make_date(int(a), int(b), int(c))
        elif len(c) in (2, 4):  # dd-mm-yyyy or dd-mm-yy
            year = _year(int(c), two_digits=len(c) == 2, past=past, today=today)
            found = make_date(year, int(b), int(a))
        else:
            found = None
        return found if found is not None else _bad_date(text, field)
    match = _WORDS.fullmatch(text)
    if match:
        day, month_word, year_text = match.groups()
        month = MONTHS.get(month_word.lower())
        if month is not None:
            year = _year(int(year_text), two_digits=len(year_text) == 2, past=past, today=today)
            found = make_date(year, month, int(day))
            if found is not None:
                return found
    return _bad_date(text, field)


def _from_serial(serial: float, field: str) -> date | Finding:
    low, high = EXCEL_SERIAL_RANGE
    if not serial.is_integer() or not low <= serial <= high:
        return _bad_date(f"{serial:g}", field)
    return EXCEL_EPOCH + timedelta(days=int(serial))
