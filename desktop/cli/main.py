"""The headless commands: parse, call one service, print.

Exit codes are a contract for every command:
0 done; 1 done, but some items were rejected or need attention (count on stderr);
2 unusable input or usage (one line in Bahasa Indonesia on stderr, no traceback);
3 an internal error (a bug: details in the log file named on stderr);
130 cancelled with Ctrl+C (nothing was written).
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from desktop import __version__
from desktop.cli import office, roster, sync
from desktop.cli.common import (
    EXIT_CANCELLED,
    EXIT_INTERNAL,
    EXIT_UNUSABLE,
    Parser,
    UsageError,
    add_db,
)
from desktop.domain.findings import DomainError

log = logging.getLogger("desktop.cli")

Handler = Callable[[argparse.Namespace, TextIO, TextIO], int]


def build_parser() -> argparse.ArgumentParser:
    """Return the parser of every command."""
    parser = Parser(
        prog="python -m desktop",
        description="Sigap: data peserta, klaim dan surat jaminan sosial ketenagakerjaan "
        "kabupaten. Tanpa perintah: membuka aplikasi.",
    )
    parser.add_argument("--version", action="version", version=f"Sigap {__version__}")
    add_db(parser, top=True)
    commands = parser.add_subparsers(dest="command", metavar="PERINTAH", parser_class=Parser)

    office.add_parsers(commands)
    roster.add_parsers(commands)
    sync.add_parsers(commands)
    return parser


def _log_file() -> Path:
    """The log of internal errors, in a folder for the user alone."""
    from platformdirs import user_log_dir

    from desktop.store.files import private_dir

    folder = private_dir(Path(user_log_dir("Sigap", appauthor=False)))
    return folder / "sigap-cli.log"


def run(
    argv: Sequence[str],
    out: TextIO | None = None,
    err: TextIO | None = None,
    *,
    gui: Callable[[Path | None], int] | None = None,
) -> int:
    """Run one command; return its exit code (never raises for bad input).

    Without a command, *gui* opens the window on ``--db`` (or the default database).
    """
    out = out or sys.stdout
    err = err or sys.stderr
    parser = build_parser()
    try:
        args = parser.parse_args(list(argv))
        if args.command is None:
            if gui is None:
                raise UsageError("tidak ada perintah. Lihat: python -m desktop --help")
            return gui(args.db)
        handler: Handler = args.handler
        return handler(args, out, err)
    except UsageError as exc:
        err.write(f"sigap: {exc}\n")
        return EXIT_UNUSABLE
    except DomainError as exc:
        err.write(f"sigap: {exc.finding.message}\n")
        return EXIT_UNUSABLE
    except KeyboardInterrupt:
        err.write("\nsigap: dibatalkan; tidak ada data yang diubah.\n")
        return EXIT_CANCELLED
    except Exception:
        try:
            from desktop.store.files import open_private_log

            path = _log_file()
            with open_private_log(path) as fh:
                fh.write(f"--- {time.strftime('%Y-%m-%d %H:%M:%S')} {' '.join(argv[:2])}\n")
                fh.write(traceback.format_exc())
            where = f" Rincian dicatat di {path}."
        except OSError:
            where = ""
        err.write(f"sigap: terjadi kesalahan di dalam aplikasi.{where} Laporkan ke pengembang.\n")
        return EXIT_INTERNAL
