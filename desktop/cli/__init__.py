"""The headless commands (``python -m desktop <command>``): parse, call one service, print.

One module per group of commands (office, roster, sync), each adding its parsers and
handlers; :mod:`desktop.cli.main` assembles them and runs one command under the exit-code
contract (see there).
"""

from desktop.cli.main import build_parser, run

__all__ = ["build_parser", "run"]
