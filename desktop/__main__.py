"""``python -m desktop``: no command opens the window, a command runs headless."""

from __future__ import annotations

import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    """Entry point of the application and of its command line."""
    args = sys.argv[1:] if argv is None else argv
    from desktop.cli import run, wants_gui

    if wants_gui(args):
        from desktop.ui.app import run_gui

        db: Path | None = None
        if args:
            db = Path(args[1] if args[0] == "--db" else args[0].split("=", 1)[1])
        return run_gui(db, [sys.argv[0]])
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
