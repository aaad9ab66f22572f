"""The command line's words: its language, its translations, and argparse's own text.

Every string a command prints is written in Bahasa Indonesia and marked for Qt's lupdate
like the window's strings: ``translate("Cli", "…")`` for messages, ``translate("CliHelp",
"…")`` for the ``--help`` texts (and domain labels with their own contexts: "Finding",
"Table", "OfficeKind", "Sex", "Setting", "Progress"). The language is Sigap's
(:func:`chosen_language`: ``SIGAP_LANG``, else the one chosen in the window); in English the
text comes from the same ``resources/translations/sigap_en.qm`` the window loads,
through a translator of the command line's own (no Qt application is made, so the window can
still be opened after parsing).

argparse writes its own text ("usage:", "the following arguments are required: …") in
English through ``gettext``; while a command runs in Indonesian, :func:`speaking` gives
argparse the Indonesian of :data:`ARGPARSE_ID` instead. In English argparse keeps its own.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from functools import cache
from typing import TYPE_CHECKING

from desktop.domain import formatting
from desktop.domain.findings import Finding

if TYPE_CHECKING:
    from PySide6.QtCore import QTranslator

SOURCE_LANGUAGE = "id"

# argparse's user-facing strings (Python 3.11) in Bahasa Indonesia. Keys are argparse's
# gettext message ids, exactly; values keep their %-placeholders.
ARGPARSE_ID: dict[str, str] = {
    "usage: ": "penggunaan: ",
    "positional arguments": "argumen",
    "options": "pilihan",
    "optional arguments": "pilihan",
    "subcommands": "perintah",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "%(prog)s: error: %(message)s\n": "%(prog)s: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "the following arguments are required: %s": "argumen wajib belum diberikan: %s",
    "one of the arguments %s is required": "salah satu dari %s harus diberikan",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "pilihan %(value)r tidak dikenal; pilih salah satu: %(choices)s"
    ),
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "perintah %(parser_name)r tidak dikenal; pilih salah satu: %(choices)s"
    ),
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "expected one argument": "perlu satu nilai",
    "expected at most one argument": "paling banyak satu nilai",
    "expected at least one argument": "perlu paling sedikit satu nilai",
    "not allowed with argument %s": "tidak boleh dipakai bersama %s",
    "ignored explicit argument %r": "nilai %r tidak dipakai oleh pilihan ini",
    "ambiguous option: %(option)s could match %(matches)s": (
        "pilihan %(option)s kurang jelas; mungkin maksudnya %(matches)s"
    ),
    "unexpected option string: %s": "pilihan tak terduga: %s",
    "invalid %(type)s value: %(value)r": "nilai %(value)r tidak sah",
    "can't open '%(filename)s': %(error)s": "berkas '%(filename)s' tidak dapat dibuka: %(error)s",
}

_ARGPARSE_PLURALS_ID: dict[str, str] = {
    "expected %s argument": "perlu %s nilai",
}

_language: str | None = None


def chosen_language() -> str:
    """The language chosen for Sigap: ``SIGAP_LANG``, else the one chosen in the window
    (Pengaturan → Bahasa), else Indonesian.

    Unlike the window, the command line does not follow the system's languages: a script's
    output should not change with the computer it runs on.
    """
    from desktop.ui.i18n import chosen_language as sigap_language
    from desktop.ui.settings import saved_language

    return sigap_language(ui_languages=[], saved=saved_language())


def language() -> str:
    """The language of the command running now (the chosen one outside :func:`speaking`)."""
    return _language or chosen_language()


@cache
def _translator(lang: str) -> QTranslator | None:
    """The translator of *lang* (None when its file is missing)."""
    from PySide6.QtCore import QTranslator

    from desktop.ui.i18n import translation_file

    translator = QTranslator()
    return translator if translator.load(translation_file(lang)) else None


def translate(context: str, text: str) -> str:
    """*text* (Indonesian, marked for lupdate under *context*) in the command's language."""
    lang = language()
    if lang == SOURCE_LANGUAGE:
        return text
    translator = _translator(lang)
    return (translator.translate(context, text) if translator else "") or text


def finding(item: Finding) -> str:
    """A finding's message in the command's language."""
    return item.render(translate)


def integer(value: int) -> str:
    """An integer with the language's grouping ("120.000" in Indonesian)."""
    return formatting.integer(value, language())


def decimal(value: float, places: int = 1) -> str:
    """A decimal with the language's separators ("1,4" in Indonesian)."""
    return formatting.decimal(value, places, language())


def file_size(size: int) -> str:
    """A size in KB, MB or GB as every screen writes it ("2,0 KB")."""
    return formatting.file_size(size, language())


def long_date(day: date) -> str:
    """A date with the month's full name in the command's language ("2 September 2025")."""
    from babel.dates import format_date

    return format_date(day, "d MMMM y", locale=language())


def _argparse_gettext(message: str | None) -> str | None:
    return ARGPARSE_ID.get(message, message) if message is not None else None


def _argparse_ngettext(singular: str, plural: str, n: int) -> str:
    if singular in _ARGPARSE_PLURALS_ID:
        return _ARGPARSE_PLURALS_ID[singular]
    return singular if n == 1 else plural


@contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Run the enclosed command (parsing included) in *lang*; restore everything after."""
    global _language
    previous = _language
    names: dict[str, Callable[..., str]] = {}
    _language = lang
    if lang == SOURCE_LANGUAGE:
        for name, replacement in (("_", _argparse_gettext), ("ngettext", _argparse_ngettext)):
            names[name] = getattr(argparse, name)
            setattr(argparse, name, replacement)
    try:
        yield
    finally:
        for name, original in names.items():
            setattr(argparse, name, original)
        _language = previous
