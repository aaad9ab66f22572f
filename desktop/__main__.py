"""``python -m desktop``: no command opens the window, a command runs headless."""

from __future__ import annotations

import sys
from pathlib import Path


def _open_window(db: Path | None) -> int:
    from desktop.ui.app import run_gui

    return int(run_gui(db, [sys.argv[0]]))


def main(argv: list[str] | None = None) -> int:
    """Entry point of the application and of its command line."""
    from desktop.cli import run

    return run(sys.argv[1:] if argv is None else argv, gui=_open_window)


if __name__ == "__main__":
    sys.exit(main())
