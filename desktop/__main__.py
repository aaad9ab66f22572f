"""``python -m desktop``: no command opens the window, a command runs headless."""

from __future__ import annotations

import sys
from pathlib import Path

_window_opened = False


def _open_window(db: Path | None) -> int:
    global _window_opened
    from desktop.ui.app import run_gui

    _window_opened = True
    return int(run_gui(db, [sys.argv[0]]))


def main(argv: list[str] | None = None) -> int:
    """Entry point of the application and of its command line."""
    from desktop.cli import run

    return run(sys.argv[1:] if argv is None else argv, gui=_open_window)


def entry() -> None:
    """Run as a program (``python -m desktop``, the ``sigap`` script, the packaged app).

    After a command, the process ends at once once its output and log are flushed: Python's
    own teardown of SQLAlchemy and the rest takes ~0.13 s of a command such as ``claims
    list`` and has nothing left to write (every database connection is closed by then)."""
    code = main()
    if _window_opened:
        sys.exit(code)
    import contextlib
    import logging
    import os

    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # a closed pipe (| head)
            stream.flush()
    logging.shutdown()
    os._exit(code)


if __name__ == "__main__":
    entry()
