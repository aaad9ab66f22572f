"""The error report of an import: the rejected rows as they were, with their row and reasons.

The report keeps the file's own header in row 1 and each rejected row's original cells, so
the user can fix the cells and import the report itself; the two extra columns at the right
("Baris asal", "Alasan") are not roster fields and are ignored by the import.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import timedelta
from pathlib import Path

from desktop.domain.findings import QT_TRANSLATE_NOOP
from desktop.spreadsheets.columns import REPORT_COLUMNS, guess_field
from desktop.spreadsheets.reader import Cell
from desktop.spreadsheets.roster_rows import RowVerdict
from desktop.spreadsheets.writer import Value, write_table

ROW_HEADER = QT_TRANSLATE_NOOP("ImportReport", "Baris asal")
REASON_HEADER = QT_TRANSLATE_NOOP("ImportReport", "Alasan")
SHEET_TITLE = QT_TRANSLATE_NOOP("ImportReport", "Baris ditolak")
# Columns whose cells must stay text, or Excel rounds the numbers the user types.
_TEXT_FIELDS = frozenset(
    {"nik", "kk", "kpj", "phone", "village", "district", "village_code", "district_code"}
)


def _plain(value: Cell) -> Value:
    if isinstance(value, timedelta):
        return str(value)
    if isinstance(value, float) and value.is_integer() and abs(value) >= 1e11:
        return str(int(value))  # a long number cell: keep its digits visible as text
    return value


def _used(cells: Sequence[Cell]) -> int:
    """The number of cells up to the last one that holds something."""
    width = len(cells)
    while width and cells[width - 1] in (None, ""):
        width -= 1
    return width


def _without_report_columns(header: Sequence[Cell]) -> list[Cell]:
    """The file's own header: a report of a report does not repeat the report's columns
    (its rows' old reasons, in those columns, are not read by the import)."""
    names = list(header)
    while names and (names[-1] is None or str(names[-1]).strip() == ""):
        names.pop()
    while [str(c) for c in names[-2:]] == list(REPORT_COLUMNS):
        del names[-2:]
    return names


def write_error_report(
    path: Path,
    header: Sequence[Cell],
    rejected: Sequence[RowVerdict],
    *,
    reasons: Callable[[RowVerdict], str] = RowVerdict.reasons,
) -> Path:
    """Write the rejected rows to an XLSX at *path* (through the one spreadsheet writer, so
    a cell that looks like a formula stays text); return the path. *reasons* gives a row's
    reasons (a window passes its own, in the user's language)."""
    own = _without_report_columns(header)
    if len(own) < _used(header):  # a report of a report: its old row numbers and reasons go
        width = _used(own)
    else:
        width = max([_used(own), *(_used(r.cells) for r in rejected)])
    names = [("" if h is None else str(h)) for h in list(own)[:width]]
    names += [""] * (width - len(names))
    text_columns = {i for i, h in enumerate(names) if guess_field(h) in _TEXT_FIELDS}

    def rows() -> Iterator[list[Value]]:
        for verdict in rejected:
            cells = [_plain(c) for c in list(verdict.cells)[:width]]
            cells += [None] * (width - len(cells))
            yield [*(None if c == "" else c for c in cells), verdict.row, reasons(verdict)]

    path = Path(path)
    write_table(
        path,
        [*names, ROW_HEADER, REASON_HEADER],
        rows(),
        sheet=SHEET_TITLE,
        text_columns=text_columns,
        widths={**dict.fromkeys(range(width), 20), width: 10, width + 1: 80},
        wrap_columns={width + 1},
    )
    return path
