"""The error raised for a file that is not a spreadsheet Sigap can read, and the message for
a damaged one.

Apart from the reader so that the reader and the extent checks (desktop.spreadsheets.extent
and its per-format modules) raise the same error without importing each other; the reader
re-exports :class:`UnreadableSheet`, which is where the rest of Sigap imports it from.
"""

from __future__ import annotations

from pathlib import Path

from desktop.domain.findings import QT_TRANSLATE_NOOP, DomainError, Finding


class UnreadableSheet(DomainError):
    """The file is not a spreadsheet we can read; the message says why and what to do."""


def _fail(code: str, template: str, **params: object) -> UnreadableSheet:
    return UnreadableSheet(Finding.error(code, template, **params))


def _broken(path: Path) -> UnreadableSheet:
    return _fail(
        "sheet.broken",
        QT_TRANSLATE_NOOP(
            "Finding",
            "Berkas {file} rusak atau terpotong dan tidak dapat dibaca. "
            "Buka di Excel/LibreOffice, simpan ulang, lalu coba lagi.",
        ),
        file=path.name,
    )
