"""Hostile names in the roster's spreadsheets: exported as text, imported back unchanged.

Issue 11, item 1: a worker named ``=HYPERLINK(…)`` was exported as a live formula (XLSX) or a
cell Excel runs (CSV), and the ``--errors`` report of an import did the same.
"""

from __future__ import annotations

import csv
import io
import re
import sqlite3
import zipfile
from datetime import date
from pathlib import Path

import pytest

from desktop.cli import run
from desktop.domain.categories import Sex
from desktop.domain.nik import make_nik
from desktop.services.app import AppServices
from desktop.spreadsheets.reader import read_sheet
from tests import fixtures_messy as messy

LINK = '=HYPERLINK("http://x","klik")'
DDE = "+cmd|' /C calc'!A0"
# (name, birth place, address) of each worker.
HOSTILE = [
    (LINK, "=1+2", "@SUM(1+1)"),
    (DDE, "-2+3", LINK),
    ("=1+2", "@SUM(1+1)", DDE),
    ("@SUM(1+1)", DDE, "-2+3"),
    ("-2+3", LINK, "=1+2"),
    ("'=1+2", "''", "Jl. Ma'arif No. 5, RT 01/RW 02"),
    ("Ma'ruf Amin", "'", "#N/A"),
    ("\uff1dSUM(1)", "#REF!", "'@x"),
]
LEADS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
FORMULA_ELEMENT = re.compile(r"<(?:\w+:)?f[\s/>]")
ERROR_CELL = re.compile(r"""<(?:\w+:)?c\b[^>]*\bt=["']e["']""")


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return run(list(argv), out, err), out.getvalue(), err.getvalue()


def office(folder: Path) -> Path:
    """A new OKI hub database in *folder* with the small region master."""
    folder.mkdir(exist_ok=True)
    db = folder / "sigap.db"
    assert cli("init", "--db", str(db), "--office", "hub", "--region", "16.02",
               "--name", "Dinas Sosial OKI")[0] == 0  # fmt: skip
    assert cli("regions", "import", "--db", str(db), str(messy.write_regions(folder)))[0] == 0
    return db


def nik_of(serial: int) -> str:
    return make_nik("16.02.05", date(1980, 1, serial), Sex.MALE, serial)


def add_workers(db: Path) -> dict[str, tuple[str, str, str]]:
    """The HOSTILE workers, added through the worker form's service; by NIK."""
    app = AppServices.open(db)
    try:
        actor = app.office.local_actor()
        for serial, (name, place, address) in enumerate(HOSTILE, 1):
            app.workers.create(
                actor,
                {
                    "nik": nik_of(serial),
                    "name": name,
                    "sex": "L",
                    "birth_place": place,
                    "birth_date": date(1980, 1, serial),
                    "address": address,
                    "village_code": "16.02.05.2001",
                    "category": "pekerja_rentan",
                },
            )
    finally:
        app.close()
    return {nik_of(serial): worker for serial, worker in enumerate(HOSTILE, 1)}


def stored(db: Path) -> dict[str, tuple[str, str, str]]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT nik, name, birth_place, address FROM worker").fetchall()
    return {nik: (name, place, address) for nik, name, place, address in rows}


def protected(text: str) -> str:
    """*text* as a CSV cell must hold it: an apostrophe before a formula sign, and before an
    apostrophe that a formula sign or another apostrophe follows (so it can be taken off)."""
    if text[:1] in LEADS or (text[:1] == "'" and text[1:2] in (*LEADS, "'")):
        return "'" + text
    return text


def sheet_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return "".join(
            archive.read(name).decode("utf-8")
            for name in archive.namelist()
            if name.startswith("xl/worksheets/") and name.endswith(".xml")
        )


def raw_csv(path: Path) -> list[list[str]]:
    """The cells of a CSV file as a spreadsheet sees them, without Sigap's reader."""
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh, delimiter=";"))


@pytest.fixture
def hostile_office(tmp_path: Path) -> tuple[Path, dict[str, tuple[str, str, str]]]:
    db = office(tmp_path / "asal")
    workers = add_workers(db)
    assert stored(db) == workers  # stored as typed
    return db, workers


def test_the_workers_are_stored_as_typed(
    hostile_office: tuple[Path, dict[str, tuple[str, str, str]]],
) -> None:
    db, workers = hostile_office
    assert stored(db) == workers


def test_a_csv_export_neutralises_the_hostile_cells(
    hostile_office: tuple[Path, dict[str, tuple[str, str, str]]], tmp_path: Path
) -> None:
    db, workers = hostile_office
    target = tmp_path / "peserta.csv"
    code, out, err = cli("roster", "export", "--db", str(db), "--out", str(target))
    assert code == 0, err
    rows = raw_csv(target)
    header = rows[0]
    at = {title: header.index(title) for title in ("NIK", "Nama", "Tempat Lahir", "Alamat")}
    seen = set()
    for row in rows[1:]:
        nik = row[at["NIK"]]
        cells = (row[at["Nama"]], row[at["Tempat Lahir"]], row[at["Alamat"]])
        assert cells == tuple(protected(text) for text in workers[nik]), nik[-4:]
        seen.add(nik)
    assert seen == set(workers)
    assert [c for r in rows for c in r if c[:1] in LEADS] == []  # nothing a spreadsheet runs
    assert '\'=HYPERLINK(""http://x"",""klik"")' in target.read_text(encoding="utf-8-sig")


def test_an_xlsx_export_writes_text_cells_only(
    hostile_office: tuple[Path, dict[str, tuple[str, str, str]]], tmp_path: Path
) -> None:
    from openpyxl import load_workbook

    db, workers = hostile_office
    target = tmp_path / "peserta.xlsx"
    code, out, err = cli("roster", "export", "--db", str(db), "--out", str(target))
    assert code == 0, err
    xml = sheet_xml(target)
    assert FORMULA_ELEMENT.search(xml) is None
    assert ERROR_CELL.search(xml) is None
    book = load_workbook(target)
    sheet = book.active
    assert sheet is not None
    texts = {text for worker in workers.values() for text in worker}
    found = [cell for row in sheet.iter_rows() for cell in row if cell.value in texts]
    assert {cell.value for cell in found} == texts
    assert {cell.data_type for cell in found} == {"s"}
    book.close()


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_an_export_imported_into_a_new_database_gives_back_the_same_texts(
    hostile_office: tuple[Path, dict[str, tuple[str, str, str]]], tmp_path: Path, kind: str
) -> None:
    db, workers = hostile_office
    target = tmp_path / f"peserta.{kind}"
    assert cli("roster", "export", "--db", str(db), "--out", str(target), "--full")[0] == 0
    fresh = office(tmp_path / "baru")
    code, out, err = cli("roster", "import", "--db", str(fresh), str(target))
    assert (code, out.strip()) == (0, f"ditambahkan {len(workers)}, diperbarui 0, tidak berubah 0, "
                                      "ditolak 0"), err  # fmt: skip
    assert stored(fresh) == workers
    # And into the database it came from: nothing to change.
    code, out, err = cli("roster", "import", "--db", str(db), str(target))
    assert (code, out.strip()) == (0, f"ditambahkan 0, diperbarui 0, tidak berubah {len(workers)}, "
                                      "ditolak 0"), err  # fmt: skip


SOURCE_HEADER = [
    "NIK", "Nama", "Tempat Lahir", "Tanggal Lahir", "Jenis Kelamin", "Alamat",
    "Desa/Kelurahan", "Kecamatan", "Kategori",
]  # fmt: skip


def test_the_error_report_of_an_import_keeps_hostile_cells_as_text(tmp_path: Path) -> None:
    db = office(tmp_path / "asal")
    good = [nik_of(1), "=1+2", "@SUM(1+1)", "01-01-1980", "L", "-2+3", "Tanjung Rancing",
            "Kayu Agung", "Pekerja Rentan"]  # fmt: skip
    bad_nik = ["1602", LINK, DDE, "02-01-1980", "L", "@SUM(1+1)", "Tanjung Rancing",
               "Kayu Agung", "Pekerja Rentan"]  # fmt: skip
    bad_village = [nik_of(3), DDE, "-2+3", "03-01-1980", "L", LINK, "=Desa()",
                   "Kayu Agung", "Pekerja Rentan"]  # fmt: skip
    source = tmp_path / "dari-desa.csv"
    with source.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, delimiter=";").writerows([SOURCE_HEADER, good, bad_nik, bad_village])
    report = tmp_path / "ditolak.xlsx"
    code, out, err = cli("roster", "import", "--db", str(db), str(source), "--errors", str(report))
    assert code == 1, err
    assert out.strip() == "ditambahkan 1, diperbarui 0, tidak berubah 0, ditolak 2"
    assert nik_of(3) not in err  # never a full NIK in a message
    assert stored(db) == {nik_of(1): ("=1+2", "@SUM(1+1)", "-2+3")}

    xml = sheet_xml(report)
    assert FORMULA_ELEMENT.search(xml) is None
    assert ERROR_CELL.search(xml) is None
    rows = read_sheet(report).rows
    assert [str(c) for c in rows[0]] == [*SOURCE_HEADER, "Baris asal", "Alasan"]
    assert [list(r[: len(SOURCE_HEADER)]) for r in rows[1:]] == [bad_nik, bad_village]
    assert [r[len(SOURCE_HEADER)] for r in rows[1:]] == [3, 4]
    assert all(isinstance(r[-1], str) and r[-1] for r in rows[1:])  # the reasons
