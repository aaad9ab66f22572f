"""Text written to a spreadsheet stays text: no formula, no error code, the same value back.

A worker named ``=HYPERLINK(…)`` must not run on the clerk's machine that opens the export,
and an export imported again must give back exactly what was stored (issue 11, item 1).
"""

from __future__ import annotations

import csv
import re
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.spreadsheets.reader import Cell, read_sheet
from desktop.spreadsheets.writer import write_table

# What Excel, LibreOffice Calc and Google Sheets take as the start of a formula when a cell
# is typed or a CSV is opened: = + - @ (OWASP), a tab or line break before one, and the
# full-width signs East Asian input methods type.
LEADS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
ERROR_CODES = ("#N/A", "#NAME?", "#REF!", "#DIV/0!", "#VALUE!", "#NUM!", "#NULL!")
HOSTILE = (
    '=HYPERLINK("http://x","klik")',
    "+cmd|' /C calc'!A0",
    "=1+2",
    "@SUM(1+1)",
    "-2+3",
    *(lead + "1+2" for lead in LEADS),
    *(lead + 'HYPERLINK("http://x","klik")' for lead in LEADS),
    *LEADS,
    *(lead + lead + "1" for lead in LEADS),
    "\t\r\n=1+2",
)
# Not a formula in any of the three (a cell that starts with a space is text), left as is.
NEAR_MISSES = (" =1+2", "a=1+2", "1+2", "1-2", "#1", "%=1", "{=1+2}", "|cmd")
# Already starting with the protective apostrophe, or with apostrophes inside.
APOSTROPHES = (
    "'",
    "''",
    "'''",
    "'=x",
    "''=x",
    "'+1",
    "'@A1",
    "'\t=1",
    "'a",
    "'1602",
    "Ma'ruf",
    "D'Silva",
    "Jl. Ma'arif No. 5",
    "a'=b",
)
# XLSX writes control characters as _xHHHH_ escapes; a literal "_xHHHH_" must survive too.
OOXML_ESCAPES = ("_x000D_", "a_x000D_b", "_x005F_x000D_", "_x0041_", "_X000d_", "x_x", "_x12_")
CONTROL = ("a\rb", "a\nb", "a\r\nb", "a\tb", "a\x0bb", "a\x0cb", "a\x1bb", "a\x1fb", "a\x7fb")
# Only XLSX is asked to keep these: the CSV reader refuses a file holding a NUL as binary,
# by design, and XML 1.0 can carry them only as _xHHHH_.
CONTROL_XLSX_ONLY = ("\x00", "a\x00b", "\x01=1", "\x08", "\x1f=1")
PLAIN = ("Budi Santoso", "Dédi Kurniawan", "Kayuagung", "RT 01/RW 02, Kel. Sukadana", "")

BOTH = (*HOSTILE, *NEAR_MISSES, *ERROR_CODES, *APOSTROPHES, *OOXML_ESCAPES, *CONTROL, *PLAIN)
HEADER = ("No", "Nama", "Alamat")

# A cell of nothing but whitespace is written escaped (_x0009_ …): XML readers would
# read the bare whitespace back as an empty cell.


def case(kind: str, text: str) -> object:
    return pytest.param(kind, text, id=f"{kind}-{text!r}")


CASES = [
    *(case(kind, text) for kind in ("csv", "xlsx") for text in BOTH),
    *(case("xlsx", text) for text in CONTROL_XLSX_ONLY),
]


def round_trip(path: Path, texts: list[str]) -> list[Cell]:
    """Write *texts* as the "Nama" column under HEADER and read that column back."""
    rows: list[list[str | int]] = [[n, text, "Jl. Mawar"] for n, text in enumerate(texts, 1)]
    write_table(path, HEADER, rows)
    sheet = read_sheet(path)
    assert [str(c) for c in sheet.rows[0]] == list(HEADER)
    back = []
    for number, row in enumerate(sheet.rows[1:], 1):
        assert row[0] in (number, str(number)), row
        assert row[2] == "Jl. Mawar", row
        back.append(row[1])
    return back


def same(text: str, back: object) -> bool:
    return back == text or (text == "" and back in (None, ""))


def sheet_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return "".join(
            archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.startswith("xl/worksheets/") and name.endswith(".xml")
        )


FORMULA_ELEMENT = re.compile(r"<(?:\w+:)?f[\s/>]")
ERROR_CELL = re.compile(r"""<(?:\w+:)?c\b[^>]*\bt=["']e["']""")


def raw_csv(path: Path) -> list[list[str]]:
    """The cells of a CSV file as a spreadsheet sees them, without Sigap's reader."""
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh, delimiter=";"))


def test_the_writer_knows_every_formula_lead() -> None:
    from desktop.spreadsheets.writer import FORMULA_LEADS

    assert set(LEADS) == FORMULA_LEADS


@pytest.mark.parametrize(("kind", "text"), CASES)
def test_a_text_comes_back_exactly(tmp_path: Path, kind: str, text: str) -> None:
    back = round_trip(tmp_path / f"peserta.{kind}", [text])
    assert same(text, back[0]), (text, back[0])


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_whole_table_of_hostile_texts_comes_back_exactly(tmp_path: Path, kind: str) -> None:
    texts = list(BOTH if kind == "csv" else (*BOTH, *CONTROL_XLSX_ONLY))
    back = round_trip(tmp_path / f"peserta.{kind}", texts)
    assert {t: b for t, b in zip(texts, back, strict=True) if not same(t, b)} == {}


def test_xlsx_writes_text_cells_never_formulas_or_error_codes(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = tmp_path / "peserta.xlsx"
    texts = [*HOSTILE, *ERROR_CODES, *APOSTROPHES]
    write_table(path, ["=Nama", "#N/A", "@Alamat"], [[t, t, t] for t in texts])
    xml = sheet_xml(path)
    assert FORMULA_ELEMENT.search(xml) is None
    assert ERROR_CELL.search(xml) is None
    book = load_workbook(path)
    sheet = book.active
    assert sheet is not None
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert {cell.data_type for cell in cells} == {"s"}
    # A text a spreadsheet would read as a formula or an error code is in the Text format
    # too, so editing the cell keeps it text.
    risky = [c for c in cells if str(c.value)[:1] in LEADS or c.value in ERROR_CODES]
    assert risky and {c.number_format for c in risky} == {"@"}
    book.close()


def test_csv_starts_every_hostile_cell_with_an_apostrophe(tmp_path: Path) -> None:
    path = tmp_path / "peserta.csv"
    write_table(path, HEADER, [[1, text, text] for text in HOSTILE])
    rows = raw_csv(path)
    assert rows[0] == list(HEADER)
    for text, row in zip(HOSTILE, rows[1:], strict=True):
        assert row == ["1", "'" + text, "'" + text], (text, row)
    cells = [cell for row in rows for cell in row]
    assert not [cell for cell in cells if cell[:1] in LEADS]


def test_csv_keeps_plain_texts_and_doubles_only_an_ambiguous_apostrophe(tmp_path: Path) -> None:
    path = tmp_path / "peserta.csv"
    kept = [*PLAIN, *NEAR_MISSES, *ERROR_CODES, "'", "'a", "'1602", "Ma'ruf", "a'=b"]
    texts = [*kept, "'=x", "''", "'+1"]
    write_table(path, HEADER, [[1, text, "Jl. Mawar"] for text in texts])
    written = [row[1] for row in raw_csv(path)[1:]]
    assert written == [*kept, "''=x", "'''", "''+1"]


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_a_hostile_header_stays_text(tmp_path: Path, kind: str) -> None:
    path = tmp_path / f"laporan.{kind}"
    header = ["=1+2", "+cmd|' /C calc'!A0", "#REF!", "Nama"]
    write_table(path, header, [["a", "b", "c", "d"]])
    assert [str(c) for c in read_sheet(path).rows[0]] == header
    if kind == "csv":
        assert raw_csv(path)[0] == ["'=1+2", "'+cmd|' /C calc'!A0", "#REF!", "Nama"]
    else:
        xml = sheet_xml(path)
        assert FORMULA_ELEMENT.search(xml) is None and ERROR_CELL.search(xml) is None


@given(st.text())
def test_the_apostrophe_is_taken_off_exactly_as_it_was_put_on(text: str) -> None:
    from desktop.spreadsheets.writer import neutralise_text, restore_text

    safe = neutralise_text(text)
    assert safe[:1] not in LEADS
    assert safe in (text, "'" + text)
    assert restore_text(safe) == text


# A name, birth place or address as people type them (Latin letters with Indonesian and
# European accents, digits, the punctuation of addresses), behind any run of formula signs,
# apostrophes and hashes. Kept out of the CSV property: tabs, line breaks, the delimiters
# ; | and other control characters. The CSV reader guesses the delimiter by counting it in
# the raw lines (quotes and all), so two short rows with a tab or a line break in a cell
# already read as tab-separated, and it refuses a file that is mostly unprintable. Sigap
# never stores such a text (names, birth places and addresses are single-spaced on the way
# in); tab, CR and LF as leads are covered one by one, in a real table, by the cases above.
NAME_CHARS = st.sampled_from(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    "éèêëÉáàâäíïóöúüçñÑ .,'\"-/()&#:!?%_"
)
SIGNS = [lead for lead in LEADS if not lead.isspace()]


def led_by(leads: list[str]) -> st.SearchStrategy[str]:
    prefix = st.lists(st.sampled_from([*leads, "'", "#"]), max_size=4).map("".join)
    return st.builds(lambda lead, body: lead + body, prefix, st.text(NAME_CHARS, max_size=40))


@settings(max_examples=150, deadline=None)
@given(st.lists(led_by(SIGNS), min_size=1, max_size=5))
def test_csv_round_trip_of_names_and_addresses(texts: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        back = round_trip(Path(folder) / "peserta.csv", texts)
    assert [same(t, b) for t, b in zip(texts, back, strict=True)] == [True] * len(texts), back


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.one_of(led_by(list(LEADS)), st.text(max_size=40)),
        min_size=1,
        max_size=5,
    )
)
def test_xlsx_round_trip_of_any_text(texts: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "peserta.xlsx"
        back = round_trip(path, texts)
        xml = sheet_xml(path)
    assert [same(t, b) for t, b in zip(texts, back, strict=True)] == [True] * len(texts), back
    assert FORMULA_ELEMENT.search(xml) is None and ERROR_CELL.search(xml) is None
