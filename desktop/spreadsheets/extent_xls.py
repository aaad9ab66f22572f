"""The extent of every sheet of an XLS, read from its records before calamine opens the file.

calamine lays out every sheet of an XLS, each as one dense block from A1, when it opens the
file, before Sigap sees a row: a value left far out, or a DIMENSIONS record that declares a
huge range, would ask for gigabytes and abort the process (see
desktop.spreadsheets.extent). So the compound (OLE) file is followed here as calamine
follows it, to its Workbook stream, and each sheet's BIFF records are read for the cells
calamine keeps. Structures calamine would follow until memory runs out, or panic on (sector
chains that loop, sizes larger than the file), are refused as a damaged file.
"""

from __future__ import annotations

import struct
from collections.abc import Callable, Iterator
from pathlib import Path

from desktop.spreadsheets import extent as limits
from desktop.spreadsheets.errors import _broken
from desktop.spreadsheets.extent import _U32, _Extent, _too_large

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an OLE compound file: an XLS

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
            if cells > limits.MAX_CELLS:
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
