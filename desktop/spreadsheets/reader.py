"""Read the first sheet of a CSV, XLSX, XLS or ODS file into rows of cells.

Files are recognised by their content, not their name: an .xlsx renamed .csv still reads, a
PDF renamed .xlsx is refused with a message that says what to do. A workbook whose sheets
reach too far (a value left in XFD1048576) is refused before calamine lays it out: those
checks are in desktop.spreadsheets.extent and its per-format modules (extent_checks,
extent_xlsx, extent_xls, extent_ods).
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.domain.findings import QT_TRANSLATE_NOOP
from desktop.spreadsheets.errors import UnreadableSheet as UnreadableSheet
from desktop.spreadsheets.errors import _broken, _fail
from desktop.spreadsheets.extent import _XLSX_CHUNK as _XLSX_CHUNK
from desktop.spreadsheets.extent import MAX_CELLS as MAX_CELLS
from desktop.spreadsheets.extent import MAX_SHEET_XML_BYTES as MAX_SHEET_XML_BYTES
from desktop.spreadsheets.extent import _Extent
from desktop.spreadsheets.extent_checks import ODS_MIMETYPE as ODS_MIMETYPE
from desktop.spreadsheets.extent_checks import _check_opened_sheets
from desktop.spreadsheets.extent_xls import OLE_MAGIC as OLE_MAGIC
from desktop.spreadsheets.extent_xlsx import _check_xlsx
from desktop.spreadsheets.extent_xlsx import _xlsx_quick_extent as _xlsx_quick_extent
from desktop.spreadsheets.writer import FORMULA_LEADS, restore_text

if TYPE_CHECKING:
    from python_calamine import CalamineSheet

# The "X as X" imports above are re-exports, for code and tests that import those names
# from here as before the extent checks moved out. MAX_CELLS is read where it is defined,
# in desktop.spreadsheets.extent: a different limit is set there; setting it here does nothing.

Cell = str | int | float | bool | date | datetime | time | timedelta | None

MAX_FILE_BYTES = 200 * 1024 * 1024
ZIP_MAGIC = b"PK\x03\x04"
CSV_DELIMITERS = ",;\t|"
SNIFF_CHARS = 1 << 16  # the delimiter is guessed from the first lines, within these


@dataclass(frozen=True)
class Sheet:
    """The rows of one sheet; ``rows[i]`` is spreadsheet row ``i + 1``."""

    path: Path
    kind: str  # "csv", "xlsx", "xls" or "ods"
    rows: Sequence[Sequence[Cell]]
    encoding: str | None = None
    delimiter: str | None = None


def read_sheet(path: Path) -> Sheet:
    """Read the first sheet of *path*; raise :class:`UnreadableSheet` when it cannot be used."""
    path = Path(path)
    name = path.name
    if not path.exists():
        raise _fail(
            "sheet.missing",
            QT_TRANSLATE_NOOP(
                "Finding", "Berkas {file} tidak ditemukan. Periksa nama dan foldernya."
            ),
            file=name,
        )
    if path.is_dir():
        raise _fail(
            "sheet.directory",
            QT_TRANSLATE_NOOP(
                "Finding", "{file} adalah folder, bukan berkas. Pilih berkas CSV atau XLSX."
            ),
            file=name,
        )
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise _fail(
            "sheet.unreadable",
            QT_TRANSLATE_NOOP("Finding", "Berkas {file} tidak dapat dibaca ({reason})."),
            file=name,
            reason=exc.strerror or type(exc).__name__,
        ) from exc
    if size == 0:
        raise _fail(
            "sheet.empty",
            QT_TRANSLATE_NOOP("Finding", "Berkas {file} kosong. Pilih berkas yang berisi data."),
            file=name,
        )
    if size > MAX_FILE_BYTES:
        raise _fail(
            "sheet.too_big",
            QT_TRANSLATE_NOOP(
                "Finding",
                "Berkas {file} terlalu besar ({size} MB; paling besar {limit} MB). "
                "Pecah menjadi beberapa berkas.",
            ),
            file=name,
            size=size // (1024 * 1024),
            limit=MAX_FILE_BYTES // (1024 * 1024),
        )
    if head.startswith(ZIP_MAGIC) or head.startswith(OLE_MAGIC):
        return _read_workbook(path, "xls" if head.startswith(OLE_MAGIC) else _zip_kind(path))
    return _read_csv(path)


def _zip_kind(path: Path) -> str:
    """ "ods" or "xlsx" from what the zip holds, whatever the file's name says."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                with archive.open("mimetype") as member:
                    if member.read(len(ODS_MIMETYPE) + 8).strip() == ODS_MIMETYPE:
                        return "ods"
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError):
        pass  # a broken zip: calamine says what is wrong with it
    return "xlsx"


def _not_a_sheet(path: Path) -> UnreadableSheet:
    return _fail(
        "sheet.format",
        QT_TRANSLATE_NOOP(
            "Finding",
            "Berkas {file} bukan lembar kerja yang dikenali. Simpan sebagai CSV, XLSX, XLS "
            "atau ODS lalu coba lagi.",
        ),
        file=path.name,
    )


def _read_workbook(path: Path, kind: str) -> Sheet:
    from python_calamine import CalamineWorkbook

    try:
        # Before calamine sees the file: an XLS or ODS is laid out whole when it is opened.
        _check_opened_sheets(path, kind)
        # From the content: calamine's from_path trusts the suffix, and an ODS or XLS
        # renamed .xlsx (or the other way round) is common in files sent around.
        with path.open("rb") as fh:
            workbook = CalamineWorkbook.from_filelike(fh)
        if not workbook.sheet_names:
            raise _fail(
                "sheet.no_sheets",
                QT_TRANSLATE_NOOP("Finding", "Berkas {file} tidak berisi lembar kerja."),
                file=path.name,
            )
        if kind != "xls":
            _check_xlsx(path, workbook.sheet_names[0])  # an XLSX sheet is laid out when asked
        rows = _sheet_rows(workbook.get_sheet_by_index(0), path)
    except UnreadableSheet:
        raise
    except Exception as exc:  # calamine raises its own error types for broken files
        raise _broken(path) from exc
    return Sheet(path=path, kind=kind, rows=rows)


# The sheets calamine lays out are checked before it does (desktop.spreadsheets.extent);
# its own size for the first sheet is checked again here, before its rows are read.


def _sheet_rows(sheet: CalamineSheet, path: Path) -> Sequence[Sequence[Cell]]:
    """The rows of *sheet* from A1, as ``to_python(skip_empty_area=False)`` gives them, read
    one by one once calamine's own size for the sheet is checked: the block is not copied
    again to start at A1."""
    end = sheet.end
    if end is None:
        return []
    _Extent(sheet.name, last_row=end[0], last_column=end[1]).check(path)
    rows = list(sheet.iter_rows())
    first_column = sheet.start[1] if sheet.start else 0
    if first_column:  # calamine starts each row at the first column holding a value
        padding = [""] * first_column
        return [[*padding, *row] for row in rows]
    return rows


def _decode(data: bytes, path: Path) -> tuple[str, str]:
    if b"\x00" in data[:4096]:
        if data.startswith((b"\xff\xfe", b"\xfe\xff")):
            try:
                return data.decode("utf-16"), "utf-16"
            except UnicodeDecodeError as exc:
                before = data[: exc.start].decode("utf-16", errors="replace")
                raise _bad_encoding(path, before.count("\n") + 1) from None
        raise _not_a_sheet(path)
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Not UTF-8 throughout: Windows-1252 (Excel's "CSV" on Windows), or a file pasted
    # together from both. Each line is read in the encoding it is in, so the UTF-8 names of
    # one part are not garbled by the Windows-1252 names of the other.
    lines = data.split(b"\n")
    if lines and lines[0].startswith(b"\xef\xbb\xbf"):
        lines[0] = lines[0][3:]
    texts: list[str] = []
    encodings: set[str] = set()
    for number, line in enumerate(lines, 1):
        try:
            texts.append(line.decode("utf-8"))
            if not line.isascii():
                encodings.add("utf-8")
        except UnicodeDecodeError:
            try:
                texts.append(line.decode("cp1252"))
            except UnicodeDecodeError:
                raise _bad_encoding(path, number) from None
            encodings.add("cp1252")
    return "\n".join(texts), "+".join(sorted(encodings, reverse=True)) or "cp1252"


def _bad_encoding(path: Path, line: int) -> UnreadableSheet:
    return _fail(
        "sheet.encoding",
        QT_TRANSLATE_NOOP(
            "Finding",
            "Huruf pada baris {line} berkas {file} tidak dapat dibaca (bukan UTF-8 atau "
            "Windows-1252). Simpan ulang sebagai CSV UTF-8, lalu coba lagi.",
        ),
        file=path.name,
        line=line,
    )


# A cell Sigap wrote with a protective apostrophe (see writer.neutralise_text): checked over
# the whole text first, so files without one cost a single scan.
_ESCAPED_CELL = re.compile("'[" + re.escape("".join(sorted(FORMULA_LEADS))) + "']")


def _read_csv(path: Path) -> Sheet:
    data = path.read_bytes()
    text, encoding = _decode(data, path)
    if not text.strip():
        raise _fail(
            "sheet.empty",
            QT_TRANSLATE_NOOP("Finding", "Berkas {file} kosong. Pilih berkas yang berisi data."),
            file=path.name,
        )
    printable = sum(ch.isprintable() or ch in "\r\n\t" for ch in text[:4096])
    if printable < 0.95 * min(len(text), 4096):
        raise _not_a_sheet(path)
    delimiter = _sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[list[str]] = []
    try:
        rows.extend(reader)
    except csv.Error as exc:
        # The only error of a non-strict reader with newline="" is a cell over the field
        # limit, mostly a quote never closed that swallows the rest of the file.
        raise _fail(
            "sheet.cell_too_long",
            QT_TRANSLATE_NOOP(
                "Finding",
                "Berkas CSV {file} memuat sel yang terlalu panjang (lebih dari {limit} huruf) "
                'mulai baris {row}, biasanya karena tanda kutip (") yang tidak ditutup. '
                "Perbaiki sel itu di Excel/LibreOffice, simpan ulang, lalu coba lagi.",
            ),
            file=path.name,
            limit=f"{csv.field_size_limit():,}".replace(",", "."),
            row=len(rows) + 1,
        ) from exc
    if rows and _ends_in_open_quote(text, rows, delimiter):
        raise _fail(
            "sheet.unclosed_quote",
            QT_TRANSLATE_NOOP(
                "Finding",
                'Berkas CSV {file}: tanda kutip (") di baris {row} tidak ditutup, sehingga '
                "semua baris sesudahnya terbaca sebagai satu sel. Perbaiki baris itu, simpan "
                "ulang, lalu coba lagi.",
            ),
            file=path.name,
            row=len(rows),
        )
    if _ESCAPED_CELL.search(text):
        rows = [[restore_text(cell) for cell in row] for row in rows]
    return Sheet(path=path, kind="csv", rows=rows, encoding=encoding, delimiter=delimiter)


def _ends_in_open_quote(text: str, rows: list[list[str]], delimiter: str) -> bool:
    """True when the file ends inside a quoted cell: a quote never closed took in every line
    after it, which a non-strict reader accepts without a word."""
    if not any("\n" in cell or "\r" in cell for cell in rows[-1]):
        return False  # the usual file: no second read
    # A quote added at the end closes such a cell and changes nothing else; after a file
    # that ends well, it opens a new row or adds a quote to the last cell.
    closed = csv.reader(io.StringIO(text + '"', newline=""), delimiter=delimiter)
    return list(closed) == rows


def _sniff_delimiter(text: str) -> str:
    head = text[:SNIFF_CHARS]
    lines = head.splitlines()
    if len(head) < len(text):
        lines = lines[:-1] or lines  # the last one may be cut short
    lines = [line for line in lines[:50] if line.strip()]
    best, best_score = ",", -1
    for delimiter in CSV_DELIMITERS:
        # Lines without it (a title, a ragged row cut short) do not vote.
        counts = [n for n in (line.count(delimiter) for line in lines) if n]
        if not counts:
            continue
        # The delimiter that splits most lines into the same, largest number of fields.
        common = max(set(counts), key=counts.count)
        score = counts.count(common) * 10 + common
        if score > best_score:
            best, best_score = delimiter, score
    return best


def cell_text(value: Cell) -> str:
    """Return a cell as trimmed text (numbers without a trailing .0)."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value).strip()


def find_header(
    rows: Sequence[Sequence[Cell]], required: Sequence[str], *, scan: int = 30
) -> tuple[int, dict[str, int]] | None:
    """Find the first row (within *scan* rows) that names every *required* column.

    Header names are matched case-insensitively after trimming; returns the row index and
    a map from each lower-cased header to its column index.
    """
    wanted = {name.lower() for name in required}
    for index, row in enumerate(rows[:scan]):
        names: dict[str, int] = {}
        for col, value in enumerate(row):
            key = " ".join(cell_text(value).lower().split())
            if key and key not in names:
                names[key] = col
        if wanted <= names.keys():
            return index, names
    return None
