"""Dates written the Indonesian way (Babel, locale id), Roman months and ages."""

from __future__ import annotations

from datetime import date

from babel.dates import format_date, get_month_names

from desktop.domain.findings import QT_TRANSLATE_NOOP, DomainError, Finding

LOCALE = "id"

_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


def _check_month(month: int) -> None:
    if isinstance(month, bool) or not isinstance(month, int) or not 1 <= month <= 12:
        raise DomainError.of(
            "date.month",
            QT_TRANSLATE_NOOP("Finding", "Bulan harus angka 1 sampai 12, bukan {month}."),
            month=month,
        )


def long_date(d: date) -> str:
    """The date with the full month name, e.g. "2 September 2025"."""
    return format_date(d, "d MMMM y", locale=LOCALE)


def month_name(month: int) -> str:
    """The full Indonesian name of a month 1-12, e.g. "September"."""
    _check_month(month)
    return str(get_month_names("wide", locale=LOCALE)[month])


def roman_month(month: int) -> str:
    """The month 1-12 in Roman numerals, as in letter numbers, e.g. "IX"."""
    _check_month(month)
    return _ROMAN[month - 1]


def place_and_date(place: str, d: date) -> str:
    """The place and date line of a letter, e.g. "Kayuagung, 2 September 2025"."""
    return f"{place.strip()}, {long_date(d)}"


def day_name(d: date) -> str:
    """The Indonesian name of the weekday, e.g. "Selasa"."""
    return format_date(d, "EEEE", locale=LOCALE)


def age_on(birth: date, on: date) -> int:
    """Age in whole years on a day (someone born on 29 February ages on 1 March)."""
    if on < birth:
        raise DomainError.of(
            "date.before_birth",
            QT_TRANSLATE_NOOP("Finding", "Tanggal {on} lebih awal dari tanggal lahir {birth}."),
            on=long_date(on),
            birth=long_date(birth),
        )
    had_birthday = (on.month, on.day) >= (birth.month, birth.day)
    return on.year - birth.year - (0 if had_birthday else 1)


# A date this far after today is most likely a typing slip (2099 for 2029): coverage and
# event dates beyond it are accepted with a warning. Dates that cannot be in the future at
# all (birth, death) are errors instead, checked where they are read.
FAR_AHEAD_DAYS = 366


def is_far_ahead(day: date, today: date) -> bool:
    """True when *day* is more than a year after *today*."""
    return (day - today).days > FAR_AHEAD_DAYS


def far_ahead_warning(day: date, field: str) -> Finding:
    """The warning for a date of *field* (its Indonesian label) that :func:`is_far_ahead`."""
    return Finding.warning(
        "date.far_ahead",
        QT_TRANSLATE_NOOP(
            "Finding",
            "{field} {date} lebih dari setahun dari hari ini. Periksa tahunnya; "
            "bila memang benar, data tetap dapat disimpan.",
        ),
        field=field,
        date=long_date(day),
    )
