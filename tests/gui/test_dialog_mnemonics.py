"""No Alt+letter opens two things in the demo and join dialogs (issue 18, item 7)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop.services.app import AppServices
from desktop.ui.dialogs.demo import DemoDialog
from desktop.ui.sync.join import JoinDialog
from tests.gui.mnemonics import clashes, window_mnemonics


def test_the_demo_dialog_with_its_file_row_has_no_clash(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = DemoDialog(database=tmp_path / "sigap.db")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.choose_button.isVisible()
    assert clashes(window_mnemonics(dialog)) == {}


def test_the_join_dialog_has_no_clash(qtbot: QtBot, services: AppServices) -> None:
    dialog = JoinDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.choose_button.isVisible()
    assert clashes(window_mnemonics(dialog)) == {}
