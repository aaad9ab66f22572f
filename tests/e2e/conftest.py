"""Fixtures of the real-window tests: the Indonesian UI, message boxes recorded, not shown."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.ui import messages
from desktop.ui.i18n import install_translator


@pytest.fixture(autouse=True)
def indonesian(qapp: QApplication) -> None:
    """What run_gui does on an Indonesian system: Indonesian text and number formats."""
    install_translator(qapp, "id")


@pytest.fixture(autouse=True)
def no_blocking_message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record the text of every message box instead of waiting for a click on it."""
    shown: list[str] = []

    def record(box: QMessageBox) -> QMessageBox.ButtonRole:
        shown.append(box.text())
        return QMessageBox.ButtonRole.AcceptRole

    monkeypatch.setattr(messages, "run_box", record)
    return shown
