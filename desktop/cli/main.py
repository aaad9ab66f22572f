"""The headless commands: parse, call one service, print.

Exit codes are a contract for every command:
0 done; 1 done, but some items were rejected or need attention (count on stderr);
2 unusable input or usage (one line in Bahasa Indonesia on stderr, no traceback);
3 an internal error (a bug: details in the log file named on stderr);
130 cancelled with Ctrl+C (nothing was written).

Every word on the terminal is in the user's language (:mod:`desktop.cli.words`), ``--help``
and argparse's errors included; log records of the services (English, for developers) go to
the log file, never to the terminal.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, redirect_stdout
from pathlib import Path
from typing import TextIO

from desktop import __version__
from desktop.cli import claims, office, roster, sync, words
from desktop.cli.common import (
    EXIT_CANCELLED,
    EXIT_INTERNAL,
    EXIT_OK,
    EXIT_UNUSABLE,
    Parser,
    UsageError,
    add_db,
)
from desktop.cli.words import translate
from desktop.domain.findings import DomainError

log = logging.getLogger("desktop.cli")

Handler = Callable[[argparse.Namespace, TextIO, TextIO], int]


def build_parser() -> argparse.ArgumentParser:
    """Return the parser of every command."""
    parser = Parser(
        prog="python -m desktop",
        description=translate(
            "CliHelp",
            "Sigap: data peserta, klaim dan surat jaminan sosial ketenagakerjaan kabupaten. "
            "Tanpa perintah: membuka aplikasi.",
        ),
        epilog=translate(
            "CliHelp",
            "Bantuan tiap perintah: python -m desktop PERINTAH --help. Kode keluar: 0 selesai; "
            "1 selesai, tetapi ada yang ditolak atau perlu diperiksa; 2 masukan atau perintah "
            "tidak dapat dipakai; 3 kesalahan di dalam aplikasi; 130 dibatalkan (Ctrl+C).",
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"Sigap {__version__}",
        help=translate("CliHelp", "tampilkan versi Sigap lalu keluar"),
    )
    add_db(parser, top=True)
    commands = parser.add_subparsers(
        dest="command",
        metavar=translate("CliHelp", "PERINTAH"),
        parser_class=Parser,
        title=translate("CliHelp", "perintah"),
    )

    office.add_parsers(commands)
    roster.add_parsers(commands)
    sync.add_parsers(commands)
    claims.add_parsers(commands)
    return parser


def _log_file() -> Path:
    """The log of internal errors, in a folder for the user alone."""
    from platformdirs import user_log_dir

    from desktop.store.files import private_dir

    folder = private_dir(Path(user_log_dir("Sigap", appauthor=False)))
    return folder / "sigap-cli.log"


class _LogFile(logging.Handler):
    """Log records of the services, appended to the log file (never shown on the terminal)."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            from desktop.store.files import open_private_log

            with open_private_log(_log_file()) as fh:
                fh.write(f"{time.strftime('%Y-%m-%d %H:%M:%S')} {self.format(record)}\n")
        except Exception:  # noqa: BLE001 - a log that cannot be written is not the user's problem
            pass


@contextmanager
def _logs_to_file() -> Iterator[None]:
    """While a command runs, send log records and Python warnings to the log file.

    Without a handler, Python prints warnings and errors of any logger on stderr in English
    (a refused bundle's "bundle refused: …"), and a library's warning as a Python warning;
    the user reads the command's own line instead.
    """
    handler = _LogFile(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()  # Sigap's loggers and every library's (alembic, openpyxl …)
    root.addHandler(handler)
    logging.captureWarnings(True)
    try:
        yield
    finally:
        logging.captureWarnings(False)
        root.removeHandler(handler)


def run(
    argv: Sequence[str],
    out: TextIO | None = None,
    err: TextIO | None = None,
    *,
    gui: Callable[[Path | None], int] | None = None,
    language: str | None = None,
) -> int:
    """Run one command; return its exit code (never raises for bad input).

    Without a command, *gui* opens the window on ``--db`` (or the default database). The
    command speaks *language* ("id" or "en"; by default the window's choice).
    """
    out = out or sys.stdout
    err = err or sys.stderr
    with words.speaking(language or words.chosen_language()):
        try:
            args = _parse(argv, out)
            if args.command is not None:
                handler: Handler = args.handler
                with _logs_to_file():
                    return handler(args, out, err)
            if gui is None:
                raise UsageError(
                    translate("Cli", "tidak ada perintah. Lihat: python -m desktop --help")
                )
        except _Shown:
            return EXIT_OK
        except UsageError as exc:
            err.write(f"sigap: {exc}\n")
            return EXIT_UNUSABLE
        except DomainError as exc:
            err.write(f"sigap: {words.finding(exc.finding)}\n")
            return EXIT_UNUSABLE
        except KeyboardInterrupt:
            cancelled = translate("Cli", "dibatalkan; tidak ada data yang diubah.")
            err.write(f"\nsigap: {cancelled}\n")
            return EXIT_CANCELLED
        except Exception:
            err.write(f"sigap: {_internal_error(argv)}\n")
            return EXIT_INTERNAL
    return gui(args.db)  # the window chooses its language itself


class _Shown(Exception):
    """--help or --version was printed."""


def _parse(argv: Sequence[str], out: TextIO) -> argparse.Namespace:
    """Parse *argv*; --help and --version are printed on *out* (then :class:`_Shown`)."""
    parser = build_parser()
    try:
        with redirect_stdout(out):
            return parser.parse_args(list(argv))
    except SystemExit as exc:  # argparse exits after printing --help or --version
        if exc.code:
            raise
        raise _Shown from None


def _internal_error(argv: Sequence[str]) -> str:
    """Log the exception being handled; return what to tell the user."""
    try:
        from desktop.store.files import open_private_log

        path = _log_file()
        with open_private_log(path) as fh:
            fh.write(f"--- {time.strftime('%Y-%m-%d %H:%M:%S')} {' '.join(argv[:2])}\n")
            fh.write(traceback.format_exc())
        where = " " + translate("Cli", "Rincian dicatat di {path}.").format(path=path)
    except OSError:
        where = ""
    return translate(
        "Cli", "terjadi kesalahan di dalam aplikasi.{where} Laporkan ke pengembang."
    ).format(where=where)
