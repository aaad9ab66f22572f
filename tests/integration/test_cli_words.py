"""Every word of the command line is in the user's language: Indonesian, or English with the
English setting; --help of every command and the usual refusals included, and never an
English line of a library (argparse, logging, warnings) on the terminal."""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.cli import build_parser, run, words

ROOT = Path(__file__).resolve().parents[2]

# English a library or an untranslated command would print.
ENGLISH = (
    "usage:",
    "positional arguments",
    "optional arguments",
    "options:",
    "show this help",
    "version number",
    "required",
    "invalid choice",
    "choose from",
    "invalid int",
    "unrecognized",
    "expected one argument",
    "argument ",
    "error:",
    "Traceback",
    "Warning",
    "imported",
    "updated",
    "unchanged",
    "rejected",
    "refused",
    " PATH",
)


def english_in(text: str) -> list[str]:
    return [marker for marker in ENGLISH if marker in text]


def cli(*argv: str, language: str | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(argv), out, err, language=language)
    return code, out.getvalue(), err.getvalue()


def process(*argv: str, lang: str, home: Path) -> subprocess.CompletedProcess[str]:
    """``python -m desktop ARGV`` with SIGAP_LANG=*lang* and a home of its own."""
    env = {
        **os.environ,
        "SIGAP_LANG": lang,
        "HOME": str(home),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
    }
    return subprocess.run(
        [sys.executable, "-m", "desktop", *argv],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )


def command_paths() -> list[tuple[str, ...]]:
    """Every command and sub-command of the parser, found by walking it (new ones included)."""
    with words.speaking("id"):
        parser = build_parser()

    def walk(node: argparse.ArgumentParser, path: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
        yield path
        for action in node._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, child in action.choices.items():
                    yield from walk(child, (*path, name))

    return list(walk(parser, ()))


COMMANDS = command_paths()


@pytest.fixture
def hub_db(tmp_path: Path) -> Path:
    db = tmp_path / "hub.db"
    code, _, err = cli("init", "--db", str(db), "--office", "hub", "--region", "16.02",
                       "--name", "Dinas Sosial OKI", language="id")  # fmt: skip
    assert code == 0, err
    return db


def test_the_parser_tree_has_every_command() -> None:
    assert len(COMMANDS) > 15
    for path in [(), ("demo",), ("roster", "import"), ("sync", "import"), ("regions", "import")]:
        assert path in COMMANDS


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "(top)")
def test_help_of_every_command_is_indonesian(path: tuple[str, ...]) -> None:
    code, out, err = cli(*path, "--help", language="id")
    assert (code, err) == (0, "")
    assert out.startswith("penggunaan: python -m desktop")
    assert english_in(out) == [], out
    assert "tampilkan bantuan ini lalu keluar" in out


def test_every_command_and_option_says_what_it_is_for() -> None:
    with words.speaking("id"):
        parser = build_parser()
    missing = []

    def walk(node: argparse.ArgumentParser, path: str) -> None:
        for action in node._actions:
            if isinstance(action, argparse._SubParsersAction):
                for choice in action._choices_actions:
                    if not choice.help:
                        missing.append(f"{path} {choice.dest}")
                for name, child in action.choices.items():
                    walk(child, f"{path} {name}")
            elif not action.help:
                missing.append(f"{path} {'/'.join(action.option_strings) or action.dest}")

    walk(parser, "python -m desktop")
    assert missing == []


def test_demo_help_explains_workers_and_seed() -> None:
    code, out, _ = cli("demo", "--help", language="id")
    assert code == 0
    flat = " ".join(out.split())
    assert "--workers N jumlah peserta yang dibuat (wajib" in flat
    assert "--seed S bilangan awal pengacak" in flat and "(bawaan: 1)" in flat
    assert "data contoh yang sama persis" in flat


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (("init",), "argumen wajib belum diberikan: --office, --region, --name"),
        (("init", "--office", "pusat", "--region", "16.02", "--name", "X"),
         "--office: pilihan 'pusat' tidak dikenal; pilih salah satu: 'hub', 'kecamatan'"),
        (("check", "--bogus"), "argumen tidak dikenal: --bogus"),
        (("check", "--db"), "--db: perlu satu nilai"),
        (("demo", "--workers", "banyak"), "'banyak' bukan bilangan bulat"),
        (("roster",), "argumen wajib belum diberikan: PERINTAH"),
        (("frobnicate",), "pilihan 'frobnicate' tidak dikenal"),
        (("nik", "1602054209800001", "--birth-date", "2-9-1980"), "TAHUN-BULAN-TANGGAL"),
    ],
)  # fmt: skip
def test_usage_refusals_are_one_indonesian_line(argv: tuple[str, ...], expected: str) -> None:
    code, out, err = cli(*argv, language="id")
    assert code == 2 and out == ""
    assert err.startswith("sigap: ") and err.count("\n") == 1, err
    assert expected in err
    assert "Lihat: python -m desktop" in err and "--help" in err
    assert english_in(err) == [], err


def test_roster_import_speaks_the_shared_words(hub_db: Path, tmp_path: Path) -> None:
    good = tmp_path / "peserta.csv"
    good.write_text(
        "NIK;Nama;Jenis kelamin;Tanggal lahir;Kecamatan;Desa\n"
        "1602054209800001;Siti Aminah;P;1980-09-02;16.02.05;16.02.05.2001\n"
        "1602051503850002;Dedi;L;1985-03-15;16.02.05;16.02.05.2001\n",
        encoding="utf-8",
    )
    bad = tmp_path / "bukan-peserta.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    code, out, err = cli("roster", "import", "--db", str(hub_db), str(bad), language="id")
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "tidak punya kolom NIK" in err and english_in(err) == []
    code, out, err = cli("roster", "import", "--db", str(hub_db), str(good), language="id")
    assert english_in(out + err) == [], out + err
    assert out.startswith("ditambahkan ") and ", diperbarui " in out and ", tidak berubah " in out
    assert ", ditolak " in out


def test_check_names_tables_as_people_know_them(hub_db: Path) -> None:
    code, out, _ = cli("check", "--db", str(hub_db), language="id")
    assert code == 0
    assert "Peserta" in out and "Catatan audit" in out and "Perangkat" in out
    for raw in ("worker", "audit_entry", "app_user", "change_log"):
        assert raw not in out


def test_refusals_on_a_real_terminal_are_indonesian_only(hub_db: Path, tmp_path: Path) -> None:
    """The real entry point: no English line of argparse, logging or Python before ours."""
    home = tmp_path / "home"
    junk = tmp_path / "paket.sigap"
    junk.write_bytes(b"PK\x03\x04 bukan paket Sigap" * 40)
    done = process("sync", "import", "--db", str(hub_db), str(junk), lang="id", home=home)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("sigap: ") and done.stderr.count("\n") == 1, done.stderr
    assert english_in(done.stderr) == [], done.stderr
    done = process("roster", "import", "--db", str(hub_db), "--kategori", "x", lang="id", home=home)
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert "argumen tidak dikenal: --kategori" in done.stderr or "belum diberikan" in done.stderr
    assert english_in(done.stderr) == [], done.stderr
    done = process("demo", "--help", lang="id", home=home)
    assert done.returncode == 0 and english_in(done.stdout) == [], done.stdout


def test_log_records_and_warnings_go_to_the_log_file_not_the_terminal(
    hub_db: Path, tmp_path: Path
) -> None:
    """A service that logs (in English, for developers) while a command runs: the terminal
    shows only the command's own words."""
    log = tmp_path / "sigap-cli.log"
    script = (
        "import logging, os, sys, warnings\n"
        "from pathlib import Path\n"
        "from desktop.cli import main, office\n"
        "main._log_file = lambda: Path(os.environ['TEST_LOG'])\n"
        "check = office.cmd_check\n"
        "def noisy(args, out, err):\n"
        "    logging.getLogger('desktop.services.sync').warning('bundle refused: a test')\n"
        "    logging.getLogger('openpyxl.reader').error('a library log record')\n"
        "    warnings.warn('a library Warning', UserWarning)\n"
        "    return check(args, out, err)\n"
        "office.cmd_check = noisy\n"
        "sys.exit(main.run(sys.argv[1:]))\n"
    )
    env = {**os.environ, "SIGAP_LANG": "id", "TEST_LOG": str(log)}
    done = subprocess.run(
        [sys.executable, "-c", script, "check", "--db", str(hub_db)],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert "Keadaan" in done.stdout
    text = log.read_text(encoding="utf-8")
    assert "bundle refused: a test" in text and "a library Warning" in text
    assert "a library log record" in text


# ---- English ------------------------------------------------------------------------------


def test_help_in_english_with_the_english_setting(tmp_path: Path) -> None:
    done = process("--help", lang="en", home=tmp_path)
    assert done.returncode == 0
    assert done.stdout.startswith("usage: python -m desktop")
    assert "options:" in done.stdout and "show this help message and exit" in done.stdout
    assert "penggunaan" not in done.stdout and "pilihan:" not in done.stdout
    code, out, _ = cli("roster", "import", "--help", language="en")
    assert code == 0 and out.startswith("usage: ") and "positional arguments" in out
    code, _, err = cli("init", language="en")
    assert code == 2 and "the following arguments are required" in err


def test_english_setting_chosen_in_the_window_applies(
    hub_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SIGAP_LANG unset: the language chosen in the window (Pengaturan → Bahasa) holds."""
    from desktop.ui.settings import save_language  # QSettings: a folder of this test's own

    monkeypatch.delenv("SIGAP_LANG", raising=False)
    code, out, _ = cli("--help")
    assert out.startswith("penggunaan: ")  # never chosen: Indonesian, whatever the system
    save_language("en")
    code, out, _ = cli("check", "--db", str(hub_db))
    assert code == 0
    assert "Workers" in out and "Audit entries" in out and "Peserta" not in out
    code, out, _ = cli("--help")
    assert out.startswith("usage: ")
    monkeypatch.setenv("SIGAP_LANG", "id")  # SIGAP_LANG still comes first
    code, out, _ = cli("--help")
    assert out.startswith("penggunaan: ")


def test_findings_are_english_with_the_english_setting(hub_db: Path, tmp_path: Path) -> None:
    missing = tmp_path / "tidak-ada.csv"
    code, out, err = cli("roster", "import", "--db", str(hub_db), str(missing), language="en")
    assert code == 2
    assert "tidak ditemukan" not in err and "not found" in err.lower(), err


def test_decimals_and_sizes_follow_the_language() -> None:
    with words.speaking("id"):
        assert words.decimal(1.44) == "1,4"
        assert words.file_size(2048) == "2,0\u00a0KB"
        assert words.integer(120000) == "120.000"
    with words.speaking("en"):
        assert words.decimal(1.44) == "1.4"
        assert words.integer(120000) == "120,000"


def test_argparse_is_left_as_it_was_after_a_command() -> None:
    before = (argparse._, argparse.ngettext)  # type: ignore[attr-defined]
    cli("init", language="id")
    cli("--help", language="id")
    assert (argparse._, argparse.ngettext) == before  # type: ignore[attr-defined]
