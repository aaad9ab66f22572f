"""Where the application's resource files (translations, icons) live, in a checkout or a bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    """Return the ``resources`` directory: beside the PyInstaller bundle or the source tree."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    # desktop/ui/resources.py → the project root is two packages up.
    return Path(__file__).resolve().parents[2] / "resources"


def resource_path(*parts: str) -> Path:
    """Return the path of a resource file, e.g. ``resource_path("icons", "sigap.svg")``."""
    return resources_dir().joinpath(*parts)
