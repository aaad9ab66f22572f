"""``claims list/show/new/step/doc/heir`` through the real command-line entry, on a demo hub
(60 workers, no claims of its own) in a real SQLite file.

The commands work on the real today: every date here is counted from it.
"""

from __future__ import annotations

import io
import os
import shutil
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from desktop.cli import run
from desktop.domain.documents import checklist
from desktop.services.app import AppServices

TODAY = date.today()
# A year the demo covers and a death inside it, late enough after the coverage started
# (1 January) not to be flagged as early and early enough for steps dated weeks back.
if TODAY.month >= 3:
    YEAR, EVENT = TODAY.year, TODAY - timedelta(days=25)
else:
    YEAR, EVENT = TODAY.year - 1, date(TODAY.year - 1, 12, 1)
LONG_AGO = TODAY - timedelta(days=20)  # verified then: 13 days past the 7-day deadline
RECENTLY = TODAY - timedelta(days=5)  # verified then: 2 days left

RESIDENT_NIK = "1602064107550002"  # a woman born 1 July 1955
OTHER_RESIDENT_NIK = "1602064107550010"
THIRD_RESIDENT_NIK = "1602061508850003"  # a man born 15 August 1985
HEIR_NIK = "1602065203800004"  # a woman born 12 March 1980
ACCOUNT = "1234567890123"


def cli(*argv: str | Path | int) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return run([str(a) for a in argv], out, err, language="id"), out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli-claims") / "demo.db"
    code, _, err = cli("demo", "--db", path, "--workers", "60", "--seed", "11", "--year", YEAR)
    assert code == 0, err
    return path


@pytest.fixture
def db(template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "hub.db"
    shutil.copy(template, path)
    return path


def query(db: Path, sql: str, *params: object) -> list[tuple[object, ...]]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def worker_niks(db: Path, count: int = 1) -> list[str]:
    """Active workers covered the whole demo year."""
    rows = query(
        db,
        "SELECT nik FROM worker WHERE status = 'aktif' AND coverage_start = ? ORDER BY id "
        "LIMIT ?",
        f"{YEAR}-01-01",
        count,
    )
    assert len(rows) == count
    return [str(r[0]) for r in rows]


def villages(db: Path) -> tuple[str, str]:
    """Two villages of two different kecamatan."""
    rows = query(db, "SELECT code FROM region WHERE level = 4 ORDER BY code")
    first = str(rows[0][0])
    other = next(str(r[0]) for r in rows if not str(r[0]).startswith(first[:8]))
    return first, other


def claim_count(db: Path) -> int:
    [(count,)] = query(db, "SELECT COUNT(*) FROM claim")
    assert isinstance(count, int)
    return count


def new_resident(
    db: Path, nik: str, village: str, *extra: str | Path, decile: int | None = 3
) -> str:
    """Open a santunan kematian for a resident outside the roster; its id."""
    args: list[str | Path] = [
        "claims", "new", "--db", db, "--kind", "santunan_kematian", "--nik", nik,
        "--name", "Warga Bukan Peserta", "--village", village,
        "--event-date", EVENT.isoformat(), "--akta", "AK-77", *extra,
    ]  # fmt: skip
    if decile is not None:
        args += ["--decile", str(decile)]
    code, out, err = cli(*args)
    assert code in (0, 1), err
    return out.strip()


def receive_all(db: Path, claim: str, kind: str, on: date) -> None:
    for item in checklist(kind):
        code, _, err = cli("claims", "doc", "--db", db, claim, item.value, "--on", on.isoformat())
        assert code == 0, err


def verify(db: Path, claim: str, on: date) -> None:
    """Take a complete santunan claim to diverifikasi on *on* (its payee recorded, with an
    account of its own)."""
    receive_all(db, claim, "santunan_kematian", on)
    account = str(10**11 + int(claim.replace("-", "")[-8:], 16))
    code, _, err = cli("claims", "heir", "--db", db, claim, "--name", "Anak Penerima",
                       "--nik", HEIR_NIK, "--relationship", "anak", "--payee",
                       "--bank", "Bank Sumsel Babel", "--account", account)  # fmt: skip
    assert code in (0, 1), err
    for state in ("direkomendasikan", "diverifikasi"):
        code, _, err = cli("claims", "step", "--db", db, claim, state, "--on", on.isoformat())
        assert code == 0, err


def listed(db: Path, *options: str) -> dict[str, list[str]]:
    """``claims list`` as {id: fields}."""
    code, out, err = cli("claims", "list", "--db", db, *options)
    assert code == 0, err
    rows = [line.split("\t") for line in out.splitlines()]
    assert all(len(fields) == 7 for fields in rows), out
    return {fields[0]: fields for fields in rows}


def one_line_refusal(code: int, out: str, err: str) -> str:
    assert code == 2, (out, err)
    assert out == ""
    assert err.startswith("sigap: ") and err.count("\n") == 1 and "Traceback" not in err
    return err


# ---- new ---------------------------------------------------------------------------------


def test_new_jkm_for_a_worker_prints_its_id_and_marks_the_worker_deceased(db: Path) -> None:
    [nik] = worker_niks(db)
    code, out, err = cli("claims", "new", "--db", db, "--kind", "jkm", "--worker", nik,
                         "--event-date", EVENT.isoformat(), "--akta", "AK-1")  # fmt: skip
    assert (code, err) == (0, "")
    claim = out.strip()
    assert len(claim) == 36 and out.count("\n") == 1
    [(status, death)] = query(db, "SELECT status, death_date FROM worker WHERE nik = ?", nik)
    assert (status, death) == ("meninggal", EVENT.isoformat())
    rows = listed(db)
    assert rows[claim][1:5] == ["jkm", rows[claim][2], "diusulkan", "-"]
    code, out, _ = cli("claims", "show", "--db", db, claim)
    assert code == 0 and "Jaminan Kematian (JKM)" in out and "AK-1" in out
    assert nik not in out and nik[:4] + "••••••••" + nik[12:] in out


def test_new_santunan_for_a_resident_is_flagged_without_a_decile(db: Path) -> None:
    first, _ = villages(db)
    code, out, err = cli("claims", "new", "--db", db, "--kind", "santunan_kematian",
                         "--nik", RESIDENT_NIK, "--name", "Warga Satu", "--village", first,
                         "--event-date", EVENT.isoformat(), "--decile", "3")  # fmt: skip
    assert (code, err) == (0, "")
    with_decile = out.strip()
    code, out, err = cli("claims", "new", "--db", db, "--kind", "santunan_kematian",
                         "--nik", OTHER_RESIDENT_NIK, "--name", "Warga Dua", "--village", first,
                         "--event-date", EVENT.isoformat())  # fmt: skip
    assert code == 1, err
    without = out.strip()
    assert "perlu diperiksa" in err and "Desil DTSEN" in err and "1 tanda" in err
    assert OTHER_RESIDENT_NIK not in err + out
    flagged = listed(db, "--flagged")
    assert set(flagged) == {without}
    assert flagged[without][6] == "flag.decile_missing"
    assert listed(db)[with_decile][6] == "-"
    [(worker_id, village)] = query(
        db, "SELECT worker_id, village_code FROM claim WHERE id = ?", without
    )
    assert (worker_id, village) == (None, first)


def test_ineligible_claims_are_refused_with_exit_2_and_nothing_written(db: Path) -> None:
    [nik] = worker_niks(db)
    first, _ = villages(db)
    assert cli("claims", "new", "--db", db, "--kind", "jkm", "--worker", nik,
               "--event-date", EVENT.isoformat())[0] == 0  # fmt: skip
    before = claim_count(db)
    tomorrow = (TODAY + timedelta(days=1)).isoformat()
    refusals = {
        "belum terjadi": ("--kind", "jkk_cacat_total", "--worker", nik, "--event-date", tomorrow),
        "Sudah ada klaim": ("--kind", "jkk_meninggal", "--worker", nik,
                            "--event-date", EVENT.isoformat()),
        "hanya untuk peserta": ("--kind", "jkm", "--nik", RESIDENT_NIK, "--name", "Warga",
                                "--village", first, "--event-date", EVENT.isoformat()),
        "--worker: tidak ada peserta": ("--kind", "jkm", "--worker", "1602000000009999",
                                        "--event-date", EVENT.isoformat()),
        "NIK": ("--kind", "santunan_kematian", "--nik", "1234", "--name", "Warga",
                "--village", first, "--event-date", EVENT.isoformat()),
        "--name dan --village": ("--kind", "santunan_kematian", "--nik", RESIDENT_NIK,
                                 "--event-date", EVENT.isoformat()),
        "hanya dipakai bersama --nik": ("--kind", "jkm", "--worker", nik, "--name", "X",
                                        "--event-date", EVENT.isoformat()),
        "Desil DTSEN": ("--kind", "santunan_kematian", "--nik", RESIDENT_NIK, "--name",
                        "Warga", "--village", first, "--event-date", EVENT.isoformat(),
                        "--decile", "11"),
    }  # fmt: skip
    for expected, options in refusals.items():
        err = one_line_refusal(*cli("claims", "new", "--db", db, *options))
        assert expected in err, (expected, err)
        assert nik not in err and RESIDENT_NIK not in err
    assert claim_count(db) == before


# ---- list --------------------------------------------------------------------------------


def test_list_filters_by_state_kind_kecamatan_clock_and_flags(db: Path) -> None:
    [nik] = worker_niks(db)
    first, other = villages(db)
    code, out, _ = cli("claims", "new", "--db", db, "--kind", "jkm", "--worker", nik,
                       "--event-date", EVENT.isoformat())  # fmt: skip
    jkm = out.strip()
    overdue = new_resident(db, RESIDENT_NIK, first, "--reported", LONG_AGO.isoformat())
    verify(db, overdue, LONG_AGO)
    due = new_resident(db, THIRD_RESIDENT_NIK, other, "--reported", RECENTLY.isoformat(),
                       decile=None)  # fmt: skip
    verify(db, due, RECENTLY)

    everything = listed(db)
    assert set(everything) == {jkm, overdue, due}
    assert list(everything)[:2] == [overdue, due]  # nearest deadline first
    assert everything[overdue][3:5] == ["diverifikasi", "-13"]
    assert everything[due][3:5] == ["diverifikasi", "2"]
    assert set(listed(db, "--state", "diverifikasi")) == {overdue, due}
    assert set(listed(db, "--state", "diusulkan", "--state", "ditolak")) == {jkm}
    assert set(listed(db, "--kind", "jkm")) == {jkm}
    assert set(listed(db, "--kind", "santunan_kematian")) == {overdue, due}
    assert set(listed(db, "--kecamatan", other[:8])) == {due}
    assert overdue in listed(db, "--kecamatan", first[:8].replace(".", ""))
    assert set(listed(db, "--overdue")) == {overdue}
    assert set(listed(db, "--due-within", "3")) == {due}
    assert set(listed(db, "--due-within", "1")) == set()
    assert set(listed(db, "--flagged")) == {due}
    assert set(listed(db, "--flagged", "--overdue")) == set()
    code, out, err = cli("claims", "list", "--db", db, "--kind", "jkk_stmb")
    assert (code, out) == (0, "") and "Tidak ada klaim" in err
    for option in (("--kecamatan", first), ("--kecamatan", "16.02.99.x"),
                   ("--due-within", "-1"), ("--state", "selesai"),
                   ("--overdue", "--due-within", "3")):  # fmt: skip
        err = one_line_refusal(*cli("claims", "list", "--db", db, *option))
        assert option[0] in err, err


# ---- show, doc, heir ---------------------------------------------------------------------


def test_show_tells_everything_with_numbers_masked(db: Path) -> None:
    first, _ = villages(db)
    claim = new_resident(db, RESIDENT_NIK, first, "--reported", LONG_AGO.isoformat())
    code, out, err = cli("claims", "heir", "--db", db, claim[:20], "--name", "Siti Aminah",
                         "--nik", HEIR_NIK, "--relationship", "anak", "--payee",
                         "--bank", "BRI", "--account", ACCOUNT)  # fmt: skip
    assert (code, err) == (0, "")
    assert "Siti Aminah" in out and "•••••••••0123" in out
    assert ACCOUNT not in out and HEIR_NIK not in out
    code, out, err = cli("claims", "doc", "--db", db, claim, "sktm",
                         "--on", LONG_AGO.isoformat(), "--note", "dari kepala desa")  # fmt: skip
    assert code == 0, err
    assert "[x] Surat keterangan tidak mampu (SKTM) (sktm): diterima" in out
    assert "dari kepala desa" in out and "Dokumen wajib yang belum diterima" in out

    code, out, err = cli("claims", "show", "--db", db, claim)
    assert (code, err) == (0, "")
    for text in (claim, "Santunan Kematian (santunan_kematian)", "Diusulkan (diusulkan)",
                 "Warga Bukan Peserta", "1602••••••••0002", "bukan peserta", "AK-77",
                 "Desil DTSEN", "Siti Aminah (Anak)", "1602••••••••0004",
                 "penerima pembayaran BRI •••••••••0123", "dari kepala desa", "Belum lengkap:",
                 "[ ] ", "Rp1.000.000", "Perlu diperiksa:", "Riwayat:", "Diusulkan  oleh admin",
                 "(Admin kabupaten)", "Langkah berikutnya : direkomendasikan, dikembalikan",
                 "Tenggat            : belum berjalan"):  # fmt: skip
        assert text in out, text
    for secret in (RESIDENT_NIK, HEIR_NIK, ACCOUNT):
        assert secret not in out
    code, out, _ = cli("claims", "show", "--db", db, claim, "--full")
    assert code == 0 and ACCOUNT in out and RESIDENT_NIK not in out

    # An amount set by hand (in the window) shows beside the rules' amount.
    app = AppServices.open(db)
    try:
        app.claims.override_amount(app.office.local_actor(), claim, 750_000, "dibayar sebagian")
    finally:
        app.close()
    code, out, _ = cli("claims", "show", "--db", db, claim)
    assert "Jumlah menurut aturan" in out and "Rp1.000.000" in out
    assert "Diubah manual" in out and "Rp750.000, alasan: dibayar sebagian" in out

    # Untick: the document is missing again.
    code, out, _ = cli("claims", "doc", "--db", db, claim, "sktm", "--remove")
    assert code == 0 and "[ ] Surat keterangan tidak mampu (SKTM) (sktm): belum diterima" in out
    err = one_line_refusal(*cli("claims", "doc", "--db", db, claim, "sktm", "--remove",
                                "--on", TODAY.isoformat()))  # fmt: skip
    assert "--remove" in err
    err = one_line_refusal(*cli("claims", "doc", "--db", db, claim, "laporan_polisi"))
    assert "bukan bagian dari berkas" in err


def test_heir_refusals_and_flags(db: Path) -> None:
    first, _ = villages(db)
    claim = new_resident(db, RESIDENT_NIK, first)
    err = one_line_refusal(*cli("claims", "heir", "--db", db, claim, "--name", "Siti",
                                "--nik", HEIR_NIK, "--relationship", "anak",
                                "--payee"))  # fmt: skip
    assert "--bank dan --account" in err
    err = one_line_refusal(*cli("claims", "heir", "--db", db, claim, "--name", "Siti",
                                "--nik", HEIR_NIK, "--relationship", "sepupu"))  # fmt: skip
    assert "--relationship" in err and "istri" in err
    # An heir with the deceased's own NIK: recorded, and flagged for review (exit 1).
    code, out, err = cli("claims", "heir", "--db", db, claim, "--name", "Salah Ketik",
                         "--nik", RESIDENT_NIK, "--relationship", "anak")  # fmt: skip
    assert code == 1 and "perlu diperiksa" in err, err
    assert RESIDENT_NIK not in out + err
    assert "flag.heir_is_deceased" in listed(db, "--flagged")[claim][6]


# ---- steps -------------------------------------------------------------------------------


def test_steps_are_refused_with_the_reason_then_walked_to_payment(db: Path) -> None:
    first, _ = villages(db)
    claim = new_resident(db, RESIDENT_NIK, first)
    assert cli("claims", "heir", "--db", db, claim, "--name", "Siti Aminah", "--nik", HEIR_NIK,
               "--relationship", "anak", "--payee", "--bank", "BRI",
               "--account", ACCOUNT)[0] == 0  # fmt: skip

    # Missing documents: refused, the documents listed by name and by what to type.
    err = one_line_refusal(*cli("claims", "step", "--db", db, claim, "direkomendasikan"))
    assert "dokumen wajib belum diterima" in err and "Akta kematian" in err
    assert "akta_kematian" in err and f"claims doc {claim}" in err
    # Not allowed from the current state: names it and the steps allowed.
    err = one_line_refusal(*cli("claims", "step", "--db", db, claim, "dicairkan"))
    assert "berstatus Diusulkan" in err and "Direkomendasikan" in err
    assert "Tulis salah satu: direkomendasikan, dikembalikan, dibatalkan" in err
    err = one_line_refusal(*cli("claims", "step", "--db", db, claim, "dikembalikan"))
    assert "--reason" in err
    err = one_line_refusal(*cli("claims", "step", "--db", db, claim, "diverifikasi",
                                "--on", (TODAY + timedelta(days=2)).isoformat()))  # fmt: skip
    assert "belum terjadi" in err
    [(status,)] = query(db, "SELECT status FROM claim WHERE id = ?", claim)
    assert status == "diusulkan"

    receive_all(db, claim, "santunan_kematian", TODAY)
    code, out, err = cli("claims", "step", "--db", db, claim, "dikembalikan",
                         "--reason", "KK buram")  # fmt: skip
    assert code == 0, err
    assert "Diusulkan → Dikembalikan" in out
    for state in ("diusulkan", "direkomendasikan", "diverifikasi", "disetujui", "dicairkan"):
        code, out, err = cli("claims", "step", "--db", db, claim, state)
        assert (code, err) == (0, ""), state
    assert "→ Dicairkan" in out and "waktu berhenti" in out
    code, out, _ = cli("claims", "show", "--db", db, claim)
    assert "Dicairkan (dicairkan)" in out and "Langkah berikutnya : -" in out
    assert "Dibayar" in out and "Rp1.000.000" in out
    assert "alasan: KK buram" in out and out.count("oleh admin (Admin kabupaten)") == 7
    err = one_line_refusal(*cli("claims", "step", "--db", db, claim, "dibatalkan",
                                "--reason", "x"))  # fmt: skip
    assert "sudah selesai" in err


# ---- naming claims and bad input ---------------------------------------------------------


def test_claims_by_unique_prefix_unknown_and_ambiguous(db: Path) -> None:
    first, other = villages(db)
    one = new_resident(db, RESIDENT_NIK, first)
    two = new_resident(db, THIRD_RESIDENT_NIK, other)
    shared = os.path.commonprefix([one, two])
    assert shared and len(shared) < 36
    unique = one[: len(shared) + 1]
    code, out, err = cli("claims", "show", "--db", db, unique.upper())
    assert code == 0 and one in out, err
    err = one_line_refusal(*cli("claims", "show", "--db", db, shared))
    assert "lebih dari satu klaim" in err and one in err and two in err
    missing = ("f" if one[0] != "f" else "e") + one[1:]
    for name in (missing, missing[:10]):
        err = one_line_refusal(*cli("claims", "step", "--db", db, name, "dibatalkan",
                                    "--reason", "x"))  # fmt: skip
        assert "tidak ditemukan" in err and "claims list" in err
    err = one_line_refusal(*cli("claims", "show", "--db", db, "klaim-budi"))
    assert "tidak sah" in err


def test_bad_dates_kinds_and_states_exit_2_naming_the_option(db: Path) -> None:
    [nik] = worker_niks(db)
    cases = {
        "--event-date": ("new", "--kind", "jkm", "--worker", nik, "--event-date", "2026-02-30"),
        "--kind": ("new", "--kind", "jkx", "--worker", nik, "--event-date", EVENT.isoformat()),
        "--decile": ("new", "--kind", "santunan_kematian", "--worker", nik,
                     "--event-date", EVENT.isoformat(), "--decile", "tiga"),
        "--worker/--nik": ("new", "--kind", "jkm", "--event-date", EVENT.isoformat()),
        "--on": ("step", "0123", "diverifikasi", "--on", "kemarin"),
        "STATUS": ("step", "0123", "selesai"),
        "DOKUMEN": ("doc", "0123", "ktp"),
    }  # fmt: skip
    for option, argv in cases.items():
        command, *rest = argv
        err = one_line_refusal(*cli("claims", command, "--db", db, *rest))
        for word in option.split("/"):
            assert word in err, (option, err)
        assert nik not in err
    assert claim_count(db) == 0


def test_help_of_every_claims_command_is_indonesian() -> None:
    for command in ("list", "show", "new", "set", "step", "doc", "heir"):
        code, out, _ = cli("claims", command, "--help")
        assert code == 0 and out.startswith("penggunaan:"), command
    code, out, _ = cli("claims", "--help")
    assert code == 0 and "rincian satu klaim" in out


def test_a_read_only_database_lists_and_shows_claims_and_refuses_their_changes(
    db: Path,
) -> None:
    from tests.write_protect import closed_cleanly, write_protected

    first, _ = villages(db)
    claim = new_resident(db, RESIDENT_NIK, first)
    closed_cleanly(db)
    with write_protected(db):
        assert set(listed(db)) == {claim}
        code, out, err = cli("claims", "show", "--db", db, claim[:30])
        assert code == 0 and claim in out, err
        for argv in (
            ("step", claim, "direkomendasikan"),
            ("doc", claim, "sktm"),
            ("heir", claim, "--name", "Siti", "--nik", HEIR_NIK, "--relationship", "anak"),
            ("new", "--kind", "santunan_kematian", "--nik", THIRD_RESIDENT_NIK, "--name", "X",
             "--village", first, "--event-date", EVENT.isoformat()),
        ):  # fmt: skip
            err = one_line_refusal(*cli("claims", argv[0], "--db", db, *argv[1:]))
            assert "hanya dapat dibaca (read-only)" in err, (argv, err)


def test_set_records_particulars_and_heir_a_school_level(db: Path) -> None:
    first, _ = villages(db)
    claim = new_resident(db, RESIDENT_NIK, first, decile=None)
    assert query(db, "SELECT flag_codes FROM claim") == [("flag.decile_missing",)]
    code, out, err = cli("claims", "set", "--db", db, claim[:13], "--decile", "2",
                         "--akta", "AK-99")  # fmt: skip
    assert (code, err) == (0, ""), err
    assert "Data klaim Warga Bukan Peserta dicatat." in out and "Rp" in out
    assert query(db, "SELECT dtsen_decile, death_certificate_no, flags_open FROM claim") == [
        (2, "AK-99", 0)
    ]
    # Nothing to record, a decile out of range, days off on a santunan: exit 2, unchanged.
    for extra, said in (
        ((), "tidak ada yang dicatat"),
        (("--decile", "11"), "Desil DTSEN 11 tidak sah"),
        (("--days-off", "5"), "hanya dicatat pada klaim"),
        (("--decile", "3", "--no-decile"), "tidak boleh dipakai bersama --decile"),
    ):
        code, _, err = cli("claims", "set", "--db", db, claim, *extra)
        assert code == 2 and said in err, (extra, err)
    assert query(db, "SELECT dtsen_decile FROM claim") == [(2,)]
    code, _, err = cli("claims", "set", "--db", db, claim, "--no-decile")
    assert code == 1 and "perlu diperiksa" in err

    code, out, err = cli("claims", "heir", "--db", db, claim, "--name", "Anak Sekolah",
                         "--nik", HEIR_NIK, "--relationship", "anak",
                         "--school-level", "sma")  # fmt: skip
    assert code in (0, 1), err
    assert query(db, "SELECT school_level FROM heir") == [("sma",)]
    code, _, err = cli("claims", "heir", "--db", db, claim, "--name", "Suami",
                       "--nik", THIRD_RESIDENT_NIK, "--relationship", "suami",
                       "--school-level", "smp")  # fmt: skip
    assert code == 2 and "hanya diisi untuk ahli waris anak" in err


def test_a_death_claim_without_its_payee_is_not_recommended(db: Path) -> None:
    first, _ = villages(db)
    claim = new_resident(db, RESIDENT_NIK, first)
    receive_all(db, claim, "santunan_kematian", TODAY)
    err = one_line_refusal(*cli("claims", "step", "--db", db, claim, "direkomendasikan"))
    assert "penerima pembayaran belum dicatat" in err
    assert f"claims heir {claim} --name NAMA" in err and "--payee" in err
    assert query(db, "SELECT status FROM claim") == [("diusulkan",)]
    assert cli("claims", "heir", "--db", db, claim, "--name", "Siti Aminah", "--nik", HEIR_NIK,
               "--relationship", "anak", "--payee", "--bank", "BRI",
               "--account", ACCOUNT)[0] == 0  # fmt: skip
    code, _, err = cli("claims", "step", "--db", db, claim, "direkomendasikan")
    assert (code, err) == (0, "")


def test_a_long_list_in_its_own_process_arrives_whole_and_ends_quietly_when_cut(
    db: Path,
) -> None:
    """The program ends at once after a command (no interpreter teardown): what it wrote
    through a pipe still arrives whole, and a reader that stops early ends it with 0."""
    import subprocess
    import sys

    first, other = villages(db)
    for n, village in enumerate((first, other, first)):
        new_resident(db, f"160206410755{n + 20:04d}", village)
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "claims", "list", "--db", str(db)],
        capture_output=True, text=True, cwd=root, timeout=120,
    )  # fmt: skip
    assert (done.returncode, done.stderr) == (0, "")
    assert len(done.stdout.splitlines()) == claim_count(db) == 3
    cut = subprocess.run(
        f"{sys.executable} -m desktop claims list --db {db} | head -1",
        shell=True, capture_output=True, text=True, cwd=root, timeout=120,
    )  # fmt: skip
    assert cut.returncode == 0 and len(cut.stdout.splitlines()) == 1
    assert "Traceback" not in cut.stderr
    bad = subprocess.run(
        [sys.executable, "-m", "desktop", "claims", "show", "--db", str(db), "zzz"],
        capture_output=True, text=True, cwd=root, timeout=120,
    )  # fmt: skip
    assert bad.returncode == 2 and "tidak sah" in bad.stderr
