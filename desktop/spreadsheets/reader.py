"""Read the first sheet of a CSV, XLSX, XLS or ODS file into rows of cells.

Files are recognised by their content, not their name: an .xlsx renamed .csv still reads, a
PDF renamed .xlsx is refused with a message that says what to do. A workbook whose sheets
reach too far (a value left in XFD1048576) is refused before calamine lays it out.
"""

from __future__ import annotations

import csv
import io
import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import compress, repeat
from operator import add, itemgetter
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.domain.findings import QT_TRANSLATE_NOOP, DomainError, Finding
from desktop.spreadsheets.writer import FORMULA_LEADS, restore_text

if TYPE_CHECKING:
    from python_calamine import CalamineSheet

Cell = str | int | float | bool | date | datetime | time | timedelta | None

MAX_FILE_BYTES = 200 * 1024 * 1024
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
CSV_DELIMITERS = ",;\t|"
SNIFF_CHARS = 1 << 16  # the delimiter is guessed from the first lines, within these


class UnreadableSheet(DomainError):
    """The file is not a spreadsheet we can read; the message says why and what to do."""


@dataclass(frozen=True)
class Sheet:
    """The rows of one sheet; ``rows[i]`` is spreadsheet row ``i + 1``."""

    path: Path
    kind: str  # "csv", "xlsx", "xls" or "ods"
    rows: Sequence[Sequence[Cell]]
    encoding: str | None = None
    delimiter: str | None = None


def _fail(code: str, template: str, **params: object) -> UnreadableSheet:
    return UnreadableSheet(Finding.error(code, template, **params))


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


ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"


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


# ---- sheets too large to lay out ----------------------------------------------------------
#
# calamine lays a sheet out as one block of cells (32 bytes each) from its first to its last
# cell holding a value, before Python sees a row, and python-calamine widens the block to
# start at A1. One value in XFD1048576 asks for 512 GB; the allocation fails inside Rust,
# which aborts the process: there is no exception to catch. So the extent of every sheet
# calamine will lay out is read from the file first, by calamine's own rules for where a
# cell lands, and a sheet spanning more than MAX_CELLS (last row × last column, from A1) is
# refused with a message that says where it ends. What a file declares (an XLSX
# <dimension>, an XLS DIMENSIONS record) is not trusted: a file can declare A1:B2 and hold
# a value in XFD1048576. Which sheets calamine lays out, and when:
#
# - XLSX: the first sheet only, when it is asked for. Its XML is unpacked in chunks, never
#   whole; a usual sheet (each cell with an r="B7" reference, in the row its <row r="7">
#   names) is read with a few byte counts per chunk (_xlsx_quick_extent), any other with an
#   XML parser (_xlsx_exact_extent).
# - XLS: every sheet, when the file is opened: the compound file is followed as calamine
#   follows it and each sheet's records are read (_check_xls).
# - ODS: every table of content.xml, when the file is opened, repeated rows and columns
#   written out as calamine writes them out (_check_ods_content).
#
# calamine's own size for the first sheet is checked again before its rows are handed to
# Python, and they are read one by one (iter_rows): the block is not copied again to start
# at A1.

MAX_CELLS = 10_000_000
"""Most cells a sheet may span, counted from A1 (last row × last column): 120,000 rows of 83
columns, or 1,000,000 rows of 10. calamine's block alone is 320 MB at the limit."""

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


def _check_opened_sheets(path: Path, kind: str) -> None:
    """Check the sheets calamine lays out when it opens *path* (every sheet of an XLS or
    ODS); refuse an Excel Binary workbook, which it would read with no such check."""
    try:
        if kind == "xls":
            _check_xls(path)
            return
        with zipfile.ZipFile(path) as archive:
            if _members(archive, "xl/workbook.bin") and any(
                info.filename == "xl/_rels/workbook.bin.rels" for info in archive.infolist()
            ):
                raise _fail(
                    "sheet.xlsb",
                    QT_TRANSLATE_NOOP(
                        "Finding",
                        "Berkas {file} berformat Excel Binary (XLSB), yang tidak dibaca Sigap. "
                        "Buka di Excel, simpan sebagai Excel Workbook (XLSX), lalu coba lagi.",
                    ),
                    file=path.name,
                )
            if any(_is_ods_mimetype(archive, info) for info in archive.infolist()):
                for info in archive.infolist():  # what calamine reads of an ODS
                    if info.filename == "content.xml":
                        _check_ods_content(archive, info, path)
    except UnreadableSheet:
        raise
    except _ZIP_ERRORS as exc:
        raise _broken(path) from exc


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


def _is_ods_mimetype(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """True for the entry calamine takes as the mark of an ODS."""
    if info.filename != "mimetype":
        return False
    with archive.open(info) as member:
        return member.read(len(ODS_MIMETYPE)) == ODS_MIMETYPE


# ---- XLSX ------------------------------------------------------------------------------


def _members(archive: zipfile.ZipFile, path: str) -> list[zipfile.ZipInfo]:
    """The zip entries calamine may read for *path*: it looks names up without regard to
    ASCII case or the slash's direction; every entry of that name (a zip may repeat one)."""
    key = path.encode().lower()
    return [
        info
        for info in archive.infolist()
        if info.filename.replace("\\", "/").encode().lower() == key or info.filename == path
    ]


class _Unresolved(Exception):
    """The workbook's parts do not say plainly which part is its first sheet."""


_XML_COMMENT = re.compile(rb"<!--.*?-->|<!\[CDATA\[.*?\]\]>", re.DOTALL)
_XML_ATTRIBUTE = re.compile(rb"""([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_PART_LIMIT = 32 << 20


def _part_tags(archive: zipfile.ZipFile, path: str, tag: bytes) -> list[dict[bytes, list[bytes]]]:
    """The attributes (every value of each, should one repeat) of every <tag> element, of
    any namespace prefix, in the small part *path*."""
    infos = _members(archive, path)
    if not infos:
        raise _Unresolved(path)
    found = []
    element = re.compile(
        rb"<(?:[^\s<>/!?:'\"=]*:)?" + tag + rb"""(?=[\s/>])((?:[^>"']|"[^"]*"|'[^']*')*)>"""
    )
    for info in infos:
        with archive.open(info) as member:
            data = member.read(_PART_LIMIT + 1)
        if len(data) > _PART_LIMIT:
            raise _Unresolved(path)
        for match in element.finditer(_XML_COMMENT.sub(b"", data)):
            attributes: dict[bytes, list[bytes]] = {}
            for key, double, single in _XML_ATTRIBUTE.findall(match.group(1)):
                attributes.setdefault(key, []).append(double or single)
            found.append(attributes)
    return found


def _xlsx_sheet_parts(archive: zipfile.ZipFile, first: str) -> list[zipfile.ZipInfo]:
    """The zip entries that can hold the sheet calamine reads as *first*, found the way it
    finds them (package relationships, workbook relationships, the <sheet> of that name);
    every entry of the zip when the parts do not say plainly."""
    import html

    def text(value: bytes) -> str:
        return html.unescape(value.decode())

    try:
        found: list[zipfile.ZipInfo] = []
        folders = {
            text(target)[: text(target).rfind("/") + 1].removeprefix("/")
            for rel in _part_tags(archive, "_rels/.rels", b"Relationship")
            if any(kind.endswith(b"/relationships/officeDocument") for kind in rel.get(b"Type", []))
            for target in rel.get(b"Target", [])
        }
        for folder in folders:
            targets: dict[bytes, list[str]] = {}
            for rel in _part_tags(archive, folder + "_rels/workbook.xml.rels", b"Relationship"):
                for rel_id in rel.get(b"Id", []):
                    targets.setdefault(rel_id, []).extend(
                        t.decode() for t in rel.get(b"Target", [])
                    )
            for sheet in _part_tags(archive, folder + "workbook.xml", b"sheet"):
                if first not in map(text, sheet.get(b"name", [])):
                    continue
                ids = [
                    v
                    for key, values in sheet.items()
                    if key.split(b":")[-1] == b"id"
                    for v in values
                ]
                for target in (t for rel_id in ids for t in targets.get(rel_id, [])):
                    part = target[1:] if target.startswith("/") else folder + target
                    found.extend(_members(archive, part))
        if not found:
            raise _Unresolved(first)
        return found
    except (_Unresolved, UnicodeDecodeError):  # every entry that may be XML
        return [info for info in archive.infolist() if _looks_like_xml(archive, info)]


def _looks_like_xml(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    with archive.open(info) as member:
        start = member.read(256).lstrip(b"\xef\xbb\xbf\xff\xfe\x00 \t\r\n")
    return start.startswith(b"<")


def _check_xlsx(path: Path, first: str) -> None:
    """Refuse the workbook when its first sheet (*first*) spans more than MAX_CELLS."""
    try:
        with zipfile.ZipFile(path) as archive:
            if not _members(archive, "_rels/.rels"):
                return  # not read as an XLSX (an ODS): checked when it was opened
            for info in _xlsx_sheet_parts(archive, first):
                extent = _xlsx_quick_extent(archive, info, first)
                if extent is None:
                    extent = _xlsx_exact_extent(archive, info, first, path)
                extent.check(path)
    except UnreadableSheet:
        raise
    except _TooBig as exc:
        raise _too_many_cells(path, first) from exc
    except _ZIP_ERRORS as exc:  # calamine opened it, yet its sheet cannot be read
        raise _broken(path) from exc


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


# The quick scan reads a copy of each chunk where whitespace, quotes and '=' are spaces,
# ':' is '<' (so a tag of any namespace prefix, <x:c, counts as a cell), each upper-case
# letter is 'A', and most of what no count looks at is dropped (other lower-case letters,
# punctuation: a third less to count in). A cell <c r="B7" s="1"> of row 7 reads
# '<c r  A7    1 >'. Counting '<c r  A7 ' (or '<c r  AA7 ') in each row, and '<c' and
# ' r  ' in each chunk, tells that every cell is such a cell, in the row its <row r> names,
# with one r attribute; where text reads like an attribute r, a search of the chunk tells.
_QUICK_ROW = b"<row r  "
_QUICK_CELL = re.compile(rb"<c[ />]")
_QUICK_TABLE = bytes.maketrans(b"\t\n\r\"'=:" + bytes(range(65, 91)), b"      <" + b"A" * 26)
# Kept: what the counts look for, and 'e' and 'f' so that ref="A1:A9" (of a formula) does
# not read as an attribute r.
_QUICK_DROP = bytes(b for b in range(256) if _QUICK_TABLE[b] not in b"<>/ cefrow0123456789A")
# What reads as a two-letter cell '<c r  AA7 ' in the quick copy.
_XLSX_TWO_LETTERS = re.compile(rb"""c[\t\n\r ]r[\t\n\r "'=]{2}([A-Z]{2})[0-9]""")
_XLSX_ROOT_PREFIX = re.compile(rb"<([^\s<>/!?:'\"=]+):worksheet[\s>]")
# A cell tag with a second attribute r (calamine takes the last): quotes kept whole.
_XLSX_TAG_VALUE = rb"""(?:[^>"']|"[^"]*"|'[^']*')*?"""
_XLSX_SECOND_R = re.compile(
    rb"<(?:[^\s<>/!?:'\"=]*:)?c\s"
    + _XLSX_TAG_VALUE
    + rb"""(?<=[\s"'])r\s*="""
    + _XLSX_TAG_VALUE
    + rb"""(?<=[\s"'])r\s*="""
)


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def _xlsx_quick_extent(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, sheet: str
) -> _Extent | None:
    """The extent of a usual sheet from byte counts, or None when the sheet is not usual (or
    seems too large) and needs the exact scan. Columns count to Z (to the last two-letter
    column used, in a wider sheet) and rows to the last <row r> holding a cell: a little
    more than calamine keeps, never less."""
    extent = _Extent(sheet, last_column=25)
    prefix = carry = b""
    row: bytes | None = None  # the number of the row a chunk starts in
    try:
        for chunk in _xlsx_chunks(archive, info):
            data = carry + chunk
            cut = data.rfind(b"<")  # the last tag may go on in the next chunk
            if cut <= 0 or data.find(b">", cut) >= 0:
                cut = len(data)
            head, carry = data[:cut], data[cut:]
            if b"\0" in head or b"!" in head and b"<!" in head:
                return None  # UTF-16, or a comment or CDATA section (not read by calamine)
            if row is None and not prefix:
                root = _XLSX_ROOT_PREFIX.search(head)
                prefix = root.group(1) if root else b""
            if prefix:
                head = head.replace(b"<" + prefix + b":", b"<").replace(
                    b"</" + prefix + b":", b"</"
                )
            quick = head.translate(_QUICK_TABLE, _QUICK_DROP)
            pieces = quick.split(_QUICK_ROW)
            numbers = list(map(itemgetter(0), map(bytes.partition, pieces[1:], repeat(b" "))))
            if row is None:  # before the first row: no cell may stand there
                if _QUICK_CELL.search(pieces[0]):
                    return None
                del pieces[0]
            else:
                numbers.insert(0, row)
            cells = list(map(bytes.count, pieces, map(b"<c r  A%b ".__mod__, numbers)))
            found = sum(cells)
            tags = quick.count(b"<c")
            if tags != found:  # two-letter columns, <cols>, <cfRule> ... or an unusual cell
                two = list(map(bytes.count, pieces, map(b"<c r  AA%b ".__mod__, numbers)))
                if any(two):
                    cells = list(map(add, cells, two))
                    found = sum(cells)
                    for letters in set(_XLSX_TWO_LETTERS.findall(head)):
                        extent.last_column = max(extent.last_column, _column_number(letters) - 1)
                if tags != found:
                    for piece, count in zip(pieces, cells, strict=True):
                        if piece.count(b"<c") != count and len(_QUICK_CELL.findall(piece)) != count:
                            return None
            r_attributes = quick.count(b" r  ") - len(numbers) + (row is not None)
            if r_attributes != found and _XLSX_SECOND_R.search(head):
                return None  # a cell with a second r attribute (not text that reads alike)
            if numbers:
                row = numbers[-1]
            last_row = max(map(int, compress(numbers, cells)), default=0) - 1
            extent.last_row = max(extent.last_row, last_row)
            extent.cells += found
            if extent.cells > MAX_CELLS:
                return None
        if b"<c" in carry or b"\0" in carry:
            return None
    except ValueError:  # a <row r> that is not a number
        return None
    if (extent.last_row + 1) * (extent.last_column + 1) > MAX_CELLS:
        return None  # perhaps only styled empty rows: the exact scan tells
    return extent


def _reference_position(reference: str) -> tuple[int, int | None] | None:
    """Where calamine puts a cell reference ("XFD1048576" → (1048575, 16383)), with its
    32-bit arithmetic; the column is None when the reference has none, and the whole None
    when calamine stops at the reference with an error."""
    column = row = 0
    index, size = 0, len(reference)
    while index < size:
        char = reference[index]
        index += 1
        if "A" <= char <= "Z" or "a" <= char <= "z":
            column = (column * 26 + (ord(char) & 0x1F)) & _U32
        elif "0" <= char <= "9":
            row = ord(char) - 48
            break
        else:
            return None
    while index < size:
        char = reference[index]
        index += 1
        if not "0" <= char <= "9":
            return None
        row = (row * 10 + ord(char) - 48) & _U32
    if row == 0:
        return None
    return row - 1, (column - 1 if column else None)


def _xlsx_exact_extent(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, sheet: str, path: Path
) -> _Extent:
    """The extent of a sheet by calamine's own rules: a cell with r is where r says, one
    without follows the previous cell of its row (rows follow <row r> or count on); a cell
    counts when it holds an element (<v>, <is>, <f>). Elements of any namespace prefix
    count; comments are not read, as calamine does not read them."""
    from xml.parsers import expat

    extent = _Extent(sheet)
    row_index = column_index = 0
    open_cells: list[list[int]] = []  # [row, column, holds an element] of each open <c>

    def start(name: str, attributes: dict[str, str]) -> None:
        nonlocal row_index, column_index
        local = name.split(":", 1)[-1]
        if open_cells:
            open_cells[-1][2] = 1
        if local == "row" and not open_cells:
            if "r" in attributes:
                found = _reference_position(attributes["r"])
                if found is None:
                    raise _broken(path)
                row_index = found[0]
        elif local == "c":
            if "r" in attributes:
                found = _reference_position(attributes["r"])
                if found is None or found[1] is None:
                    raise _broken(path)
                row, column_index = found[0], found[1]
            else:
                row = row_index
            open_cells.append([row, column_index, 0])

    def end(name: str) -> None:
        nonlocal row_index, column_index
        local = name.split(":", 1)[-1]
        if local == "c" and open_cells:
            row, column, holds = open_cells.pop()
            if holds:
                extent.add(row, column)
            column_index = (column_index + 1) & _U32
        elif local == "row" and not open_cells:
            row_index = (row_index + 1) & _U32
            column_index = 0

    parser = expat.ParserCreate()
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    try:
        for chunk in _xlsx_chunks(archive, info):
            parser.Parse(chunk, False)
            if extent.cells > MAX_CELLS or extent.last_row >= MAX_CELLS:
                break  # already too large
        else:
            parser.Parse(b"", True)
    except expat.ExpatError as exc:  # not well-formed: a file no spreadsheet program wrote
        raise _broken(path) from exc
    return extent


# ---- XLS -------------------------------------------------------------------------------

_CFB_END = 0xFFFF_FFFE
_XLS_STREAMS = ("Workbook", "Book", "WORKBOOK", "BOOK")
_XLS_MAX_RESERVE = 65_536 * 256  # the largest sheet an XLS can hold
_XLS_CELL_RECORDS = {
    0x0006: 20,  # Formula
    0x00BD: 6,  # MulRk
    0x00D6: 6,  # RString
    0x00FD: 10,  # LabelSst
    0x0203: 14,  # Number
    0x0204: 6,  # Label
    0x0205: 8,  # BoolErr
    0x027E: 10,  # Rk
}


def _u16(data: bytes, offset: int) -> int:
    return int.from_bytes(data[offset : offset + 2], "little")


def _u32(data: bytes, offset: int) -> int:
    return int.from_bytes(data[offset : offset + 4], "little")


def _cfb_chain(first: int, table: list[int], length: int, get: Callable[[int], bytes]) -> bytes:
    """*length* bytes (or up to the chain's end) of the sectors chained from *first*, as
    calamine reads them. A chain that comes back to a sector or leaves its table raises
    ValueError: calamine would follow the loop until memory runs out, or panic."""
    parts: list[bytes] = []
    total, number, seen = 0, first, set()
    while number != _CFB_END and total < length:
        if number in seen:
            raise ValueError("sector chain loops")
        seen.add(number)
        part = get(number)[: length - total]
        parts.append(part)
        total += len(part)
        if total >= length:
            break
        if number >= len(table):
            raise ValueError("sector chain leaves its table")
        number = table[number]
    return b"".join(parts)


def _u32s(block: bytes) -> list[int]:
    return list(struct.unpack(f"<{len(block) // 4}I", block[: len(block) // 4 * 4]))


def _cfb_workbook(data: bytes) -> bytes | None:
    """The Workbook stream of an OLE (compound) file, as calamine reads it; None where
    calamine stops with an error of its own. ValueError where calamine would run out of
    memory or panic: sizes larger than the file, chains that loop."""
    if len(data) < 512 or not data.startswith(OLE_MAGIC) or _u16(data, 32) != 6:
        return None
    size = {9: 512, 12: 4096}.get(_u16(data, 30))
    if size is None:
        return None
    last = len(data) // size  # calamine's last sector number

    def sector(number: int) -> bytes:
        if number > last:
            raise LookupError(number)
        return data[size + number * size : size + (number + 1) * size]

    fat_sectors, mini_fat_start, mini_fat_sectors = _u32(data, 44), _u32(data, 60), _u32(data, 64)
    # calamine reserves room for what the header declares: FAT and mini FAT sectors, and
    # (reading bytes 62-65) DIFAT entries.
    if max(fat_sectors, mini_fat_sectors) * size > len(data) or _u32(data, 62) > 1 << 26:
        raise ValueError("compound file header")
    try:
        difat = list(struct.unpack_from("<109I", data, 76))
        number = _u32(data, 68)
        for _ in range(last + 2):
            if number >= 0xFFFF_FFFA:
                break
            difat.extend(_u32s(sector(number)))
            if not difat:
                raise ValueError("difat")
            number = difat.pop()
        else:
            raise ValueError("difat loops")
        fat = [entry for number in difat if number < 0xFFFF_FFFC for entry in _u32s(sector(number))]
        directory = _cfb_chain(_u32(data, 48), fat, len(data) + 1, sector)
        entries = []
        for offset in range(0, len(directory) - 127, 128):
            raw = directory[offset : offset + 128]
            name = raw[:64].decode("utf-16-le", "replace").split("\0", 1)[0]
            length = _u32(raw, 120) if size == 512 else int.from_bytes(raw[120:128], "little")
            entries.append((name, _u32(raw, 116), length))
        if not entries:
            return None
        root = b""
        mini_fat: list[int] = []
        if mini_fat_sectors:  # calamine reads the mini stream whatever it is asked for
            if entries[0][2] > len(data):
                raise ValueError("mini stream size")  # more than the file: a loop followed
            root = _cfb_chain(entries[0][1], fat, entries[0][2], sector)
            mini_fat = _u32s(_cfb_chain(mini_fat_start, fat, mini_fat_sectors * size, sector))
        found = [entry for wanted in _XLS_STREAMS for entry in entries if entry[0] == wanted]
        if not found:
            return None
        _, start, length = found[0]
        if length > len(data):
            raise ValueError("stream size")  # more than the file: a loop calamine follows
        if length >= 4096:
            return _cfb_chain(start, fat, length, sector)
        if not mini_fat_sectors:
            raise ValueError("mini stream")  # calamine would read its sectors from anywhere

        def mini(number: int) -> bytes:
            if (number + 1) * 64 > len(root):
                raise ValueError("mini stream")  # calamine would read on from the file
            return root[number * 64 : (number + 1) * 64]

        return _cfb_chain(start, mini_fat, length, mini)
    except LookupError:
        return None  # a sector past the end: calamine says the file is broken


def _check_xls(path: Path) -> None:
    """Refuse the XLS when any of its sheets is too large to lay out (calamine lays them all
    out when it opens the file); leave a file calamine cannot read to calamine."""
    try:
        stream = _cfb_workbook(path.read_bytes())
    except (ValueError, struct.error) as exc:
        raise _broken(path) from exc
    if stream is None:
        return
    sheets: list[tuple[int, str]] = []
    biff8 = True
    for kind, data in _biff_records(stream, 0):
        if kind == 0x002F and _u16(data, 0):
            return  # encrypted: calamine asks for the password
        if kind == 0x0809 and len(data) >= 2:
            biff8 = _u16(data, 0) == 0x0600
        elif kind == 0x0085 and len(data) >= 8:
            sheets.append((_u32(data, 0), _biff_sheet_name(data[6:], biff8)))
        elif kind == 0x000A:
            break
    for position, name in sheets:
        _xls_extent(stream, position, name, path).check(path)


def _biff_records(stream: bytes, position: int) -> Iterator[tuple[int, bytes]]:
    """(type, data) of each record from *position*; CONTINUE records are skipped, as they
    belong to the record before them."""
    size = len(stream)
    while position + 4 <= size:
        kind, length = _u16(stream, position), _u16(stream, position + 2)
        if position + 4 + length > size:
            return  # calamine stops with an error here
        if kind != 0x003C:
            yield kind, stream[position + 4 : position + 4 + length]
        position += 4 + length


def _biff_sheet_name(data: bytes, biff8: bool) -> str:
    if not data:
        return "?"
    length = data[0]
    if biff8 and len(data) > 1:
        if data[1] & 1:
            return data[2 : 2 + 2 * length].decode("utf-16-le", "replace")
        return data[2 : 2 + length].decode("latin-1")
    return data[1 : 1 + length].decode("cp1252", "replace")


def _xls_extent(stream: bytes, position: int, sheet: str, path: Path) -> _Extent:
    """The cells calamine keeps of the sheet whose records start at *position*: every
    value record (blanks are skipped, as calamine skips them), and the room it reserves for
    the range a DIMENSIONS record declares. One loop over the records, fields read byte by
    byte: a 65,536-row sheet has a million of them."""
    size = len(stream)
    cells, last_row, last_column = 0, -1, -1
    depth = 0  # inside a chart or other substream of the sheet, which calamine skips
    started = False
    needs = _XLS_CELL_RECORDS
    while position + 4 <= size:
        kind = stream[position] | stream[position + 1] << 8
        length = stream[position + 2] | stream[position + 3] << 8
        end = position + 4 + length
        if end > size:
            break  # calamine stops with an error here
        if kind == 0x003C:  # CONTINUE: part of the record before
            pass
        elif depth:
            depth += 1 if kind == 0x0809 else -1 if kind == 0x000A else 0
        elif (need := needs.get(kind)) is not None:
            if length < need:
                break  # calamine stops with an error
            row = stream[position + 4] | stream[position + 5] << 8
            column = stream[position + 6] | stream[position + 7] << 8
            count = 1
            if kind == 0x00BD:  # MulRk: one record, a run of cells
                count = ((stream[end - 2] | stream[end - 1] << 8) - column + 1) & 0xFFFF
                if length != 6 + 6 * count:
                    break
                column += count - 1
            cells += count
            if row > last_row:
                last_row = row
            if column > last_column and count:
                last_column = column
            if cells > MAX_CELLS:
                break
        elif kind == 0x0809:
            depth, started = (1, True) if started else (0, True)
        elif kind == 0x000A:
            break
        elif kind == 0x0200:
            _xls_check_dimensions(stream[position + 4 : end], sheet, path)
        position = end
    return _Extent(sheet, cells, last_row, last_column)


def _xls_check_dimensions(data: bytes, sheet: str, path: Path) -> None:
    """Refuse a DIMENSIONS record calamine would reserve too much room for."""
    if len(data) not in (10, 14):
        return  # calamine stops with an error
    wide = len(data) == 14
    first_row = _u32(data, 0) if wide else _u16(data, 0)
    last_row = _u32(data, 4) if wide else _u16(data, 2)
    first_column = _u16(data, 8 if wide else 4)
    last_column = _u16(data, 10 if wide else 6)
    if first_column > 0xFF or last_column < first_column:
        first_column = 0
    if last_row >= 1 and last_column >= 1:  # calamine's 32-bit arithmetic
        rows = (last_row - 1 - first_row + 1) & _U32
        columns = (last_column - 1 - first_column + 1) & _U32
        if rows * columns > _XLS_MAX_RESERVE:
            raise _too_large(path, sheet, last_row, last_column)


# ---- ODS -------------------------------------------------------------------------------

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
        if self.span_rows * width > MAX_CELLS:
            last_row = self.rows - self.pending_rows
            raise _too_large(path, self.name, last_row, self.last_column + 1)
        if self.stored > MAX_CELLS:
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
