"""The extent of every table of an ODS, read from content.xml before calamine opens the file.

calamine lays out every table of an ODS, repeated rows and columns written out, each as one
dense block, when it opens the file, before Sigap sees a row: a value left far out, or a
row repeated a million times, would ask for gigabytes and abort the process (see
desktop.spreadsheets.extent). So content.xml is read here first, in chunks: row by row with
a few byte counts (the quick check), or with an XML parser when it holds comments or CDATA
sections (the exact check).
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from itertools import repeat
from operator import add
from pathlib import Path

from desktop.spreadsheets import extent as limits
from desktop.spreadsheets.errors import UnreadableSheet, _broken
from desktop.spreadsheets.extent import _too_large, _too_many_cells, _TooBig, _xlsx_chunks

_ODS_MAX_ROWS = 1_048_576  # calamine's caps on repeated rows and columns
_ODS_MAX_COLUMNS = 16_384
_ODS_VALUES = (
    "office:value",
    "office:value-type",
    "office:date-value",
    "office:time-value",
    "office:boolean-value",
    "office:string-value",
    "table:formula",
)


@dataclass
class _OdsTable:
    """What calamine builds for one <table:table>: the cells it stores while reading (row by
    row, repeated columns written out) and the block, repeated rows written out, from the
    first row and column holding a value to the last."""

    name: str
    rows: int = 0  # rows so far, repeats counted (calamine stops counting at 1,048,576)
    stored: int = 0
    span_rows: int = 0  # rows from the first row holding a value to the last
    pending_rows: int = 0  # rows since the last row holding a value
    first_column: int = _ODS_MAX_COLUMNS
    last_column: int = -1

    def add_row(self, repeats: int, first: int, last: int) -> None:
        """A row written *repeats* times, holding values from column *first* to *last*
        (0-based; first -1 for a row without a value)."""
        repeats = min(repeats, max(_ODS_MAX_ROWS - self.rows, 0))
        self.rows += repeats
        if first < 0:
            self.pending_rows += repeats
            return
        self.stored += last + 1  # the empty cells before a value are stored too
        self.span_rows += (self.pending_rows if self.span_rows else 0) + repeats
        self.pending_rows = 0
        self.first_column = min(self.first_column, first)
        self.last_column = max(self.last_column, last)

    def add_plain_rows(self, widths: list[int]) -> None:
        """Rows without repeats, each holding values (so counted) in its first *width*
        columns."""
        if not any(widths):
            self.rows = min(self.rows + len(widths), _ODS_MAX_ROWS)
            self.pending_rows += len(widths)
            return
        first = next(index for index, width in enumerate(widths) if width)
        last = len(widths) - next(index for index, width in enumerate(reversed(widths)) if width)
        self.add_row(first, -1, -1)
        room = max(_ODS_MAX_ROWS - self.rows, 0)
        span = min(last - first, room)
        self.rows += span
        self.stored += sum(widths[first:last][:span])
        self.span_rows += (self.pending_rows if self.span_rows else 0) + span
        self.pending_rows = 0
        self.first_column = 0
        self.last_column = max(self.last_column, min(max(widths), _ODS_MAX_COLUMNS) - 1)
        self.add_row(len(widths) - last, -1, -1)

    def check(self, path: Path) -> None:
        width = self.last_column + 1 - self.first_column
        if self.span_rows * width > limits.MAX_CELLS:
            last_row = self.rows - self.pending_rows
            raise _too_large(path, self.name, last_row, self.last_column + 1)
        if self.stored > limits.MAX_CELLS:
            raise _too_many_cells(path, self.name)


def _check_ods_content(archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path) -> None:
    """Refuse the ODS when one of its tables is too large to lay out: calamine lays out
    every table of content.xml when it opens the file."""
    try:
        if not _ods_quick_check(archive, info, path):
            _ods_exact_check(archive, info, path)
    except _TooBig as exc:
        raise _too_many_cells(path, "content.xml") from exc


# The quick check reads content.xml row by row: a row without repeated rows or columns (and
# without comments) spans as many columns as it has cells, counted at once; the others are
# read tag by tag. A row with cells counts as holding values: a little more than calamine
# keeps, never less.
_ODS_TABLE_START = re.compile(rb"<table:table(?=[\s/>])")
_ODS_TABLE_NAME = re.compile(rb"""^[^>]*?\stable:name\s*=\s*["']([^"']*)""")
_ODS_ROW_START = re.compile(rb"<table:table-row(?=[\s/>])")
_ODS_CELL = re.compile(
    rb"<table:(?:table-cell|covered-table-cell)(?=[\s/>])"
    rb"""((?:[^>"']|"[^"]*"|'[^']*')*)>"""
)
_ODS_ROWS_REPEATED = re.compile(rb"""^[^>]*?\stable:number-rows-repeated\s*=\s*["']([^"']*)""")
_ODS_COLUMNS_REPEATED = re.compile(rb"""\stable:number-columns-repeated\s*=\s*["']([^"']*)""")
_ODS_VALUE = re.compile(
    rb"\s(?:office:(?:value|value-type|date-value|time-value|boolean-value|string-value)"
    rb"|table:formula)\s*="
)


def _ods_row(piece: bytes) -> tuple[int, int, int]:
    """(repeats, first, last column holding a value) of the row whose tag and cells are
    *piece*, by calamine's rules (a cell holds a value when it has a value attribute or
    anything inside it); ValueError for a repeat that is not a number."""
    found = _ODS_ROWS_REPEATED.match(piece)
    repeats = _repeat(found.group(1)) if found else 1
    column, first, last = 0, -1, -1
    for cell in _ODS_CELL.finditer(piece):
        attributes = cell.group(1)
        found = _ODS_COLUMNS_REPEATED.search(attributes)
        count = min(_repeat(found.group(1)) if found else 1, _ODS_MAX_COLUMNS - column)
        if count > 0 and (not attributes.endswith(b"/") or _ODS_VALUE.search(attributes)):
            first = column if first < 0 else first
            last = column + count - 1
        column += max(count, 0)
    return repeats, first, last


def _repeat(text: bytes) -> int:
    number = int(text)
    if number < 0:
        raise ValueError(text)
    return number


def _ods_quick_check(archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path) -> bool:
    """Check the tables of content.xml from row counts; False when a comment or CDATA
    section (which calamine does not read) asks for the exact check."""
    tables: list[_OdsTable] = []
    carry = b""
    try:
        for chunk in _xlsx_chunks(archive, info):
            data = carry + chunk
            cut = data.rfind(b"<table:table-row")  # rows are counted whole
            if cut <= 0 and len(data) > 64 << 20:
                return False  # one row of more than 64 MB
            head, carry = data[: max(cut, 0)], data[max(cut, 0) :]
            if b"\0" in head or b"!" in head and b"<!" in head:  # UTF-16, comments
                return False
            _ods_count_rows(head, tables, path)
        if b"<!" in carry or b"\0" in carry:
            return False
        _ods_count_rows(carry, tables, path)
        for table in tables:
            table.check(path)
    except UnreadableSheet:
        raise
    except ValueError as exc:  # a repeat that is no number: calamine stops there too
        raise _broken(path) from exc
    return True


def _ods_count_rows(head: bytes, tables: list[_OdsTable], path: Path) -> None:
    """Add the whole rows of *head* to their tables (a new one at each <table:table>)."""
    starts = b"<table:table " in head or b"<table:table>" in head or b"<table:table\n" in head
    for index, segment in enumerate(_ODS_TABLE_START.split(head) if starts else [head]):
        if index:
            if tables:
                tables[-1].check(path)  # a table ends where the next starts
            name = _ODS_TABLE_NAME.match(segment)
            tables.append(_OdsTable(name.group(1).decode("utf-8", "replace") if name else "?"))
        if not tables:
            continue  # before the first table: calamine reads no rows there
        table = tables[-1]
        if b"<table:table-row-" in segment or b"<table:table-rows" in segment:  # -group ...
            rows = _ODS_ROW_START.split(segment)[1:]
        else:
            rows = segment.split(b"<table:table-row")[1:]
        if b"-repeated" in segment:
            for row in rows:
                table.add_row(*_ods_row(row))
        else:  # every cell one column, every row one row: counted at once
            widths = list(map(bytes.count, rows, repeat(b"<table:table-cell")))
            if b"<table:covered-table-cell" in segment:
                covered = map(bytes.count, rows, repeat(b"<table:covered-table-cell"))
                widths = list(map(add, widths, covered))
            table.add_plain_rows(widths)


def _ods_exact_check(archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path) -> None:
    """The check by an XML parser, for content.xml with comments or CDATA sections."""
    from xml.parsers import expat

    tables: list[_OdsTable] = []
    row: list[int] = []  # [repeats, first and last column holding a value, column]
    cell: list[int] = []  # [repeats, holds a value]

    def start(name: str, attributes: dict[str, str]) -> None:
        if cell:
            cell[1] = 1  # an element inside the cell: text, an annotation
        if name == "table:table":
            if tables:
                tables[-1].check(path)  # a table ends where the next starts
            tables.append(_OdsTable(attributes.get("table:name", "?")))
        elif name == "table:table-row" and tables:
            repeats = _repeat(attributes.get("table:number-rows-repeated", "1").encode())
            row[:] = [repeats, -1, -1, 0]
        elif name in ("table:table-cell", "table:covered-table-cell") and row:
            repeats = _repeat(attributes.get("table:number-columns-repeated", "1").encode())
            cell[:] = [repeats, int(any(key in attributes for key in _ODS_VALUES))]

    def end(name: str) -> None:
        if name in ("table:table-cell", "table:covered-table-cell") and cell and row:
            count = min(cell[0], max(_ODS_MAX_COLUMNS - row[3], 0))
            if cell[1] and count:
                row[1] = row[3] if row[1] < 0 else row[1]
                row[2] = row[3] + count - 1
            row[3] += count
            cell.clear()
        elif name == "table:table-row" and row and tables:
            tables[-1].add_row(row[0], row[1], row[2])
            row.clear()

    parser = expat.ParserCreate()
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    try:
        for chunk in _xlsx_chunks(archive, info):
            parser.Parse(chunk, False)
        parser.Parse(b"", True)
    except UnreadableSheet:
        raise
    except (expat.ExpatError, ValueError) as exc:  # not XML, or a repeat that is no number
        raise _broken(path) from exc
    for table in tables:
        table.check(path)
