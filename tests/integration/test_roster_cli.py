"""``roster import`` and ``roster export`` as an admin scripts them."""

from __future__ import annotations

import io
import sqlite3
from pathlib import Path

from openpyxl import load_workbook

from desktop.cli import run
from tests import fixtures_messy as messy


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return run(list(argv), out, err), out.getvalue(), err.getvalue()


def hub(tmp_path: Path) -> Path:
    db = tmp_path / "hub.db"
    assert cli("init", "--db", str(db), "--office", "hub", "--region", "16.02",
               "--name", "Dinas Sosial OKI")[0] == 0  # fmt: skip
    assert cli("regions", "import", "--db", str(db), str(messy.write_regions(tmp_path)))[0] == 0
    return db


def test_import_messy_file_reports_rejections_and_writes_the_report(tmp_path: Path) -> None:
    db = hub(tmp_path)
    source = messy.write_messy_xlsx(tmp_path)
    report = tmp_path / "ditolak.xlsx"
    code, out, err = cli("roster", "import", "--db", str(db), str(source), "--errors", str(report))
    assert code == 1
    assert out.strip() == "ditambahkan 6, diperbarui 0, tidak berubah 0, ditolak 5"
    assert "5 baris ditolak" in err
    for row in messy.expected_rejected("xlsx"):
        assert f"baris {row}:" in err
    for nik in (messy.NIK_SCIENTIFIC, messy.NIK_LOST):
        assert nik not in err  # never a full NIK in a message
    book = load_workbook(report, read_only=True)
    sheet = book.active
    assert sheet is not None
    assert len(list(sheet.iter_rows(values_only=True))) == 1 + 5
    book.close()

    code, out, _ = cli("roster", "import", "--db", str(db), str(source))
    assert code == 1
    assert out.strip() == "ditambahkan 0, diperbarui 0, tidak berubah 6, ditolak 5"
    code, out, err = cli("roster", "import", "--db", str(db), str(source), "--skip-existing")
    assert out.strip().startswith("ditambahkan 0, diperbarui 0, tidak berubah 0")
    assert "6 NIK yang sudah ada dilewati" in err


def test_unusable_roster_files_exit_2(tmp_path: Path) -> None:
    db = hub(tmp_path)
    no_nik = tmp_path / "no-nik.csv"
    no_nik.write_text("Nama;Desa\nBudi;Sukadana\n", encoding="utf-8")
    empty = tmp_path / "kosong.csv"
    empty.write_bytes(b"")
    pdf = tmp_path / "surat.xlsx"
    pdf.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 8)
    truncated = tmp_path / "terpotong.xlsx"
    truncated.write_bytes(messy.write_messy_xlsx(tmp_path).read_bytes()[:900])
    before = sqlite3.connect(db).execute("SELECT COUNT(*) FROM change_log").fetchone()
    for path in (no_nik, tmp_path / "missing.xlsx", empty, pdf, truncated):
        code, _, err = cli("roster", "import", "--db", str(db), str(path))
        assert code == 2 and err.count("\n") == 1 and "Traceback" not in err, (path, err)
        assert path.name in err
    code, _, err = cli("roster", "import", "--db", str(db), str(no_nik), "--errors", "x.csv")
    assert code == 2 and ".xlsx" in err
    # A report that could not be written is refused before a good file is imported.
    good = messy.write_messy_xlsx(tmp_path)
    folder_named_like_a_report = tmp_path / "laporan.xlsx"
    folder_named_like_a_report.mkdir()
    for report in (tmp_path / "no-such-folder" / "ditolak.xlsx", folder_named_like_a_report):
        code, out, err = cli("roster", "import", "--db", str(db), str(good), "--errors",
                             str(report))  # fmt: skip
        assert (code, out) == (2, ""), err
        assert "--errors" in err and "Traceback" not in err
    assert sqlite3.connect(db).execute("SELECT COUNT(*) FROM change_log").fetchone() == before


def test_an_export_re_imported_is_unchanged(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    assert cli("demo", "--db", str(db), "--workers", "400", "--seed", "9", "--year", "2026")[0] == 0
    log = sqlite3.connect(db).execute("SELECT COUNT(*) FROM change_log").fetchone()
    for name, extra in (("masked.xlsx", ()), ("full.csv", ("--full",))):
        target = tmp_path / name
        assert cli("roster", "export", "--db", str(db), "--out", str(target), *extra)[0] == 0
        code, out, err = cli("roster", "import", "--db", str(db), str(target))
        assert code == 0, err
        assert out.strip() == "ditambahkan 0, diperbarui 0, tidak berubah 400, ditolak 0"
    assert sqlite3.connect(db).execute("SELECT COUNT(*) FROM change_log").fetchone() == log


def test_a_report_that_fails_after_the_import_says_the_data_is_in(
    tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from desktop.spreadsheets import report

    def full_disk(*_args: object, **_kwargs: object) -> Path:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(report, "write_error_report", full_disk)
    db = hub(tmp_path)
    source = messy.write_messy_xlsx(tmp_path)
    code, out, err = cli("roster", "import", "--db", str(db), str(source), "--errors",
                         str(tmp_path / "ditolak.xlsx"))  # fmt: skip
    assert code == 1
    assert out.strip() == "ditambahkan 6, diperbarui 0, tidak berubah 0, ditolak 5"
    assert "tidak dapat ditulis" in err and "No space left on device" in err
    assert "Data sudah diimpor" in err and "Traceback" not in err
