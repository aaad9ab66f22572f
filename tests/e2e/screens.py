"""What the real-window tests share: where the screenshots go and how they are taken."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(os.environ.get("SIGAP_SCREENSHOTS", ROOT / "docs" / "screenshots"))

# The marks of every real-window test module: `pytestmark = REAL_DISPLAY`.
REAL_DISPLAY = [
    pytest.mark.slow,
    pytest.mark.skipif(
        os.environ.get("QT_QPA_PLATFORM") != "xcb" or not os.environ.get("DISPLAY"),
        reason="needs a real X display: DISPLAY=:99 QT_QPA_PLATFORM=xcb",
    ),
]


def shoot(qtbot: QtBot, name: str) -> Path:
    """Let the window paint, then photograph the whole screen."""
    qtbot.wait(400)
    QApplication.processEvents()
    OUT.mkdir(parents=True, exist_ok=True)
    target = OUT / f"{name}.png"
    if shutil.which("import"):
        subprocess.run(["import", "-window", "root", str(target)], check=True, timeout=30)
    else:
        screen = QGuiApplication.primaryScreen()
        assert screen is not None
        assert screen.grabWindow(0).save(str(target))
    return target
