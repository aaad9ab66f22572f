"""What the extent checks share: the limits, the extent of a sheet, the messages that refuse
one, and the unpacking of a sheet's XML in chunks.

calamine lays a sheet out as one block of cells (32 bytes each) from its first to its last
cell holding a value, before Python sees a row, and python-calamine widens the block to
start at A1. One value in XFD1048576 asks for 512 GB; the allocation fails inside Rust,
which aborts the process: there is no exception to catch. So the extent of every sheet
calamine will lay out is read from the file first, by calamine's own rules for where a
cell lands, and a sheet spanning more than MAX_CELLS (last row × last column, from A1) is
refused with a message that says where it ends. What a file declares (an XLSX
<dimension>, an XLS DIMENSIONS record) is not trusted: a file can declare A1:B2 and hold
a value in XFD1048576. Which sheets calamine lays out, and when:

- XLSX: the first sheet only, when it is asked for. Its XML is unpacked in chunks, never
  whole; a usual sheet (each cell with an r="B7" reference, in the row its <row r="7">
  names) is read with a few byte counts per chunk (extent_xlsx._xlsx_quick_extent), any
  other with an XML parser (extent_xlsx._xlsx_exact_extent).
- XLS: every sheet, when the file is opened: the compound file is followed as calamine
  follows it and each sheet's records are read (extent_xls._check_xls).
- ODS: every table of content.xml, when the file is opened, repeated rows and columns
  written out as calamine writes them out (extent_ods._check_ods_content).

extent_checks says which of these runs for a file when it is opened; the reader checks
the first sheet of an XLSX (extent_xlsx._check_xlsx) when it asks for it. calamine's own
size for the first sheet is checked again before its rows are handed to Python, and they
are read one by one (iter_rows): the block is not copied again to start at A1.
"""

from __future__ import annotations

import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from desktop.domain.findings import QT_TRANSLATE_NOOP
from desktop.spreadsheets.errors import UnreadableSheet, _fail

MAX_CELLS = 10_000_000
"""Most cells a sheet may span, counted from A1 (last row × last column): 120,000 rows of 83
columns, or 1,000,000 rows of 10. calamine's block alone is 320 MB at the limit."""
# The format modules read it as extent.MAX_CELLS (imported as limits), when they check, so
# that setting it here (as the tests do) sets it for every check.

MAX_SHEET_XML_BYTES = 2 << 30  # one XLSX sheet or ODS content.xml, unpacked
_U32 = 0xFFFF_FFFF
_XLSX_CHUNK = 1 << 20


@dataclass
class _Extent:
    """The cells of one sheet that calamine keeps: how many, and the last row and column
    holding one (0-based; -1 while there is none)."""

    sheet: str
    cells: int = 0
    last_row: int = -1
    last_column: int = -1

    def add(self, row: int, column: int, count: int = 1) -> None:
        self.cells += count
        self.last_row = max(self.last_row, row)
        self.last_column = max(self.last_column, column)

    def check(self, path: Path) -> None:
        """Raise when the sheet is too large to lay out."""
        if (self.last_row + 1) * (self.last_column + 1) > MAX_CELLS:
            raise _too_large(path, self.sheet, self.last_row + 1, self.last_column + 1)
        if self.cells > MAX_CELLS:
            raise _too_many_cells(path, self.sheet)


def _dotted(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def _column_name(number: int) -> str:
    """The spreadsheet name of 1-based column *number*: 1 → "A", 16384 → "XFD"."""
    name = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        name = chr(65 + rest) + name
    return name


def _too_large(path: Path, sheet: str, rows: int, columns: int) -> UnreadableSheet:
    return _fail(
        "sheet.too_large",
        QT_TRANSLATE_NOOP(
            "Finding",
            'Lembar kerja "{sheet}" di berkas {file} terbentang sampai kolom {column}, baris '
            "{row} ({cells} sel; paling banyak {limit} sel). Biasanya ada isi yang tertinggal "
            "jauh di luar tabel. Hapus isi di luar tabel (atau salin tabelnya saja ke lembar "
            "kerja baru), simpan ulang, lalu coba lagi.",
        ),
        sheet=sheet,
        file=path.name,
        column=_column_name(columns) if columns <= 1 << 20 else _dotted(columns),
        row=_dotted(rows),
        cells=_dotted(rows * columns),
        limit=_dotted(MAX_CELLS),
    )


def _too_many_cells(path: Path, sheet: str) -> UnreadableSheet:
    return _fail(
        "sheet.too_many_cells",
        QT_TRANSLATE_NOOP(
            "Finding",
            'Lembar kerja "{sheet}" di berkas {file} memuat terlalu banyak sel (lebih dari '
            "{limit}). Pecah menjadi beberapa berkas yang lebih kecil, lalu coba lagi.",
        ),
        sheet=sheet,
        file=path.name,
        limit=_dotted(MAX_CELLS),
    )


# Python cannot read the zip, or one of its entries (bad checksum, unknown compression ...).
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    NotImplementedError,
    RuntimeError,
    OSError,
    EOFError,
    zlib.error,
    ValueError,
)


def _xlsx_chunks(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """The unpacked XML of *info* in chunks; refused beyond MAX_SHEET_XML_BYTES."""
    if info.file_size > MAX_SHEET_XML_BYTES:
        raise _TooBig
    total = 0
    with archive.open(info) as member:
        while chunk := member.read(_XLSX_CHUNK):
            total += len(chunk)
            if total > MAX_SHEET_XML_BYTES:
                raise _TooBig
            yield chunk


class _TooBig(Exception):
    """A sheet's XML unpacks to more than MAX_SHEET_XML_BYTES."""
