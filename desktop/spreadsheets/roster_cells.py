"""What one cell of a roster row holds: text, an identity number (never one Excel rounded),
a key to cache what a cell says."""

from __future__ import annotations

import re

from desktop.domain.findings import QT_TRANSLATE_NOOP, Finding
from desktop.domain.names import name_key
from desktop.spreadsheets.reader import Cell, cell_text

# Double precision holds every integer up to 2**53 exactly; above it a number cell cannot be
# trusted to the last digit.
EXACT_FLOAT_LIMIT = 2**53
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")


def fast_name_key(text: str) -> str:
    """:func:`name_key`, with a fast path for plain ASCII (most names; same result)."""
    if text.isascii():
        return " ".join(_NOT_ALNUM.sub(" ", text.lower()).split())
    return name_key(text)


def _err(code: str, template: str, /, **params: object) -> Finding:
    return Finding.error(code, template, **params)


def words(value: Cell) -> str:
    """The text of a cell with its runs of white space made single spaces."""
    return " ".join(cell_text(value).split())


def number_text(value: Cell) -> str:
    """An identity number cell as text (a whole-number cell without its ".0")."""
    if isinstance(value, float) and value.is_integer() and abs(value) < EXACT_FLOAT_LIMIT:
        return str(int(value))
    return cell_text(value)


def read_nik_cell(value: Cell) -> tuple[str, Finding | None]:
    """The NIK text of a cell, or an error when the cell is a number Excel may have rounded.

    A number cell keeps at most 15 significant digits in Excel: a 16-digit NIK typed as a
    number comes back with a 0 in place of its last digit. Such a cell, a fractional number
    or one too big to be exact is rejected, never repaired.
    """
    if isinstance(value, bool):
        return str(value), None
    if isinstance(value, int | float):
        if isinstance(value, float) and not value.is_integer():
            return "", _err(
                "nik.decimal",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    "NIK terbaca sebagai angka desimal karena Excel membacanya sebagai angka, dan angka terakhirnya bisa hilang. Ketik ulang NIK sebagai teks: format sel Teks atau awali dengan tanda petik (').",  # noqa: E501
                ),
            )
        if rounded_long_number(value):
            return "", _err(
                "nik.lost_digits",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    "NIK tersimpan sebagai angka, dan Excel hanya menyimpan 15 angka: angka terakhirnya bisa hilang (berubah menjadi 0). Ketik ulang NIK sebagai teks: format sel Teks atau awali dengan tanda petik (').",  # noqa: E501
                ),
            )
        return str(int(value)), None
    return cell_text(value), None


def rounded_long_number(value: float | int) -> bool:
    """True for a number cell that cannot hold a 16-digit identity number exactly: Excel
    keeps 15 significant digits, so the 16th comes back as 0 (or the number is fractional,
    or too big for a float to be exact)."""
    if isinstance(value, float) and not value.is_integer():
        return True
    digits = str(int(value))
    return abs(value) >= EXACT_FLOAT_LIMIT or (len(digits) == 16 and digits.endswith("0"))


KK_LOST_DIGITS = _err(
    "kk.lost_digits",
    QT_TRANSLATE_NOOP(
        "Finding",
        "Nomor KK tersimpan sebagai angka, dan Excel hanya menyimpan 15 angka: angka "
        "terakhirnya bisa hilang (berubah menjadi 0). Ketik ulang nomor KK sebagai teks: "
        "format sel Teks atau awali dengan tanda petik (').",
    ),
)


def cache_key(value: Cell) -> object:
    """A cache key for a cell: its text, else its value with its type (1, 1.0 and True are
    equal in Python, but read differently)."""
    return value if type(value) is str else (type(value), value)
