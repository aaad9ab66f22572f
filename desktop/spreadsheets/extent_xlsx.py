"""The extent of the first sheet of an XLSX, read from its XML before calamine lays it out.

calamine lays a sheet out as one dense block from A1 before Sigap sees a row, so a value
left far out (XFD1048576) would ask for gigabytes and abort the process: the sheet's real
extent is read here first (see desktop.spreadsheets.extent). The part that holds the first
sheet is found the way calamine finds it; its XML is unpacked in chunks, never whole, and
read with a few byte counts per chunk when it is a usual sheet (the quick scan), with an
XML parser otherwise (the exact scan). What the sheet declares (<dimension>) is not trusted.
"""

from __future__ import annotations

import re
import zipfile
from itertools import compress, repeat
from operator import add, itemgetter
from pathlib import Path

from desktop.spreadsheets import extent as limits
from desktop.spreadsheets.errors import UnreadableSheet, _broken
from desktop.spreadsheets.extent import (
    _U32,
    _ZIP_ERRORS,
    _Extent,
    _too_many_cells,
    _TooBig,
    _xlsx_chunks,
)


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
            if extent.cells > limits.MAX_CELLS:
                return None
        if b"<c" in carry or b"\0" in carry:
            return None
    except ValueError:  # a <row r> that is not a number
        return None
    if (extent.last_row + 1) * (extent.last_column + 1) > limits.MAX_CELLS:
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
            if extent.cells > limits.MAX_CELLS or extent.last_row >= limits.MAX_CELLS:
                break  # already too large
        else:
            parser.Parse(b"", True)
    except expat.ExpatError as exc:  # not well-formed: a file no spreadsheet program wrote
        raise _broken(path) from exc
    return extent
