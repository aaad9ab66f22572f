"""Small files that ask for huge sheets: a value in XFD1048576 made calamine ask for 512 GB
and abort the process (exit 134; the whole window died), one in ZZ200000 took 5.5 GB. Each
is refused, with a message that says where the sheet ends and what to do, before calamine
lays the sheet out; the files still read as before when they are not too large.

The hostile files are built here: XLSX written by hand (a far cell, a <dimension> that lies,
cells without a reference, a second r attribute, namespace prefixes ...), XLS written with
xlwt and patched, ODS with repeated rows and columns.
"""

from __future__ import annotations

import io
import json
import struct
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.cli import run
from desktop.spreadsheets import extent as limits
from desktop.spreadsheets import reader
from desktop.spreadsheets.reader import UnreadableSheet, read_sheet
from tests import fixtures_messy as messy

ROOT = Path(__file__).resolve().parents[3]
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


# -- building the files -----------------------------------------------------------------


def letters(number: int) -> str:
    """Column *number* (1-based) by name: 1 → "A", 27 → "AA"."""
    name = ""
    while number:
        number, rest = divmod(number - 1, 26)
        name = chr(65 + rest) + name
    return name


def value(ref: str, number: int = 1, *, tag: str = "c", extra: str = "") -> str:
    return f'<{tag} r="{ref}"{extra}><v>{number}</v></{tag}>'


def write_xlsx(path: Path, rows: str, *, dimension: str = "", prefix: str = "") -> Path:
    """A one-sheet workbook whose <sheetData> holds *rows* (raw XML), as Excel lays it out."""
    p = f"{prefix}:" if prefix else ""
    xmlns = f'xmlns:{prefix}="{MAIN}"' if prefix else f'xmlns="{MAIN}"'
    sheet = (
        f'<?xml version="1.0" encoding="UTF-8"?><{p}worksheet {xmlns}>'
        + (f'<{p}dimension ref="{dimension}"/>' if dimension else "")
        + f"<{p}sheetData>{rows}</{p}sheetData></{p}worksheet>"
    )
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats'
            '.org/package/2006/content-types"><Default Extension="rels" ContentType="applicati'
            'on/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" Conten'
            'tType="application/xml"/></Types>'
        ),
        "_rels/.rels": (
            f'<Relationships xmlns="{RELS}"><Relationship Id="rId1" Type="{DOC_RELS}/officeDocu'
            'ment" Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            f'<workbook xmlns="{MAIN}" xmlns:r="{DOC_RELS}"><sheets><sheet name="Peserta" '
            'sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            f'<Relationships xmlns="{RELS}"><Relationship Id="rId1" Type="{DOC_RELS}/worksheet"'
            ' Target="worksheets/sheet1.xml"/></Relationships>'
        ),
        "xl/worksheets/sheet1.xml": sheet,
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return path


def header_row() -> str:
    """Row 1 of a usual roster: NIK, Nama ... across columns A to Q."""
    letters = [chr(65 + i) for i in range(17)]
    cells = "".join(f'<c r="{c}1" t="inlineStr"><is><t>kolom {c}</t></is></c>' for c in letters)
    return f'<row r="1">{cells}</row>'


def body_rows(first: int, last: int) -> str:
    return "".join(
        f'<row r="{n}">' + "".join(value(f"{chr(65 + i)}{n}", n) for i in range(17)) + "</row>"
        for n in range(first, last + 1)
    )


def write_ods(path: Path, table_body: str) -> Path:
    """An ODS whose first table holds *table_body* (raw <table:table-row> XML)."""
    office = "urn:oasis:names:tc:opendocument:xmlns"
    mime = "application/vnd.oasis.opendocument.spreadsheet"
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<office:document-content xmlns:office="{office}:office:1.0" '
        f'xmlns:table="{office}:table:1.0" xmlns:text="{office}:text:1.0" office:version="1.2">'
        "<office:body><office:spreadsheet>"
        f'<table:table table:name="Peserta">{table_body}</table:table>'
        "</office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        f'<manifest:manifest xmlns:manifest="{office}:manifest:1.0" manifest:version="1.2">'
        f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{mime}"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), mime)
        archive.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return path


ODS_VALUE = (
    '<table:table-cell office:value-type="float" office:value="1">'
    "<text:p>1</text:p></table:table-cell>"
)
ODS_WIDE_VALUE = (
    '<table:table-cell table:number-columns-repeated="16384" '
    'office:value-type="float" office:value="1"/>'
)


def ods_row(cells: str, repeated: int = 1) -> str:
    rows = f' table:number-rows-repeated="{repeated}"' if repeated > 1 else ""
    return f"<table:table-row{rows}>{cells}</table:table-row>"


def ods_gap(columns: int) -> str:
    return f'<table:table-cell table:number-columns-repeated="{columns}"/>'


def write_xls(path: Path, far: tuple[int, int] | None = None, *, dimensions: bool = False) -> Path:
    """An Excel 97-2003 workbook: "NIK" in A1 and "x" in B2, whose record is moved to *far*
    (row, column; XLS itself stops at 65,536 × 256), or whose DIMENSIONS record is made to
    declare 4,294,967,295 rows of 65,535 columns."""
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("Peserta")
    sheet.write(0, 0, "NIK")
    sheet.write(1, 1, "x")
    buffer = io.BytesIO()
    book.save(buffer)
    data = bytearray(buffer.getvalue())
    if far is not None:
        at = data.find(struct.pack("<HHHH", 0x00FD, 10, 1, 1))  # LabelSst of B2
        assert at > 0
        data[at + 4 : at + 8] = struct.pack("<HH", *far)
    if dimensions:
        at = data.find(struct.pack("<HH", 0x0200, 14))
        assert at > 0
        data[at + 4 : at + 18] = struct.pack("<IIHHH", 0, 0xFFFF_FFFF, 0, 0xFFFF, 0)
    path.write_bytes(bytes(data))
    return path


def bombs(folder: Path) -> dict[str, Path]:
    """Every file that asked calamine for more memory than a laptop has, by name."""
    far_in_the_middle = header_row() + body_rows(2, 3000)
    far_in_the_middle = far_in_the_middle.replace(
        '<row r="2500">', '<row r="2500">' + value("XFD2500")
    )
    twenty = "".join(value(f"{chr(65 + i)}1") for i in range(20))
    return {
        "xfd": write_xlsx(
            folder / "xfd.xlsx", header_row() + f'<row r="1048576">{value("XFD1048576")}</row>'
        ),
        "zz": write_xlsx(
            folder / "zz.xlsx", header_row() + f'<row r="200000">{value("ZZ200000")}</row>'
        ),
        "lying": write_xlsx(
            folder / "berbohong.xlsx",
            header_row() + f'<row r="200000">{value("ZZ200000")}</row>',
            dimension="A1:B2",
        ),
        "middle": write_xlsx(folder / "tengah.xlsx", far_in_the_middle),
        # A cell without r lands after the cells before it, in the row <row r> names.
        "implicit": write_xlsx(
            folder / "tanpa-r.xlsx",
            f'<row r="1">{twenty}</row><row r="1048576"><c><v>1</v></c></row>',
        ),
        # calamine takes the last r of a cell; XML allows one, so the file is refused as broken.
        "second_r": write_xlsx(
            folder / "dua-r.xlsx",
            header_row() + '<row r="2"><c r="A2" r="XFD1048576"><v>1</v></c></row>',
        ),
        "prefixed": write_xlsx(
            folder / "awalan.xlsx",
            f'<x:row r="1">{value("A1", tag="x:c")}</x:row>'
            f'<x:row r="1048576">{value("XFD1048576", tag="x:c")}</x:row>',
            prefix="x",
        ),
        "other_prefix": write_xlsx(
            folder / "awalan-lain.xlsx",
            header_row()
            + f'<row r="2"><y:c xmlns:y="{MAIN}" r="XFD1048576"><y:v>1</y:v></y:c></row>',
        ),
        "quotes": write_xlsx(
            folder / "kutip.xlsx", header_row() + "<row r='9'><c r='XFD1048576'><v>1</v></c></row>"
        ),
        "lower_case": write_xlsx(
            folder / "huruf-kecil.xlsx", header_row() + f'<row r="2">{value("xfd1048576")}</row>'
        ),
        # What a comment holds is not read: it hides nothing from the check either.
        "comment": write_xlsx(
            folder / "komentar.xlsx",
            header_row() + '<!-- <c r="A2" x=" -->' + f'<row r="2">{value("XFD1048576")}</row>',
        ),
        "xls_far": write_xls(folder / "jauh.xls", (65535, 255)),
        "xls_beyond": write_xls(folder / "melampaui.xls", (0xFFFF, 0xFFFF)),
        "xls_dimensions": write_xls(folder / "dimensi.xls", dimensions=True),
        "ods_area": write_ods(
            folder / "luas.ods",
            ods_row(ODS_VALUE)
            + ods_row("<table:table-cell/>", 5500)
            + ods_row(ods_gap(16383) + ODS_VALUE),
        ),
        "ods_wide_rows": write_ods(
            folder / "lebar.ods",
            ods_row(ODS_WIDE_VALUE) * 2000,
        ),
        "ods_far": write_ods(
            folder / "jauh.ods",
            ods_row(ODS_VALUE)
            + ods_row("<table:table-cell/>", 1048574)
            + ods_row(ods_gap(16383) + ODS_VALUE),
        ),
    }


WHERE = {
    "xfd": "kolom XFD, baris 1.048.576",
    "zz": "kolom ZZ, baris 200.000",
    "lying": "kolom ZZ, baris 200.000",
    "middle": "kolom XFD, baris 3.000",
    "implicit": "kolom T, baris 1.048.576",
    "second_r": "rusak",
    "prefixed": "kolom XFD, baris 1.048.576",
    "other_prefix": "kolom XFD, baris 1.048.576",
    "quotes": "kolom XFD, baris 1.048.576",
    "lower_case": "kolom XFD, baris 1.048.576",
    "comment": "kolom XFD, baris 1.048.576",
    "xls_far": "kolom IV, baris 65.536",
    "xls_beyond": "baris 65.536",
    "xls_dimensions": "baris 4.294.967.295",
    "ods_area": "kolom XFD, baris 5.502",
    "ods_wide_rows": "kolom XFD, baris 2.000",
    "ods_far": "kolom XFD, baris 1.048.576",
}


# -- refused, in little memory ----------------------------------------------------------

CHILD = """
import json, resource, sys
from pathlib import Path
resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))  # what the old code asked for fails here
from desktop.spreadsheets.reader import UnreadableSheet, read_sheet
for name, path in json.loads(sys.argv[1]).items():
    try:
        sheet = read_sheet(Path(path))
        print(json.dumps([name, "read", len(sheet.rows)]), flush=True)
    except UnreadableSheet as error:
        print(json.dumps([name, error.code, str(error)]), flush=True)
# VmHWM, not ru_maxrss: the latter keeps the parent's high-water mark across fork and exec
# (a test process of 600 MB would count against the child).
hwm = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmHWM:"))
print(json.dumps(["peak MB", hwm // 1024]))
"""


@pytest.mark.skipif(sys.platform != "linux", reason="peak memory as Linux reports it")
def test_every_bomb_is_refused_in_a_process_that_stays_small(tmp_path: Path) -> None:
    files = bombs(tmp_path)
    done = subprocess.run(
        [sys.executable, "-c", CHILD, json.dumps({k: str(v) for k, v in files.items()})],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
        check=False,
    )
    results = {line[0]: line[1:] for line in map(json.loads, done.stdout.splitlines())}
    assert done.returncode == 0, (done.returncode, done.stderr[-2000:], results)
    for name, path in files.items():
        code, message = results[name]
        assert code == ("sheet.broken" if name == "second_r" else "sheet.too_large"), (
            name,
            message,
        )
        assert path.name in message and WHERE[name] in message, (name, message)
    assert results["peak MB"][0] < 400, results["peak MB"]


def test_the_message_says_where_the_sheet_ends_and_what_to_do(tmp_path: Path) -> None:
    path = bombs(tmp_path)["xfd"]
    with pytest.raises(UnreadableSheet) as raised:
        read_sheet(path)
    assert raised.value.code == "sheet.too_large"
    assert str(raised.value) == (
        'Lembar kerja "Peserta" di berkas xfd.xlsx terbentang sampai kolom XFD, baris '
        "1.048.576 (17.179.869.184 sel; paling banyak 10.000.000 sel). Biasanya ada isi yang "
        "tertinggal jauh di luar tabel. Hapus isi di luar tabel (atau salin tabelnya saja ke "
        "lembar kerja baru), simpan ulang, lalu coba lagi."
    )


def test_a_sheet_with_too_many_cells_in_one_place_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same cell written over and over: small in extent, each copy kept by calamine."""
    monkeypatch.setattr(limits, "MAX_CELLS", 1000)
    path = write_xlsx(tmp_path / "berulang.xlsx", '<row r="1">' + value("A1") * 1001 + "</row>")
    with pytest.raises(UnreadableSheet) as raised:
        read_sheet(path)
    assert raised.value.code == "sheet.too_many_cells"
    assert "berulang.xlsx" in str(raised.value) and "1.000" in str(raised.value)


def test_an_excel_binary_workbook_is_refused_with_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "biner.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.bin", b"\x83\x01\x00")
        archive.writestr("xl/_rels/workbook.bin.rels", "<Relationships/>")
    with pytest.raises(UnreadableSheet) as raised:
        read_sheet(path)
    assert raised.value.code == "sheet.xlsb"
    assert "biner.xlsx" in str(raised.value) and "XLSX" in str(raised.value)


def test_an_ole_file_whose_chains_loop_is_refused_as_broken(tmp_path: Path) -> None:
    """calamine follows a directory chain that loops until memory runs out."""
    data = bytearray(write_xls(tmp_path / "asli.xls").read_bytes())
    directory = struct.unpack_from("<I", data, 48)[0]
    first_fat_sector = struct.unpack_from("<I", data, 76)[0]
    fat = 512 + first_fat_sector * 512
    struct.pack_into("<I", data, fat + 4 * directory, directory)  # the chain points to itself
    path = tmp_path / "berputar.xls"
    path.write_bytes(bytes(data))
    with pytest.raises(UnreadableSheet) as raised:
        read_sheet(path)
    assert raised.value.code == "sheet.broken"


# -- through the command line -----------------------------------------------------------


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return run(list(argv), out, err), out.getvalue(), err.getvalue()


def hub(tmp_path: Path) -> Path:
    db = tmp_path / "hub.db"
    assert cli("init", "--db", str(db), "--office", "hub", "--region", "16.02",
               "--name", "Dinas Sosial OKI")[0] == 0  # fmt: skip
    return db


@pytest.mark.parametrize("name", ["xfd", "lying", "xls_far", "ods_area"])
def test_roster_import_of_a_bomb_exits_2_with_the_message(tmp_path: Path, name: str) -> None:
    db = hub(tmp_path)
    path = bombs(tmp_path)[name]
    code, out, err = cli("roster", "import", "--db", str(db), str(path))
    assert (code, out) == (2, ""), err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert path.name in err and WHERE[name] in err and "Hapus isi di luar tabel" in err


def test_regions_import_of_a_bomb_exits_2_with_the_message(tmp_path: Path) -> None:
    db = hub(tmp_path)
    path = write_xlsx(
        tmp_path / "wilayah.xlsx",
        '<row r="1"><c r="A1" t="inlineStr"><is><t>kode</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>nama</t></is></c></row>'
        f'<row r="1048576">{value("XFD1048576")}</row>',
    )
    code, out, err = cli("regions", "import", "--db", str(db), str(path))
    assert (code, out) == (2, ""), err
    assert "wilayah.xlsx" in err and "kolom XFD, baris 1.048.576" in err


# -- what is not too large reads as before ----------------------------------------------


def calamine_rows(path: Path) -> list[list[object]]:
    """What calamine itself gives for the first sheet, from A1."""
    from python_calamine import CalamineWorkbook

    with path.open("rb") as fh:
        sheet = CalamineWorkbook.from_filelike(fh).get_sheet_by_index(0)
    return [list(row) for row in sheet.to_python(skip_empty_area=False)]


def usual_files(folder: Path) -> list[Path]:
    wide = "".join(
        f'<row r="{n}">' + "".join(value(letters(c) + str(n)) for c in range(1, 41)) + "</row>"
        for n in range(1, 60)
    )
    return [
        messy.write_messy_xlsx(folder),
        messy.write_messy_xls(folder),
        messy.write_messy_ods(folder),
        messy.write_two_row_xlsx(folder),
        # The table starts at C3: rows come padded from A1.
        write_xlsx(folder / "mulai-c3.xlsx", f'<row r="3">{value("C3")}{value("D3")}</row>'),
        write_xlsx(folder / "lebar.xlsx", wide),  # columns AA to AN
        # Styled empty cells and rows far away: calamine keeps no cell there.
        write_xlsx(
            folder / "format-jauh.xlsx",
            header_row() + body_rows(2, 5) + '<row r="6"><c r="XFD6" s="1"/></row>'
            '<row r="1048576" s="2" customFormat="1"><c r="A1048576" s="2"></c></row>',
        ),
        # A shared formula (ref="B2:B4" reads nothing like an attribute r) and a comment.
        write_xlsx(
            folder / "rumus.xlsx",
            header_row()
            + '<row r="2"><c r="B2"><f t="shared" ref="B2:B4" si="0">A2*2</f><v>4</v></c>'
            + "<!-- catatan --></row>",
        ),
        write_xlsx(
            folder / "awalan-biasa.xlsx",
            f'<x:row r="1">{value("A1", tag="x:c")}{value("B1", tag="x:c")}</x:row>',
            prefix="x",
        ),
        # Cells without r, in rows without r, where some writers leave them out.
        write_xlsx(
            folder / "tanpa-r-kecil.xlsx",
            "<row><c><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row>",
        ),
        write_ods(folder / "ulang.ods", ods_row(ods_gap(2) + ODS_VALUE, 3) + ods_row(ODS_VALUE)),
    ]


def test_files_that_are_not_too_large_read_as_calamine_gives_them(tmp_path: Path) -> None:
    for path in usual_files(tmp_path):
        rows = [list(row) for row in read_sheet(path).rows]
        assert rows == calamine_rows(path), path.name


def test_a_large_usual_sheet_is_read_by_the_quick_scan(tmp_path: Path) -> None:
    """Many chunks of XML, a value in a column first used far down: counted, not parsed."""
    rows = header_row() + body_rows(2, 20_000).replace(
        '<row r="15000">', '<row r="15000">' + value("Z15000")
    )
    path = write_xlsx(tmp_path / "besar.xlsx", rows)
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("xl/worksheets/sheet1.xml")
        assert info.file_size > 3 * reader._XLSX_CHUNK
        extent = reader._xlsx_quick_extent(archive, info, "Peserta")
    assert extent is not None and extent.last_row == 19_999 and extent.last_column == 25
    assert len(read_sheet(path).rows) == 20_000


# -- right at the limit, checked against calamine itself ---------------------------------

EDGE_CASES: dict[str, Callable[[int, int], str]] = {
    "canonical": lambda r, c: f'<row r="{r}">{value(letters(c) + str(r))}</row>',
    "no_r": lambda r, c: f'<row r="{r}">' + "<c><v>1</v></c>" * c + "</row>",
    "prefixed": lambda r, c: (
        f'<row r="{r}"><z:c xmlns:z="{MAIN}" r="{letters(c)}{r}"><z:v>1</z:v></z:c></row>'
    ),
    "second_r": lambda r, c: f'<row r="{r}"><c r="A1" s="1" r="{letters(c)}{r}"><v>1</v></c></row>',
    "empty_styled": lambda r, c: f'<row r="{r}"><c r="{letters(c)}{r}" s="1"/></row>',
}


@pytest.mark.parametrize("form", sorted(EDGE_CASES))
@pytest.mark.parametrize(
    "row,column", [(40, 25), (41, 25), (25, 40), (1000, 1), (1001, 1), (30, 34)]
)
def test_the_limit_is_calamines_own_size_whatever_the_cell_looks_like(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, form: str, row: int, column: int
) -> None:
    """With a limit of 1,000 cells, a sheet is refused exactly when calamine's block for it,
    from A1, would be larger."""
    monkeypatch.setattr(limits, "MAX_CELLS", 1000)
    rows = f'<row r="1">{value("A1")}</row>' + EDGE_CASES[form](row, column)
    path = write_xlsx(tmp_path / f"{form}.xlsx", rows)
    from python_calamine import CalamineWorkbook

    with path.open("rb") as fh:
        end = CalamineWorkbook.from_filelike(fh).get_sheet_by_index(0).end
    assert end is not None
    too_large = (end[0] + 1) * (end[1] + 1) > 1000
    try:
        read_sheet(path)
        refused = ""
    except UnreadableSheet as error:
        refused = error.code
    if form == "second_r":  # not well-formed XML: refused whatever its size
        assert refused == "sheet.broken"
    else:
        assert refused == ("sheet.too_large" if too_large else ""), (form, row, column, end)
