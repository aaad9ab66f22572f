"""Finding workers: NIK prefix, name words in any order, filters, sorting, paging."""

from __future__ import annotations

import io
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from desktop.cli import run
from desktop.services.app import AppServices
from desktop.services.roster import RosterFilter, RosterSort


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("roster") / "demo.db"
    services = AppServices.open(path)
    services.demo.generate(workers=3000, seed=11, year=2026)
    services.close()
    return path


@pytest.fixture
def app(demo_db: Path) -> AppServices:
    services = AppServices.open(demo_db)
    yield services  # type: ignore[misc]
    services.close()


def _sql(db: Path, query: str, *args: object) -> list[tuple[object, ...]]:
    return sqlite3.connect(db).execute(query, args).fetchall()


def test_everyone_sorted_by_name(app: AppServices, demo_db: Path) -> None:
    ids = app.roster.matching_ids(RosterFilter())
    assert len(ids) == app.roster.count(RosterFilter()) == 3000
    rows = app.roster.rows(ids[:300])
    keys = [r.name.casefold() for r in rows]
    assert keys == sorted(keys)
    assert all(r.village_name and r.district_name for r in rows)


def test_nik_exact_and_prefix(app: AppServices, demo_db: Path) -> None:
    nik, name = _sql(demo_db, "SELECT nik, name FROM worker LIMIT 1")[0]
    assert isinstance(nik, str)
    exact = app.roster.rows(app.roster.matching_ids(RosterFilter(text=nik)))
    assert [r.name for r in exact] == [name]
    spaced = f"{nik[:6]} {nik[6:12]}.{nik[12:]}"
    assert len(app.roster.matching_ids(RosterFilter(text=spaced))) == 1
    prefix = nik[:8]
    expected = _sql(demo_db, "SELECT COUNT(*) FROM worker WHERE nik LIKE ?", prefix + "%")[0][0]
    assert len(app.roster.matching_ids(RosterFilter(text=prefix))) == expected


def test_name_words_in_any_order_ignoring_case_and_accents(app: AppServices, demo_db: Path) -> None:
    name = str(_sql(demo_db, "SELECT name_key FROM worker WHERE name_key LIKE '% %' LIMIT 1")[0][0])
    first, last = name.split()[0], name.split()[-1]
    expected = _sql(
        demo_db,
        "SELECT COUNT(*) FROM worker WHERE name_key LIKE ? AND name_key LIKE ?",
        f"%{first}%",
        f"%{last}%",
    )[0][0]
    assert expected > 0
    accented = first[0] + "\u0301" + first[1:]  # a combining accent, as a keyboard may type
    for text in (f"{first} {last}", f"{last.upper()} {first}", f"  {accented}   {last} "):
        assert len(app.roster.matching_ids(RosterFilter(text=text))) == expected
    assert len(app.roster.matching_ids(RosterFilter(text="zzzz tidak ada"))) == 0
    # Punctuation alone (LIKE wildcards included) is no search at all.
    assert len(app.roster.matching_ids(RosterFilter(text="%_"))) == 3000


def test_filters_combine(app: AppServices, demo_db: Path) -> None:
    district, village = _sql(demo_db, "SELECT district_code, village_code FROM worker LIMIT 1")[0]
    by_district = app.roster.matching_ids(RosterFilter(district_code=str(district)))
    assert (
        len(by_district)
        == _sql(demo_db, "SELECT COUNT(*) FROM worker WHERE district_code = ?", district)[0][0]
    )
    by_village = app.roster.rows(
        app.roster.matching_ids(
            RosterFilter(district_code=str(district), village_code=str(village))
        )
    )
    assert by_village and {r.village_code for r in by_village} == {village}
    flt = RosterFilter(category="rt_rw", status="aktif")
    rows = app.roster.rows(app.roster.matching_ids(flt))
    assert rows and {(r.category, r.status) for r in rows} == {("rt_rw", "aktif")}
    ending = RosterFilter(ends_within_days=40)
    found = app.roster.rows(app.roster.matching_ids(ending, today=date(2026, 11, 25)))
    assert found and all(
        r.coverage_end and date(2026, 11, 25) <= r.coverage_end <= date(2027, 1, 4) for r in found
    )
    assert app.roster.count(ending, today=date(2026, 1, 1)) == 0


def test_sorting_by_a_column_both_ways(app: AppServices) -> None:
    up = app.roster.rows(app.roster.matching_ids(RosterFilter(), sort=RosterSort.BIRTH_DATE))
    down = app.roster.rows(
        app.roster.matching_ids(RosterFilter(), sort=RosterSort.BIRTH_DATE, descending=True)
    )
    assert [r.birth_date for r in up] == sorted(r.birth_date for r in up)
    assert [r.id for r in down] == [r.id for r in reversed(up)]


def test_roster_search_command(demo_db: Path) -> None:
    nik = str(_sql(demo_db, "SELECT nik FROM worker LIMIT 1")[0][0])
    out, err = io.StringIO(), io.StringIO()
    assert run(["roster", "search", "--db", str(demo_db), nik], out, err) == 0
    lines = out.getvalue().splitlines()
    assert len(lines) == 1 and lines[0].startswith(nik + "\t")
    assert "•" in lines[0] or lines[0].endswith("\t-")  # KPJ masked
    out, err = io.StringIO(), io.StringIO()
    assert run(["roster", "search", "--db", str(demo_db), "siti", "--limit", "5"], out, err) == 0
    assert len(out.getvalue().splitlines()) == 5
    assert "pakai --limit 0" in err.getvalue()
    out, err = io.StringIO(), io.StringIO()
    assert run(["roster", "search", "--db", str(demo_db), "qqqq"], out, err) == 0
    assert out.getvalue() == "" and "Tidak ada" in err.getvalue()


def test_export_xlsx_and_csv_with_masked_or_full_numbers(demo_db: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from desktop.services.roster import EXPORT_HEADER

    district = str(_sql(demo_db, "SELECT district_code FROM worker LIMIT 1")[0][0])
    expected = _sql(
        demo_db,
        "SELECT nik, kpj FROM worker WHERE district_code = ? AND category = 'rt_rw' "
        "ORDER BY name_key, rowid",
        district,
    )
    out, err = io.StringIO(), io.StringIO()
    target = tmp_path / "rt.xlsx"
    code = run(
        ["roster", "export", "--db", str(demo_db), "--out", str(target),
         "--kecamatan", district, "--category", "rt_rw"],
        out, err,
    )  # fmt: skip
    assert code == 0, err.getvalue()
    assert f"{len(expected)} peserta" in out.getvalue().replace(".", "")
    book = load_workbook(target, read_only=True)
    rows = list(book.active.iter_rows(values_only=True))
    book.close()
    assert rows[0] == EXPORT_HEADER
    assert [r[0] for r in rows[1:]] == [nik for nik, _ in expected]
    assert all(isinstance(r[0], str) for r in rows[1:])  # NIK stays text in Excel
    kpj_col = EXPORT_HEADER.index("No. KPJ")
    masked = [r[kpj_col] for r in rows[1:] if r[kpj_col]]
    assert masked and all(k.startswith("•") for k in masked)

    csv_target = tmp_path / "all.csv"
    code = run(["roster", "export", "--db", str(demo_db), "--out", str(csv_target), "--full"],
               out, err)  # fmt: skip
    assert code == 0
    text = csv_target.read_text(encoding="utf-8-sig").splitlines()
    assert len(text) == 3001
    assert text[0].split(";")[0] == "NIK"
    full = [line.split(";")[kpj_col] for line in text[1:] if line.split(";")[kpj_col]]
    assert full and all(k.isdigit() and len(k) == 11 for k in full)


def test_export_refusals(demo_db: Path, tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert run(["roster", "export", "--db", str(demo_db), "--out", str(tmp_path / "x.pdf")],
               out, err) == 2  # fmt: skip
    assert ".xlsx atau .csv" in err.getvalue()
    err = io.StringIO()
    missing = tmp_path / "no" / "such" / "x.xlsx"
    assert run(["roster", "export", "--db", str(demo_db), "--out", str(missing)], out, err) == 2
    assert "tidak ada" in err.getvalue()
    err = io.StringIO()
    assert run(["roster", "export", "--db", str(demo_db), "--out", str(tmp_path / "a.csv"),
                "--category", "dukun"], out, err) == 2  # fmt: skip
    assert "dukun" in err.getvalue()
    assert not list(tmp_path.glob("*.csv")) and not list(tmp_path.glob(".sigap-*"))


def test_kecamatan_operator_cannot_export_full_numbers(tmp_path: Path) -> None:
    db = tmp_path / "kec.db"
    out, err = io.StringIO(), io.StringIO()
    assert run(["init", "--db", str(db), "--office", "kecamatan", "--region", "16.02.05",
                "--name", "Kecamatan Kayu Agung"], out, err) == 0  # fmt: skip
    code = run(["roster", "export", "--db", str(db), "--out", str(tmp_path / "a.xlsx"), "--full"],
               out, err)  # fmt: skip
    assert code == 2
    assert "nomor KPJ dan rekening lengkap" in err.getvalue()
    assert not (tmp_path / "a.xlsx").exists()
