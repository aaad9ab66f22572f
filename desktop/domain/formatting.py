"""Numbers as people read them: decimals with the locale's comma, sizes in KB/MB/GB.

One place for every screen and the command line, so that a size reads "2,4 MB" everywhere
(not "2.4 MB" in one place and "2 KB" in another) and a duration "1,4" in Indonesian.
"""

from __future__ import annotations

from babel.numbers import format_decimal

DEFAULT_LOCALE = "id"

_UNITS = (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024))


def decimal(value: float, places: int = 1, locale: str = DEFAULT_LOCALE) -> str:
    """*value* with exactly *places* decimals and the locale's separators ("1,4", "12.345,0")."""
    pattern = "#,##0" + ("." + "0" * places if places > 0 else "")
    return format_decimal(value, format=pattern, locale=locale)


def integer(value: int, locale: str = DEFAULT_LOCALE) -> str:
    """An integer with the locale's grouping ("120.000" in Indonesian, "120,000" in English)."""
    return format_decimal(value, format="#,##0", locale=locale)


def file_size(size: int, locale: str = DEFAULT_LOCALE) -> str:
    """A size in bytes with one decimal in its unit: "840,0 KB", "12,5 MB", "1,2 GB".

    Sizes under one kilobyte are "0,x KB" (a file of 0 bytes is "0,0 KB"), so the unit
    never needs translating; the space is non-breaking so that a size never wraps.
    """
    size = max(0, int(size))
    for unit, scale in _UNITS:
        if size >= scale or unit == "KB":
            return f"{decimal(size / scale, 1, locale)}\u00a0{unit}"
    raise AssertionError("unreachable")  # pragma: no cover
