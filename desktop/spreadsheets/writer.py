"""Writing tables users open in Excel/LibreOffice: XLSX (openpyxl, streaming) and CSV.

Every spreadsheet Sigap writes goes through :func:`write_table`, which writes text as text:
a worker named ``=HYPERLINK(…)`` must never become a live formula on a clerk's machine.

- In XLSX every text value is a string cell (never a formula, never an error code such as
  ``#N/A``) in the Text number format, so editing the cell does not turn it into one.
- In CSV (which has no cell types) a text value that a spreadsheet would read as a formula
  gets a leading apostrophe, as OWASP advises against CSV injection; :func:`restore_text`
  takes it off again when Sigap reads the file back, so export → import gives the value
  back unchanged.
"""

from __future__ import annotations

import csv
import os
import re
import tempfile
from collections.abc import Collection, Iterable, Mapping, Sequence
from copy import copy
from datetime import date, datetime, time
from pathlib import Path

Value = str | int | float | bool | date | datetime | time | None

# What makes Excel, LibreOffice Calc or Google Sheets read a cell typed or imported from
# CSV as a formula: = + - @ (the OWASP list), a leading tab or line break before one, and
# the full-width forms that East Asian input methods type and Excel and LibreOffice also
# accept as formula signs.
FORMULA_LEADS = frozenset("=+-@\t\r\n\uff1d\uff0b\uff0d\uff20")
ESCAPE = "'"
# XML cannot carry most control characters, and turns a carriage return into a line feed:
# OOXML writes them as _xHHHH_ (and a literal "_xHHHH_" as "_x005F_xHHHH_"), which Excel,
# LibreOffice and calamine read back as the character.
_OOXML_ESCAPED = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)|[\x00-\x08\x0b-\x1f\ufffe\uffff]")
DATE_FORMAT = "DD-MM-YYYY"
TEXT_FORMAT = "@"


def neutralise_text(text: str) -> str:
    """Return *text* as a CSV cell no spreadsheet runs as a formula.

    A text that starts with a formula sign gets a leading apostrophe; so does a text that
    starts with an apostrophe followed by a formula sign or another apostrophe, so that
    :func:`restore_text` gives every text back exactly.
    """
    if not text:
        return text
    if text[0] in FORMULA_LEADS or (
        text[0] == ESCAPE and len(text) > 1 and (text[1] in FORMULA_LEADS or text[1] == ESCAPE)
    ):
        return ESCAPE + text
    return text


def restore_text(text: str) -> str:
    """Undo :func:`neutralise_text` (for cells of a CSV file Sigap reads)."""
    if len(text) > 1 and text[0] == ESCAPE and (text[1] in FORMULA_LEADS or text[1] == ESCAPE):
        return text[1:]
    return text


def write_table(
    path: Path,
    header: Sequence[str],
    rows: Iterable[Sequence[Value]],
    *,
    sheet: str = "Data",
    text_columns: Collection[int] = (),
    widths: Mapping[int, float] | None = None,
    wrap_columns: Collection[int] = (),
) -> int:
    """Write *rows* under *header* to an .xlsx or .csv file (by suffix); return the row count.

    The file appears only when complete (written beside it, then renamed), so a failure
    never leaves half a file behind. Text stays text (see the module's notes); numbers in
    *text_columns* (a NIK typed as a number) are written as text too, in the Text format so
    that what the user types there stays text, and Excel does not round them. *widths*
    (characters, by column index) and *wrap_columns* shape the XLSX.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    fd, temp_name = tempfile.mkstemp(prefix=".sigap-", suffix=suffix, dir=path.parent)
    os.close(fd)
    temp = Path(temp_name)
    try:
        if suffix == ".csv":
            count = _write_csv(temp, header, rows, set(text_columns))
        else:
            count = _write_xlsx(
                temp, header, rows, sheet, set(text_columns), widths or {}, set(wrap_columns)
            )
        temp.replace(path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    return count


def _ooxml_escape(match: re.Match[str]) -> str:
    return f"_x{ord(match.group()):04X}_"


def _as_text(value: int | float) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _csv_value(value: Value, as_text: bool) -> str | int | float:
    if value is None:
        return ""
    if isinstance(value, str):
        return neutralise_text(value)
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, date | time):
        return value.isoformat()
    return _as_text(value) if as_text else value


def _write_csv(
    path: Path, header: Sequence[str], rows: Iterable[Sequence[Value]], text_columns: set[int]
) -> int:
    count = 0
    # UTF-8 with BOM: Excel on Windows then reads the accents right.
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, delimiter=";")
        writer.writerow([neutralise_text(title) for title in header])
        for row in rows:
            writer.writerow([_csv_value(v, i in text_columns) for i, v in enumerate(row)])
            count += 1
    return count


def _write_xlsx(
    path: Path,
    header: Sequence[str],
    rows: Iterable[Sequence[Value]],
    sheet: str,
    text_columns: set[int],
    widths: Mapping[int, float],
    wrap_columns: set[int],
) -> int:
    # Imported here: openpyxl costs ~0.1 s, and only an export to XLSX needs it.
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ERROR_CODES
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    ws = book.create_sheet(sheet)
    ws.freeze_panes = "A2"
    for index, width in widths.items():
        ws.column_dimensions[get_column_letter(index + 1)].width = width
    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")

    # The Text number format's style, looked up once (setting number_format on each cell
    # costs a lookup per cell).
    prototype = WriteOnlyCell(ws, value=None)
    prototype.number_format = TEXT_FORMAT
    text_style = prototype._style

    def text_cell(text: str) -> WriteOnlyCell:
        cell = WriteOnlyCell(ws, value=None)
        # Set the value and its type by hand: openpyxl would make "=…" a formula and
        # "#N/A" an error code.
        if text.isspace():  # kept whole: XML readers drop a cell of bare whitespace
            cell._value = "".join(f"_x{ord(ch):04X}_" for ch in text)
        elif "_x" in text or not text.isprintable():
            cell._value = _OOXML_ESCAPED.sub(_ooxml_escape, text)
        else:
            cell._value = text
        cell.data_type = "s"
        cell._style = copy(text_style)
        return cell

    def plain_text(text: str) -> bool:
        """True for the common text openpyxl writes as a string cell unaided (no formula
        sign, no error code, nothing to escape): passed as it is, it costs no cell object
        of ours and no style lookup."""
        return (
            text != ""
            and text[0] not in FORMULA_LEADS
            and text not in ERROR_CODES
            and text.isprintable()
            and "_x" not in text
        )

    def cell_of(index: int, value: Value) -> WriteOnlyCell | Value:
        if index in wrap_columns:
            cell = text_cell(value) if isinstance(value, str) else WriteOnlyCell(ws, value=value)
            cell.alignment = wrap
            return cell
        if isinstance(value, str):
            return value if plain_text(value) and index not in text_columns else text_cell(value)
        if value is not None and index in text_columns and isinstance(value, int | float):
            return text_cell(_as_text(value))
        if isinstance(value, date):  # datetime too: the day is what users read
            cell = WriteOnlyCell(ws, value=value)
            cell.number_format = DATE_FORMAT
            return cell
        return value

    titles = []
    for title in header:
        cell = text_cell(title)
        cell.font = bold
        titles.append(cell)
    ws.append(titles)
    count = 0
    for row in rows:
        ws.append([cell_of(i, v) for i, v in enumerate(row)])
        count += 1
    book.save(path)
    return count
