"""The headless commands, as an admin scripts them: outputs and exit codes."""

from __future__ import annotations

import csv
import io
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import Workbook

from desktop import __version__
from desktop.cli import run
from desktop.domain.nik import check_nik

ROOT = Path(__file__).resolve().parents[2]


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def init_hub(db: Path) -> None:
    code, out, err = cli(
        "init",
        "--db",
        str(db),
        "--office",
        "hub",
        "--region",
        "16.02",
        "--name",
        "Dinas Sosial Kabupaten Ogan Komering Ilir",
    )
    assert code == 0, err
    assert "Dinas Sosial Kabupaten Ogan Komering Ilir" in out


def write_csv(
    path: Path, rows: list[list[str]], *, delimiter: str = ",", encoding: str = "utf-8"
) -> Path:
    with path.open("w", newline="", encoding=encoding) as fh:
        csv.writer(fh, delimiter=delimiter).writerows(rows)
    return path


REGIONS = [
    ["kode", "nama"],
    ["16", "Sumatera Selatan"],
    ["16.02", "Kabupaten Ogan Komering Ilir"],
    ["16.02.05", "Kayu Agung"],
    ["16.02.05.2001", "Tanjung Rancing"],
    ["16.02.05.1001", "Kayuagung"],
]


# ---- version, help, usage -------------------------------------------------------------------


def test_version_and_help_run_as_a_process() -> None:
    version = subprocess.run(
        [sys.executable, "-m", "desktop", "--version"], capture_output=True, text=True, cwd=ROOT
    )
    assert version.returncode == 0
    assert version.stdout.strip() == f"Sigap {__version__}"
    helped = subprocess.run(
        [sys.executable, "-m", "desktop", "--help"], capture_output=True, text=True, cwd=ROOT
    )
    assert helped.returncode == 0
    for command in ("init", "regions", "demo", "nik", "check"):
        assert command in helped.stdout


def test_bad_usage_exits_2_with_one_line_and_no_traceback() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "init", "--office", "pusat"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    code, _, err = cli("frobnicate")
    assert code == 2 and "frobnicate" in err


# ---- init -----------------------------------------------------------------------------------


def test_init_sets_up_a_hub_and_refuses_a_second_time(tmp_path: Path) -> None:
    db = tmp_path / "hub.db"
    init_hub(db)
    code, out, err = cli(
        "init",
        "--db",
        str(db),
        "--office",
        "kecamatan",
        "--region",
        "16.02.05",
        "--name",
        "Kecamatan Kayu Agung",
    )
    assert code == 2
    assert "sudah disiapkan" in err
    code, out, err = cli("check", "--db", str(db))
    assert code == 0, err


def test_init_checks_the_region_level(tmp_path: Path) -> None:
    code, _, err = cli(
        "init",
        "--db",
        str(tmp_path / "k.db"),
        "--office",
        "kecamatan",
        "--region",
        "16.02",
        "--name",
        "Kecamatan Kayu Agung",
    )
    assert code == 2
    assert "16.02.05" in err  # the message shows what a kecamatan code looks like
    code, _, err = cli(
        "init",
        "--db",
        str(tmp_path / "k.db"),
        "--office",
        "hub",
        "--region",
        "16.2",
        "--name",
        "Dinas",
    )
    assert code == 2 and "16.2" in err


def test_init_uses_sigap_db_when_no_db_is_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SIGAP_DB", str(tmp_path / "env.db"))
    code, out, _ = cli(
        "init", "--office", "kecamatan", "--region", "16.02.05", "--name", "Kecamatan Kayu Agung"
    )
    assert code == 0
    assert (tmp_path / "env.db").exists()
    assert "env.db" in out


# ---- regions import -------------------------------------------------------------------------


def test_regions_import_csv_then_again_updates_names_and_adds_codes(tmp_path: Path) -> None:
    db = tmp_path / "hub.db"
    init_hub(db)
    first = write_csv(tmp_path / "wilayah.csv", REGIONS)
    code, out, err = cli("regions", "import", "--db", str(db), str(first))
    assert code == 0, err
    assert out.strip() == "ditambahkan 5, diperbarui 0, tidak berubah 0, ditolak 0"

    code, out, _ = cli("regions", "import", "--db", str(db), str(first))
    assert out.strip() == "ditambahkan 0, diperbarui 0, tidak berubah 5, ditolak 0"

    second = write_csv(
        tmp_path / "wilayah2.csv",
        [
            ["No", "KODE", "Nama", "keterangan"],
            ["1", "16.02.05.2001", "Tanjung Rancing Baru", "ganti nama"],
            ["2", "1602052002", "Sukadana", "kode tanpa titik"],
        ],
        delimiter=";",
    )
    code, out, _ = cli("regions", "import", "--db", str(db), str(second))
    assert out.strip() == "ditambahkan 1, diperbarui 1, tidak berubah 0, ditolak 0"
    con = sqlite3.connect(db)
    rows = dict(con.execute("SELECT code, name FROM region"))
    assert rows["16.02.05.2001"] == "Tanjung Rancing Baru"
    assert rows["16.02.05.2002"] == "Sukadana"
    levels = dict(con.execute("SELECT code, level FROM region"))
    parents = dict(con.execute("SELECT code, parent_code FROM region"))
    assert levels["16.02.05.2002"] == 4 and parents["16.02.05.2002"] == "16.02.05"
    assert levels["16"] == 1 and parents["16"] is None


def test_regions_import_xlsx_with_title_rows(tmp_path: Path) -> None:
    db = tmp_path / "hub.db"
    init_hub(db)
    book = Workbook()
    sheet = book.active
    sheet.append(["DAFTAR WILAYAH KABUPATEN OGAN KOMERING ILIR"])
    sheet.append([])
    for row in REGIONS:
        sheet.append(row)
    path = tmp_path / "wilayah.xlsx"
    book.save(path)
    code, out, err = cli("regions", "import", "--db", str(db), str(path))
    assert code == 0, err
    assert out.strip() == "ditambahkan 5, diperbarui 0, tidak berubah 0, ditolak 0"


def test_regions_import_windows_1252_csv(tmp_path: Path) -> None:
    db = tmp_path / "hub.db"
    init_hub(db)
    path = write_csv(
        tmp_path / "w.csv", [["kode", "nama"], ["16.02.05.2003", "Désa Contoh"]], encoding="cp1252"
    )
    code, out, err = cli("regions", "import", "--db", str(db), str(path))
    assert code == 0, err
    con = sqlite3.connect(db)
    assert con.execute("SELECT name FROM region").fetchone() == ("Désa Contoh",)


def test_regions_import_rejects_bad_rows_with_exit_1(tmp_path: Path) -> None:
    db = tmp_path / "hub.db"
    init_hub(db)
    path = write_csv(
        tmp_path / "w.csv",
        [
            ["kode", "nama"],
            ["16.02.05", "Kayu Agung"],
            ["16.02.5", "Salah"],
            ["16.02.06", ""],
            ["", ""],
            ["16.02.05", "Kayu Agung Lain"],
        ],
    )
    code, out, err = cli("regions", "import", "--db", str(db), str(path))
    assert code == 1
    assert out.strip() == "ditambahkan 1, diperbarui 0, tidak berubah 0, ditolak 3"
    assert "baris 3:" in err and "baris 4:" in err and "baris 6:" in err
    assert "3 baris ditolak" in err


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("missing.csv", None, "tidak ditemukan"),
        ("empty.csv", b"", "kosong"),
        (
            "letter.pdf",
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\x00\x00\n",
            "bukan lembar kerja",
        ),
        ("fake.xlsx", b"PK\x03\x04 this zip is cut short", "rusak"),
        ("nokode.csv", b"nama,jumlah\nKayu Agung,3\n", 'kolom "kode"'),
        ("header-only.csv", b"kode,nama\n", "tidak berisi satu pun wilayah"),
    ],
)
def test_regions_import_unusable_files_exit_2_and_change_nothing(
    tmp_path: Path, name: str, content: bytes | None, expected: str
) -> None:
    db = tmp_path / "hub.db"
    init_hub(db)
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    before = sqlite3.connect(db).execute("SELECT COUNT(*) FROM change_log").fetchone()
    code, out, err = cli("regions", "import", "--db", str(db), str(path))
    assert code == 2
    assert expected in err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert sqlite3.connect(db).execute("SELECT COUNT(*) FROM change_log").fetchone() == before


def test_regions_import_needs_an_office(tmp_path: Path) -> None:
    from desktop.services.app import AppServices

    AppServices.open(tmp_path / "fresh.db").close()  # a Sigap database, no office yet
    path = write_csv(tmp_path / "w.csv", REGIONS)
    code, _, err = cli("regions", "import", "--db", str(tmp_path / "fresh.db"), str(path))
    assert code == 2 and "belum disiapkan" in err


def test_commands_on_a_missing_database_exit_2(tmp_path: Path) -> None:
    code, _, err = cli("check", "--db", str(tmp_path / "nope.db"))
    assert code == 2 and "tidak ada" in err
    assert not (tmp_path / "nope.db").exists()


@pytest.mark.wilayah
def test_regions_import_the_real_indonesian_list(tmp_path: Path, wilayah_dir: Path) -> None:
    db = tmp_path / "hub.db"
    init_hub(db)
    code, out, err = cli("regions", "import", "--db", str(db), str(wilayah_dir / "indonesia.csv"))
    assert code == 0, err
    assert out.strip() == "ditambahkan 91.599, diperbarui 0, tidak berubah 0, ditolak 0"
    con = sqlite3.connect(db)
    assert dict(con.execute("SELECT level, COUNT(*) FROM region GROUP BY level")) == {
        1: 38,
        2: 514,
        3: 7285,
        4: 83762,
    }
    assert con.execute("SELECT name FROM region WHERE code = '16.02'").fetchone() == (
        "Kabupaten Ogan Komering Ilir",
    )
    code, out, _ = cli("regions", "import", "--db", str(db), str(wilayah_dir / "sumsel-16.csv"))
    assert out.strip() == "ditambahkan 0, diperbarui 0, tidak berubah 3.518, ditolak 0"


# ---- nik ------------------------------------------------------------------------------------


def test_nik_prints_what_it_says() -> None:
    code, out, err = cli("nik", "1602054209800001")
    assert code == 0, err
    assert "16.02.05" in out
    assert "2 September 1980" in out
    assert "Perempuan" in out
    assert "0001" in out


def test_nik_with_region_names_and_a_record_mismatch(tmp_path: Path) -> None:
    db = tmp_path / "hub.db"
    init_hub(db)
    cli("regions", "import", "--db", str(db), str(write_csv(tmp_path / "w.csv", REGIONS)))
    code, out, err = cli("nik", "--db", str(db), "1602054209800001", "--sex", "L")
    assert code == 1
    assert "Kayu Agung" in out
    assert "peringatan:" in err
    code, out, err = cli("nik", "--db", str(db), "1602094209800001")
    assert code == 1 and "peringatan:" in err  # kecamatan 16.02.09 not in the master


@pytest.mark.parametrize(
    "number", ["123", "16020542098000AB", "9902054209800001", "1602053209800001", "1.60205E+15", ""]
)
def test_invalid_nik_exits_2_without_echoing_it(number: str) -> None:
    code, out, err = cli("nik", number)
    assert code == 2
    assert "galat:" in err
    if len(number) == 16:
        assert number not in err


# ---- demo and check -------------------------------------------------------------------------


def _worker_dump(db: Path) -> list[tuple[object, ...]]:
    con = sqlite3.connect(db)
    return con.execute(
        "SELECT id, nik, kk, name, sex, birth_date, village_code, category, subcategory, "
        "position, kpj, coverage_start, coverage_end, status, death_date FROM worker ORDER BY id"
    ).fetchall()


def test_demo_is_deterministic_and_consistent(tmp_path: Path) -> None:
    code, out, err = cli(
        "demo", "--db", str(tmp_path / "a.db"), "--workers", "3000", "--seed", "5", "--year", "2026"
    )
    assert code == 0, err
    assert "3.000 peserta" in out
    cli(
        "demo", "--db", str(tmp_path / "b.db"), "--workers", "3000", "--seed", "5", "--year", "2026"
    )
    cli(
        "demo", "--db", str(tmp_path / "c.db"), "--workers", "3000", "--seed", "6", "--year", "2026"
    )
    a, b, c = (_worker_dump(tmp_path / f"{x}.db") for x in "abc")
    assert a == b
    assert a != c

    con = sqlite3.connect(tmp_path / "a.db")
    from datetime import date

    from desktop.domain.categories import Sex

    niks = set()
    for _id, nik, kk, _name, sex, birth, village, *_rest in a:
        result = check_nik(
            nik, birth_date=date.fromisoformat(birth), sex=Sex(sex), today=date(2026, 12, 31)
        )
        assert result.ok and not result.warnings, (result.errors, result.warnings)
        assert nik[:6] == village.replace(".", "")[:6]
        assert len(kk) == 16
        niks.add(nik)
    assert len(niks) == len(a)
    categories = dict(con.execute("SELECT category, COUNT(*) FROM worker GROUP BY category"))
    assert categories["pekerja_rentan"] > categories["kelembagaan_desa"] > categories["rt_rw"]
    statuses = {s for (s,) in con.execute("SELECT DISTINCT status FROM claim")}
    assert statuses == {
        "diusulkan",
        "dikembalikan",
        "direkomendasikan",
        "diverifikasi",
        "disetujui",
        "ditolak",
        "dicairkan",
        "dibatalkan",
        "diajukan_bpjs",
        "dibayar_bpjs",
    }
    assert con.execute("SELECT COUNT(*) FROM heir").fetchone()[0] > 0
    assert con.execute("SELECT COUNT(*) FROM claim_document").fetchone()[0] > 0
    assert con.execute("SELECT COUNT(*) FROM coverage_target").fetchone()[0] > 0
    orphans = con.execute(
        "SELECT COUNT(*) FROM worker WHERE village_code NOT IN (SELECT code FROM region)"
    ).fetchone()
    assert orphans == (0,)
    code, out, err = cli("check", "--db", str(tmp_path / "a.db"))
    assert code == 0, err
    assert "baik" in out


def test_demo_refuses_a_database_with_workers(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    assert cli("demo", "--db", str(db), "--workers", "50", "--seed", "1")[0] == 0
    code, _, err = cli("demo", "--db", str(db), "--workers", "50", "--seed", "1")
    assert code == 2 and "sudah berisi data peserta" in err


def test_demo_with_a_real_region_file(tmp_path: Path, wilayah_dir: Path) -> None:
    db = tmp_path / "oki.db"
    code, out, err = cli(
        "demo",
        "--db",
        str(db),
        "--workers",
        "500",
        "--seed",
        "2",
        "--regions",
        str(wilayah_dir / "sumsel-16.csv"),
    )
    assert code == 0, err
    con = sqlite3.connect(db)
    villages = {v for (v,) in con.execute("SELECT DISTINCT village_code FROM worker")}
    assert all(v.startswith("16.02.") for v in villages)
    names = dict(con.execute("SELECT code, name FROM region WHERE level = 3"))
    assert names["16.02.05"] == "Kayu Agung"


def test_demo_bad_regions_file_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    bad = tmp_path / "w.csv"
    bad.write_text("nama\nKayu Agung\n")
    code, _, err = cli("demo", "--db", str(db), "--workers", "10", "--regions", str(bad))
    assert code == 2 and "kode" in err
    con = sqlite3.connect(db)
    assert con.execute("SELECT COUNT(*) FROM local_state").fetchone() == (0,)


def test_check_reports_problems_with_exit_1(tmp_path: Path) -> None:
    db = tmp_path / "x.db"
    init_hub(db)
    con = sqlite3.connect(db)
    con.execute("DROP TRIGGER guard_worker_insert")
    con.commit()
    code, out, err = cli("check", "--db", str(db))
    assert code == 1
    assert "Pengaman tulis" in err


def test_db_before_the_command_is_kept(tmp_path: Path) -> None:
    db = tmp_path / "hub.db"
    init_hub(db)
    code, out, err = cli("--db", str(db), "check")
    assert code == 0, err
    assert str(db) in out


def test_no_command_opens_the_window_on_the_given_database(tmp_path: Path) -> None:
    opened: list[Path | None] = []
    assert run(["--db", str(tmp_path / "x.db")], gui=lambda db: opened.append(db) or 0) == 0
    assert run([], gui=lambda db: opened.append(db) or 0) == 0
    assert opened == [tmp_path / "x.db", None]
