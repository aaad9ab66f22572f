"""Rupiah amounts: always int, written "Rp8.330.000.000,00" and in Indonesian words."""

from __future__ import annotations

import re

from babel.numbers import format_currency

from desktop.domain.findings import QT_TRANSLATE_NOOP, DomainError

LOCALE = "id"

# num2words spells Indonesian numbers up to the kuadriliun (10**15) range reliably.
MAX_WORDS_AMOUNT = 10**18 - 1


def _require_int(amount: object) -> int:
    if isinstance(amount, bool) or not isinstance(amount, int):
        raise TypeError(f"rupiah amount must be int, not {type(amount).__name__}")
    return amount


def format_rupiah(amount: int, *, cents: bool = True) -> str:
    """The amount as "Rp8.330.000.000,00" (or without ",00"); negatives as "-Rp…"."""
    value = _require_int(amount)
    pattern = "\u00a4#,##0.00" if cents else "\u00a4#,##0"
    return format_currency(value, "IDR", pattern, locale=LOCALE, currency_digits=False)


def rupiah_in_words(amount: int) -> str:
    """The amount in Indonesian words, e.g. "delapan miliar tiga ratus tiga puluh juta rupiah"."""
    value = _require_int(amount)
    if value < 0:
        raise DomainError.of(
            "money.negative",
            QT_TRANSLATE_NOOP("Finding", "Jumlah uang tidak boleh negatif."),
        )
    if value > MAX_WORDS_AMOUNT:
        raise DomainError.of(
            "money.too_large",
            QT_TRANSLATE_NOOP("Finding", "Jumlah uang terlalu besar untuk ditulis dengan huruf."),
        )
    from num2words import num2words  # only letters spell amounts: not at every start

    words = " ".join(str(num2words(value, lang="id")).split())
    return f"{words} rupiah"


def rupiah_with_words(amount: int) -> str:
    """The amount in figures and words, e.g. "Rp1.000.000,00 (satu juta rupiah)"."""
    return f"{format_rupiah(amount)} ({rupiah_in_words(amount)})"


_PREFIX = re.compile(r"^(?:rp\.?|idr)", re.IGNORECASE)
_GROUPED = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+")
_CENTS = re.compile(r",(?:[0-9]+|-)")


def _not_amount(text: str) -> DomainError:
    return DomainError.of(
        "money.invalid",
        QT_TRANSLATE_NOOP(
            "Finding",
            "Jumlah rupiah tidak dapat dibaca: {text}. Tulis seperti Rp1.000.000, 1.000.000,00 atau 1000000.",  # noqa: E501
        ),
        text=text.strip()[:40],
    )


def parse_rupiah(text: str) -> int:
    """Read "Rp1.000.000", "1.000.000,00", "Rp 1.000.000,-" or "1000000" as int rupiah."""
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    compact = re.sub(r"\s+", "", text)
    if not compact:
        raise DomainError.of(
            "money.empty", QT_TRANSLATE_NOOP("Finding", "Jumlah rupiah belum diisi.")
        )
    negative = compact.startswith("-")
    if negative:
        compact = compact[1:]
    compact = _PREFIX.sub("", compact)
    if not negative and compact.startswith("-"):
        negative, compact = True, compact[1:]
    whole, comma, fraction = compact.partition(",")
    if comma:
        if not _CENTS.fullmatch(comma + fraction):
            raise _not_amount(text)
        if fraction != "-" and int(fraction) != 0:
            raise DomainError.of(
                "money.cents",
                QT_TRANSLATE_NOOP(
                    "Finding", "Jumlah rupiah tidak boleh memuat sen ({text}); bulatkan ke rupiah."
                ),
                text=text.strip()[:40],
            )
    if _GROUPED.fullmatch(whole):
        whole = whole.replace(".", "")
    elif not (whole.isascii() and whole.isdigit()):
        raise _not_amount(text)
    value = int(whole)
    return -value if negative else value
