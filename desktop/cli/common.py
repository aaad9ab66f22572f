"""What every command shares: exit codes, the Indonesian argument parser, progress on the
terminal, and opening the database."""

from __future__ import annotations

import argparse
import time
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

from desktop.domain.categories import Sex, parse_sex
from desktop.services.paths import default_db_path

if TYPE_CHECKING:
    from desktop.services.app import AppServices

EXIT_OK = 0
EXIT_ATTENTION = 1
EXIT_UNUSABLE = 2
EXIT_INTERNAL = 3
EXIT_CANCELLED = 130


class UsageError(Exception):
    """Bad command-line usage; the message is shown as is."""


class Parser(argparse.ArgumentParser):
    """argparse that reports usage errors in Indonesian with exit code 2."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message}. Lihat: python -m desktop {self._sub_hint()}--help")

    def _sub_hint(self) -> str:
        words = self.prog.split()[3:] if self.prog.startswith("python -m desktop") else []
        return " ".join(words) + " " if words else ""


def add_db(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    """Give *parser* the --db option."""
    # Sub-commands must not reset a --db given before the command name.
    parser.add_argument(
        "--db",
        type=Path,
        default=None if top else argparse.SUPPRESS,
        metavar="PATH",
        help="berkas basis data (bawaan: $SIGAP_DB atau sigap.db di folder data pengguna)",
    )


def iso_date(text: str) -> date:
    """An argument in the YYYY-MM-DD form."""
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(
            f"tanggal {text!r} tidak sah; tulis sebagai TAHUN-BULAN-TANGGAL, mis. 1980-09-02"
        ) from exc


def sex_arg(text: str) -> Sex:
    """An argument naming a sex (L or P)."""
    sex = parse_sex(text)
    if sex is None:
        raise argparse.ArgumentTypeError(f"jenis kelamin {text!r} tidak dikenal; pakai L atau P")
    return sex


class TextProgress:
    """A one-line progress bar on stderr (only when stderr is a terminal)."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._enabled = stream.isatty()
        self._last = 0.0
        self._stage = ""

    def __call__(self, done: int, total: int, stage: str) -> None:
        if not self._enabled:
            return
        now = time.monotonic()
        if stage == self._stage and now - self._last < 0.2 and done < total:
            return
        if stage != self._stage and self._stage:
            self._stream.write("\n")
        self._stage, self._last = stage, now
        if total > 0:
            width = 30
            filled = int(width * done / total)
            bar = "#" * filled + "-" * (width - filled)
            self._stream.write(f"\r{stage} [{bar}] {done:,}/{total:,}".replace(",", "."))
        else:
            self._stream.write(f"\r{stage} …")
        self._stream.flush()

    def finish(self) -> None:
        """End the line."""
        if self._enabled and self._stage:
            self._stream.write("\n")
            self._stream.flush()


def number(value: int) -> str:
    """An integer with Indonesian thousands dots."""
    return f"{value:,}".replace(",", ".")


def db_path(args: argparse.Namespace) -> Path:
    """The database the command works on."""
    return Path(args.db) if args.db is not None else default_db_path()


def open_services(args: argparse.Namespace, *, create: bool = False) -> AppServices:
    """Open the command's database (``--db`` or the default) with every service."""
    from desktop.services.app import AppServices

    return AppServices.open(db_path(args), create=create)
