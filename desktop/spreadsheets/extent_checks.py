"""Which sheets of a workbook are checked before calamine opens it, by what the file is.

calamine lays out every sheet of an XLS and every table of an ODS when it opens the file,
as one dense block from A1, before Sigap sees a row: a far cell would ask for gigabytes and
abort the process (see desktop.spreadsheets.extent). So those are checked here, before
calamine sees the file; the first sheet of an XLSX is laid out only when it is asked for,
and is checked then (extent_xlsx._check_xlsx). An Excel Binary workbook, which calamine
would read with no such check, is refused.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from desktop.domain.findings import QT_TRANSLATE_NOOP
from desktop.spreadsheets.errors import UnreadableSheet, _broken, _fail
from desktop.spreadsheets.extent import _ZIP_ERRORS
from desktop.spreadsheets.extent_ods import _check_ods_content
from desktop.spreadsheets.extent_xls import _check_xls
from desktop.spreadsheets.extent_xlsx import _members

ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"


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


def _is_ods_mimetype(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    """True for the entry calamine takes as the mark of an ODS."""
    if info.filename != "mimetype":
        return False
    with archive.open(info) as member:
        return member.read(len(ODS_MIMETYPE)) == ODS_MIMETYPE
