"""The verdicts of a roster sheet's data rows: which rows are data, one verdict per row (a NIK
seen on an earlier row rejected), and their counts."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from desktop.domain.findings import QT_TRANSLATE_NOOP, Finding, Severity
from desktop.domain.identifiers import normalize_number
from desktop.spreadsheets.reader import Cell
from desktop.spreadsheets.roster_cells import read_nik_cell

if TYPE_CHECKING:
    from desktop.spreadsheets.roster_rows import RowReader

Verdict = Literal["ok", "warning", "error"]
# An unmapped field reads from a column no row reaches.
_UNMAPPED = sys.maxsize


def _err(code: str, template: str, /, **params: object) -> Finding:
    return Finding.error(code, template, **params)


@dataclass(frozen=True)
class RowVerdict:
    """One data row: its spreadsheet row number, original cells, values and findings."""

    row: int  # as the spreadsheet shows it (1-based)
    cells: tuple[Cell, ...]
    values: Mapping[str, Any]
    findings: tuple[Finding, ...] = ()

    @property
    def verdict(self) -> Verdict:
        """The verdict: error (not imported), warning (imported, look at it) or ok."""
        if not self.findings:
            return "ok"
        if any(f.severity is Severity.ERROR for f in self.findings):
            return "error"
        return "warning"

    @property
    def ok(self) -> bool:
        """True when the row can be imported (it may carry warnings)."""
        return not self.findings or self.verdict != "error"

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The findings that reject the row."""
        return tuple(f for f in self.findings if f.is_error)

    def reasons(self) -> str:
        """The findings as one Indonesian text, errors first."""
        ordered = sorted(self.findings, key=lambda f: not f.is_error)
        return " ".join(f.message for f in ordered)


def _duplicate(first: int) -> Finding:
    return _err(
        "import.nik_duplicate",
        QT_TRANSLATE_NOOP(
            "Finding",
            "NIK ini sudah ada di baris {first} berkas ini. Hapus salah satu baris, atau "
            "gabungkan isinya.",
        ),
        first=first,
    )


@dataclass
class RowCounts:
    """How many data rows got each verdict, and how many lines were skipped."""

    ok: int = 0
    warning: int = 0
    error: int = 0
    skipped: int = 0
    by_code: dict[str, int] = field(default_factory=dict)


def data_rows(rows: Sequence[Sequence[Cell]], header_index: int, reader: RowReader) -> list[int]:
    """The indexes of the data rows under the header (0-based *header_index*): every row but
    blank lines and a totals line."""
    nik = reader.mapping.columns.get("nik", _UNMAPPED)
    indexes = []
    for index in range(header_index + 1, len(rows)):
        cells = rows[index]
        if nik < len(cells):
            value = cells[nik]
            if type(value) is str and value.isdigit():  # a NIK of digits: neither
                indexes.append(index)
                continue
        if not reader.is_blank(cells) and not reader.is_totals(cells):
            indexes.append(index)
    return indexes


ROUNDED_NIKS_MIN = 20  # a tenth of real NIKs end in 0: twenty in a row is no chance


def niks_look_rounded(rows: Sequence[Sequence[Cell]], indexes: Iterable[int], column: int) -> int:
    """How many NIKs Excel rounded, when every NIK written as text in *column* ends in 0.

    A sheet whose NIK column was a number column loses the 16th digit (Excel keeps 15) and,
    saved as CSV, writes it as 0 in plain digits that look like a NIK. One such NIK cannot
    be told from a real one; :data:`ROUNDED_NIKS_MIN` or more, all ending in 0, can. Returns
    their count, or 0 when the column does not look rounded.
    """
    found = 0
    for index in indexes:
        cells = rows[index]
        value = cells[column] if column < len(cells) else None
        if type(value) is not str:
            continue  # numbers are judged one by one (see read_nik_cell)
        digits = "".join(ch for ch in value if ch.isdigit())
        if len(digits) != 16:
            continue
        if digits[-1] != "0":
            return 0
        found += 1
    return found if found >= ROUNDED_NIKS_MIN else 0


def iter_verdicts(
    rows: Sequence[Sequence[Cell]], indexes: Iterable[int], reader: RowReader
) -> Iterator[RowVerdict]:
    """The verdicts of the data rows at *indexes* (see :func:`data_rows`), one at a time.

    A NIK seen on an earlier row makes the later row an error that names the first.
    """
    first_row: dict[str, int] = {}
    for index in indexes:
        verdict = reader.read(index + 1, rows[index])
        nik = verdict.values["nik"]
        if nik:
            first = first_row.get(nik)
            if first is None:
                first_row[nik] = verdict.row
            else:
                verdict = RowVerdict(
                    verdict.row,
                    verdict.cells,
                    verdict.values,
                    (_duplicate(first), *verdict.findings),
                )
        yield verdict


def read_rows(
    rows: Sequence[Sequence[Cell]], header_index: int, reader: RowReader
) -> list[RowVerdict]:
    """The verdicts of every data row under the header (0-based *header_index*).

    Blank lines and a totals line are skipped silently; a NIK seen on an earlier row makes
    the later row an error that names the first.
    """
    return list(iter_verdicts(rows, data_rows(rows, header_index, reader), reader))


def nik_of_row(cells: Sequence[Cell], reader: RowReader) -> str:
    """The NIK a row gives when its NIK cell is valid (without checking that it is)."""
    index = reader.mapping.columns.get("nik")
    value = cells[index] if index is not None and index < len(cells) else None
    if type(value) is str and len(value) == 16 and value.isdigit() and value.isascii():
        return value
    return normalize_number(read_nik_cell(None if value == "" else value)[0])


def count(verdicts: Iterable[RowVerdict]) -> RowCounts:
    """Count verdicts, and findings by code."""
    counts = RowCounts()
    for verdict in verdicts:
        kind = verdict.verdict
        setattr(counts, kind, getattr(counts, kind) + 1)
        for finding in verdict.findings:
            counts.by_code[finding.code] = counts.by_code.get(finding.code, 0) + 1
    return counts
