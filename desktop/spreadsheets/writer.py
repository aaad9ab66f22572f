"""Writing tables users open in Excel/LibreOffice: XLSX (openpyxl, streaming) and CSV."""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

Value = str | int | date | None


def write_table(
    path: Path, header: Sequence[str], rows: Iterable[Sequence[Value]], *, sheet: str = "Data"
) -> int:
    """Write *rows* under *header* to an .xlsx or .csv file (by suffix); return the row count.

    The file appears only when complete (written beside it, then renamed), so a failure
    never leaves half a file behind. Long digit strings (NIK, KPJ) stay text, so Excel does
    not turn them into scientific notation.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    fd, temp_name = tempfile.mkstemp(prefix=".sigap-", suffix=suffix, dir=path.parent)
    os.close(fd)
    temp = Path(temp_name)
    try:
        if suffix == ".csv":
            count = _write_csv(temp, header, rows)
        else:
            count = _write_xlsx(temp, header, rows, sheet)
        temp.replace(path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return count


def _write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[Value]]) -> int:
    count = 0
    # UTF-8 with BOM: Excel on Windows then reads the accents right.
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, delimiter=";")
        writer.writerow(header)
        for row in rows:
            writer.writerow(
                ["" if v is None else v.isoformat() if isinstance(v, date) else v for v in row]
            )
            count += 1
    return count


def _write_xlsx(
    path: Path, header: Sequence[str], rows: Iterable[Sequence[Value]], sheet: str
) -> int:
    # Imported here: openpyxl costs ~0.1 s, and only an export to XLSX needs it.
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    ws = book.create_sheet(sheet)
    ws.freeze_panes = "A2"
    bold = Font(bold=True)
    cells = []
    for title in header:
        cell = WriteOnlyCell(ws, value=title)
        cell.font = bold
        cells.append(cell)
    ws.append(cells)
    count = 0
    for row in rows:
        out = []
        for value in row:
            if isinstance(value, date):
                cell = WriteOnlyCell(ws, value=value)
                cell.number_format = "DD-MM-YYYY"
                out.append(cell)
            else:
                out.append(value)
        ws.append(out)
        count += 1
    book.save(path)
    return count
