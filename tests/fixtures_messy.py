"""Messy roster spreadsheets, written by the tests into tmp_path (never committed binaries).

One file holds every oddity villages really send: title rows above the header (the first a
merged cell), NIKs as numbers, with spaces, dots or an apostrophe, in scientific notation or
rounded by Excel, dates in six formats, sex as L/P, Laki-laki/Perempuan, M/F, villages by code
and by name (a spelling variant, an ambiguous name), categories from a column, from the
position or not at all, blank lines, a duplicate NIK and a totals row at the bottom.
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from desktop.domain.categories import Sex
from desktop.domain.nik import make_nik

REGIONS = [
    ["kode", "nama"],
    ["16", "Sumatera Selatan"],
    ["16.02", "Kabupaten Ogan Komering Ilir"],
    ["16.02.05", "Kayu Agung"],
    ["16.02.05.1001", "Kayuagung"],
    ["16.02.05.2001", "Tanjung Rancing"],
    ["16.02.05.2002", "Sukadana"],
    ["16.02.06", "Pampangan"],
    ["16.02.06.2001", "Sukadana"],
    ["16.02.06.2002", "Menggeris"],
]

HEADER = [
    "No",
    "NIK",
    "Nama Lengkap",
    "Tempat Lahir",
    "Tgl. Lahir",
    "L/P",
    "Desa/Kelurahan",
    "Kecamatan",
    "Jabatan",
    "Kategori",
    "No. KPJ",
]
TITLE = "DAFTAR PESERTA BPJS KETENAGAKERJAAN PEKERJA DESA"
SUBTITLE = "KABUPATEN OGAN KOMERING ILIR TAHUN 2025"
HEADER_ROW = 4  # spreadsheet row of the header
FIRST_DATA_ROW = 5


def nik(district: str, born: date, sex: Sex, serial: int) -> str:
    return make_nik(district, born, sex, serial)


NIK_NUMBER = nik("16.02.05", date(1980, 9, 2), Sex.MALE, 1)
NIK_SPACES = nik("16.02.05", date(1985, 3, 15), Sex.FEMALE, 2)
NIK_DOTS = nik("16.02.05", date(1990, 9, 2), Sex.MALE, 3)
NIK_APOSTROPHE = nik("16.02.05", date(1975, 4, 17), Sex.MALE, 4)
NIK_SCIENTIFIC = nik("16.02.05", date(1982, 1, 5), Sex.MALE, 5)
NIK_LOST = nik("16.02.05", date(1982, 1, 6), Sex.MALE, 6)
NIK_AMBIGUOUS = nik("16.02.05", date(1980, 9, 2), Sex.FEMALE, 7)
NIK_SEP = nik("16.02.06", date(1980, 9, 2), Sex.FEMALE, 8)
NIK_NO_CATEGORY = nik("16.02.06", date(1970, 1, 1), Sex.MALE, 9)
NIK_PLAIN = nik("16.02.06", date(1988, 12, 31), Sex.MALE, 11)


def spaced(text: str) -> str:
    return f"{text[:4]} {text[4:8]} {text[8:12]} {text[12:]}"


def dotted(text: str) -> str:
    return f"{text[:6]}.{text[6:12]}.{text[12:]}"


def data_rows(kind: str) -> list[list[object]]:
    """The data rows (spreadsheet rows 5 …); *kind* "xlsx" keeps numbers and real dates."""
    xlsx = kind == "xlsx"
    serial = 27501  # Excel serial of 17 April 1975
    return [
        # 5: NIK as a number (text in a CSV), dd-mm-yyyy, RT head → rt_rw.
        [1, int(NIK_NUMBER) if xlsx else NIK_NUMBER, "Budi Santoso", "Kayuagung",
         "02-09-1980", "L", "Tanjung Rancing", "Kayu Agung", "Ketua RT 01", "", ""],
        # 6: NIK with spaces, dd/mm/yyyy, Perempuan, village by code, posyandu cadre.
        [2, spaced(NIK_SPACES), "Siti Aminah", "Palembang", "15/03/1985", "Perempuan",
         "16.02.05.2001", "", "Kader Posyandu", "", "12345678901"],
        # 7: NIK with dots, yyyy-mm-dd, M, kelurahan by exact name, Kategori column.
        [3, dotted(NIK_DOTS), "Dédi Kurniawan", "", "1990-09-02", "M", "Kel. Kayuagung",
         "Kec. Kayu Agung", "Kaur Umum", "Perangkat Desa", ""],
        # 8: NIK with an apostrophe, Excel serial date, Laki-laki, misspelt village.
        [4, "'" + NIK_APOSTROPHE, "Ahmad Fauzi", "", serial if xlsx else str(serial),
         "Laki-laki", "Tanjung Rancinng", "Kayu Agung", "Guru Ngaji", "", ""],
        # 9: NIK in scientific notation (text) → rejected.
        [5, "1.60205E+15", "Rudi Hartono", "", "05-01-1982", "L", "Tanjung Rancing",
         "Kayu Agung", "Ketua RW 02", "", ""],
        # 10: NIK rounded by Excel (number ending in 0, or "….0" text) → rejected.
        [6, float(NIK_LOST[:15] + "0") if xlsx else NIK_LOST[:15] + "0.0", "Joko Susilo", "",
         "06-01-1982", "L", "Tanjung Rancing", "Kayu Agung", "Ketua RT 03", "", ""],
        # 11: "2 September 1980", F, Sukadana in two kecamatan and none given → rejected.
        [7, NIK_AMBIGUOUS, "Rina Wati", "", "2 September 1980", "F", "Sukadana", "",
         "Kader PKK", "", ""],
        # 12: "02-Sep-80", P, Sukadana settled by its kecamatan.
        [8, NIK_SEP, "Maya Sari", "", "02-Sep-80", "P", "Desa Sukadana", "Pampangan",
         "Marbot Masjid", "", ""],
        # 13: position that names no category, no Kategori → rejected (unless file-wide).
        [9, NIK_NO_CATEGORY, "Slamet Riyadi", "", "01-01-1970", "L", "Menggeris", "Pampangan",
         "Penjaga Kebun", "", ""],
        # 14: blank line.
        ["", "", "", "", "", "", "", "", "", "", ""],
        # 15: the NIK of row 5 again → rejected, naming row 5.
        [10, NIK_NUMBER, "Budi Santoso (lagi)", "", "02-09-1980", "L", "Tanjung Rancing",
         "Kayu Agung", "Ketua RT 01", "", ""],
        # 16: plain text NIK, kecamatan by code, ok.
        [11, NIK_PLAIN, "Hendra Gunawan", "", "31-12-1988", "l", "Menggeris", "16.02.06",
         "Relawan Damkar", "", ""],
        # 17: blank line, then 18: the totals row.
        ["", "", "", "", "", "", "", "", "", "", ""],
        ["Jumlah", "", "", "", "", "", "", "", "", "", "11 orang"],
    ]  # fmt: skip


IMPORTED_ROWS = {5, 6, 7, 8, 12, 16}
REJECTED = {
    9: "nik.scientific",
    11: "import.village_ambiguous",
    13: "import.category_missing",
    15: "import.nik_duplicate",
}
REJECTED_LOST = {"xlsx": "nik.lost_digits", "csv": "nik.decimal"}  # row 10
WARNED_ROWS = {8}  # the misspelt village


def expected_rejected(kind: str) -> dict[int, str]:
    return {**REJECTED, 10: REJECTED_LOST["xlsx" if kind == "xlsx" else "csv"]}


def write_regions(tmp_path: Path) -> Path:
    path = tmp_path / "wilayah.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(REGIONS)
    return path


def write_messy_xlsx(tmp_path: Path, name: str = "peserta.xlsx") -> Path:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append([TITLE])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    sheet.append([SUBTITLE])
    sheet.append([])
    sheet.append(HEADER)
    for row in data_rows("xlsx"):
        sheet.append([None if value == "" else value for value in row])
    path = tmp_path / name
    workbook.save(path)
    return path


def _typed_rows() -> list[list[object]]:
    """The messy sheet as typed cells (numbers, serial dates), title rows included."""
    return [[TITLE], [SUBTITLE], [], list(HEADER), *data_rows("xlsx")]


def write_ods(path: Path, rows: list[list[object]]) -> Path:
    """A minimal OpenDocument spreadsheet, as LibreOffice Calc saves one (numbers typed)."""
    import zipfile
    from xml.sax.saxutils import escape

    def cell(value: object) -> str:
        if value is None or value == "":
            return "<table:table-cell/>"
        if isinstance(value, int | float) and not isinstance(value, bool):
            return (
                f'<table:table-cell office:value-type="float" office:value="{value}">'
                f"<text:p>{value}</text:p></table:table-cell>"
            )
        return (
            '<table:table-cell office:value-type="string">'
            f"<text:p>{escape(str(value))}</text:p></table:table-cell>"
        )

    body = "".join(
        "<table:table-row>" + "".join(cell(v) for v in row) + "</table:table-row>" for row in rows
    )
    office = "urn:oasis:names:tc:opendocument:xmlns"
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<office:document-content xmlns:office="{office}:office:1.0" '
        f'xmlns:table="{office}:table:1.0" xmlns:text="{office}:text:1.0" '
        'office:version="1.2"><office:body><office:spreadsheet>'
        f'<table:table table:name="Peserta">{body}</table:table>'
        "</office:spreadsheet></office:body></office:document-content>"
    )
    mime = "application/vnd.oasis.opendocument.spreadsheet"
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<manifest:manifest xmlns:manifest="{office}:manifest:1.0" manifest:version="1.2">'
        f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{mime}"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), mime)  # first and stored, as ODF asks
        archive.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return path


def write_messy_ods(tmp_path: Path, name: str = "peserta.ods") -> Path:
    return write_ods(tmp_path / name, _typed_rows())


def write_messy_xls(tmp_path: Path, name: str = "peserta.xls") -> Path:
    """The messy sheet as an Excel 97-2003 workbook (xlwt), the title merged as in Excel."""
    import xlwt  # type: ignore[import-untyped]

    workbook = xlwt.Workbook()
    sheet = workbook.add_sheet("Peserta")
    rows = _typed_rows()
    sheet.write_merge(0, 0, 0, len(HEADER) - 1, TITLE)
    for r, row in enumerate(rows[1:], start=1):
        for c, value in enumerate(row):
            if value is not None and value != "":
                sheet.write(r, c, value)
    path = tmp_path / name
    workbook.save(str(path))
    return path


def write_messy_csv(
    tmp_path: Path, *, delimiter: str = ";", encoding: str = "cp1252", name: str | None = None
) -> Path:
    path = tmp_path / (name or f"peserta-{encoding}-{ord(delimiter)}.csv")
    rows: list[list[object]] = [[TITLE], [SUBTITLE], [], HEADER, *data_rows("csv")]
    with path.open("w", newline="", encoding=encoding) as fh:
        csv.writer(fh, delimiter=delimiter).writerows(rows)
    return path


CSV_VARIANTS = [(";", "cp1252"), (",", "utf-8-sig"), ("\t", "utf-8")]


# -- A header over two rows -------------------------------------------------------------
# Row 4 names the columns, with "Tempat/Tgl Lahir" merged over the two birth columns; row 5
# names those two only (every other column of row 4 is merged down over row 5). The data
# rows are those above, one row lower.

BIRTH_GROUP = "Tempat/Tgl Lahir"
BIRTH_PARTS = {"short": ("Tempat", "Tgl Lahir"), "long": ("Tempat Lahir", "Tanggal Lahir")}
BIRTH_COLUMNS = (3, 4)  # 0-based, as in HEADER
TWO_ROW_HEADER_ROW = 5  # the spreadsheet row of the header's second row


def two_row_header(parts: str = "short") -> tuple[list[object], list[object]]:
    """The two header rows: the group name over the birth columns, their names under it."""
    place, born = BIRTH_COLUMNS
    top: list[object] = [*HEADER[:place], BIRTH_GROUP, "", *HEADER[born + 1 :]]
    below: list[object] = ["" for _ in HEADER]
    below[place], below[born] = BIRTH_PARTS[parts]
    return top, below


def two_row_shifted(rows: set[int] | dict[int, str]) -> set[int]:
    """Row numbers of the one-row-header file, in the file with the two-row header."""
    return {row + 1 for row in rows}


def write_two_row_xlsx(tmp_path: Path, parts: str = "short") -> Path:
    """The messy file with a two-row header made of real merged cells."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    top, below = two_row_header(parts)
    sheet.append([TITLE])
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    sheet.append([SUBTITLE])
    sheet.append([])
    sheet.append([None if value == "" else value for value in top])
    sheet.append([None if value == "" else value for value in below])
    first, second = TWO_ROW_HEADER_ROW - 1, TWO_ROW_HEADER_ROW
    place, born = (column + 1 for column in BIRTH_COLUMNS)
    sheet.merge_cells(start_row=first, start_column=place, end_row=first, end_column=born)
    for column in range(1, len(HEADER) + 1):
        if column not in (place, born):
            sheet.merge_cells(
                start_row=first, start_column=column, end_row=second, end_column=column
            )
    for row in data_rows("xlsx"):
        sheet.append([None if value == "" else value for value in row])
    path = tmp_path / f"peserta-2baris-{parts}.xlsx"
    workbook.save(path)
    return path


def write_two_row_csv(tmp_path: Path, parts: str = "short") -> Path:
    """The same file as a CSV: the merged cells' value in their first cell, the rest empty."""
    top, below = two_row_header(parts)
    rows: list[list[object]] = [[TITLE], [SUBTITLE], [], top, below, *data_rows("csv")]
    path = tmp_path / f"peserta-2baris-{parts}.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh, delimiter=";").writerows(rows)
    return path
