"""What every command shares: exit codes, the argument parser that speaks the user's language,
progress on the terminal, and opening the database."""

from __future__ import annotations

import argparse
import time
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO

from desktop.cli.words import integer, translate
from desktop.domain.categories import Sex, parse_sex
from desktop.domain.findings import QT_TRANSLATE_NOOP
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
    """argparse that reports usage errors in the user's language with exit code 2 (argparse's
    own words are translated while a command runs: see :func:`desktop.cli.words.speaking`)."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(
            translate("Cli", "{problem}. Lihat: python -m desktop {command}--help").format(
                problem=message, command=self._sub_hint()
            )
        )

    def _sub_hint(self) -> str:
        words = self.prog.split()[3:] if self.prog.startswith("python -m desktop") else []
        return " ".join(words) + " " if words else ""


def add_command(
    commands: argparse._SubParsersAction,  # type: ignore[type-arg]
    name: str,
    help_text: str,
    description: str | None = None,
) -> argparse.ArgumentParser:
    """Add the command *name*: *help_text* in its parent's list, *description* (or the same
    text) at the top of its own --help."""
    if description is None:  # the help line as a sentence
        first = next((i for i, char in enumerate(help_text) if char.isalpha()), 0)
        description = (
            help_text[:first] + help_text[first:].capitalize()[:1] + help_text[first + 1 :]
        )
        description += "" if description.endswith(".") else "."
    parser: argparse.ArgumentParser = commands.add_parser(
        name, help=help_text, description=description
    )
    return parser


def add_subcommands(parser: argparse.ArgumentParser, dest: str) -> argparse._SubParsersAction:  # type: ignore[type-arg]
    """Give *parser* required sub-commands, listed under COMMAND in its --help."""
    return parser.add_subparsers(
        dest=dest,
        metavar=translate("CliHelp", "PERINTAH"),
        parser_class=Parser,
        required=True,
        title=translate("CliHelp", "perintah"),
    )


def add_db(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    """Give *parser* the --db option."""
    # Sub-commands must not reset a --db given before the command name.
    parser.add_argument(
        "--db",
        type=Path,
        default=None if top else argparse.SUPPRESS,
        metavar=translate("CliHelp", "BERKAS"),
        help=translate(
            "CliHelp",
            "berkas basis data (bawaan: $SIGAP_DB, atau sigap.db di folder data pengguna)",
        ),
    )


def iso_date(text: str) -> date:
    """An argument in the YYYY-MM-DD form."""
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(
            translate(
                "Cli",
                "tanggal {text} tidak sah; tulis sebagai TAHUN-BULAN-TANGGAL, mis. 1980-09-02",
            ).format(text=repr(text))
        ) from exc


def sex_arg(text: str) -> Sex:
    """An argument naming a sex (L or P)."""
    sex = parse_sex(text)
    if sex is None:
        raise argparse.ArgumentTypeError(
            translate("Cli", "jenis kelamin {text} tidak dikenal; pakai L atau P").format(
                text=repr(text)
            )
        )
    return sex


def whole_number(text: str) -> int:
    """An argument that is a whole number (dots or commas between thousands allowed)."""
    try:
        return int(text.replace(".", "").replace(",", "").replace("_", ""))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(
            translate("Cli", "{text} bukan bilangan bulat; tulis angka saja, mis. 1000").format(
                text=repr(text)
            )
        ) from exc


# The sync service reports its stages by code (the window shows the same words).
_STAGE_WORDS = {
    "export": QT_TRANSLATE_NOOP("Progress", "Menulis paket"),
    "merge": QT_TRANSLATE_NOOP("Progress", "Menggabungkan data"),
}


class TextProgress:
    """A one-line progress bar on stderr (only when stderr is a terminal).

    A stage is an Indonesian label marked QT_TRANSLATE_NOOP("Progress", …) or a sync stage
    code; either is shown in the user's language.
    """

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._enabled = stream.isatty()
        self._last = 0.0
        self._stage = ""

    def __call__(self, done: int, total: int, stage: str) -> None:
        if not self._enabled:
            return
        stage = translate("Progress", _STAGE_WORDS.get(stage, stage))
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
            self._stream.write(f"\r{stage} [{bar}] {integer(done)}/{integer(total)}")
        else:
            self._stream.write(f"\r{stage} …")
        self._stream.flush()

    def finish(self) -> None:
        """End the line."""
        if self._enabled and self._stage:
            self._stream.write("\n")
            self._stream.flush()


def number(value: int) -> str:
    """An integer with the language's grouping ("120.000" in Indonesian)."""
    return integer(value)


def db_path(args: argparse.Namespace) -> Path:
    """The database the command works on."""
    return Path(args.db) if args.db is not None else default_db_path()


def open_services(args: argparse.Namespace, *, create: bool = False) -> AppServices:
    """Open the command's database (``--db`` or the default) with every service."""
    from desktop.services.app import AppServices

    return AppServices.open(db_path(args), create=create)
