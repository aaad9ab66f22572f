"""The claim particulars dialog in a real window over the Klaim tab: a santunan kematian
(akta and DTSEN decile) and an STMB claim (days off and road accident), each inside the
screen with nothing cut. Run on Xvfb::

    Xvfb :95 -screen 0 1366x768x24 &
    DISPLAY=:95 QT_QPA_PLATFORM=xcb .venv/bin/pytest tests/e2e/test_particulars_screens.py \
        -o addopts="" -q --basetemp=/tmp/particulars

The santunan's PNG lands in docs/screenshots/claim-particulars.png; the STMB one in the
test's temporary folder (particulars-stmb.png), for a look.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.services.app import AppServices
from desktop.ui.claims.particulars_dialog import ParticularsDialog
from desktop.ui.main_window import MainWindow
from tests.e2e.screens import REAL_DISPLAY, shoot
from tests.gui.fit import assert_fits, assert_nothing_cut

pytestmark = REAL_DISPLAY


def first_claim(services: AppServices, kind: str) -> str:
    """A claim of *kind* still with the kecamatan (its particulars can be changed)."""
    claims = services.claims
    actor = services.office.local_actor()
    rowids = claims.ids(actor, claims.criteria(kinds=[kind], statuses=["diusulkan"]))
    assert len(rowids), f"the demo has no {kind} claim still proposed"
    [row] = claims.rows(actor, [rowids[0]])
    return row.id


def on_screen(qtbot: QtBot, dialog: ParticularsDialog) -> None:
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    screen = dialog.screen().availableGeometry()
    QCursor.setPos(screen.bottomRight())  # no hover look on what lies under the pointer
    qtbot.wait(200)
    assert screen.contains(dialog.frameGeometry()), (dialog.frameGeometry(), screen)
    assert_fits(dialog)
    assert_nothing_cut(dialog)


def test_the_particulars_dialog_in_a_real_window(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    services = AppServices.open(tmp_path / "sigap.db")
    services.demo.generate(workers=400, seed=7)
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.showMaximized()
    qtbot.waitExposed(window)
    window.tabs.setCurrentWidget(window.claims_tab)

    santunan = ParticularsDialog(services, first_claim(services, "santunan_kematian"), window)
    qtbot.addWidget(santunan)
    on_screen(qtbot, santunan)
    santunan.akta_edit.selectAll()
    qtbot.keyClicks(santunan.akta_edit, "1602-KM-14102026-0031")
    santunan.decile_combo.setFocus()
    qtbot.keyClicks(santunan.decile_combo, "3")
    assert santunan.decile_combo.currentText() == "3"
    shoot(qtbot, "claim-particulars")
    santunan.done(0)  # thrown away without the unsaved-changes question

    stmb = ParticularsDialog(services, first_claim(services, "jkk_stmb"), window)
    qtbot.addWidget(stmb)
    on_screen(qtbot, stmb)
    stmb.days_edit.selectAll()
    qtbot.keyClicks(stmb.days_edit, "4x")
    assert not stmb.save_button.isEnabled()
    qtbot.keyClick(stmb.days_edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(stmb.days_edit, "5")
    assert stmb.save_button.isEnabled()
    assert_nothing_cut(stmb)
    qtbot.wait(300)
    subprocess.run(
        ["import", "-window", "root", str(tmp_path / "particulars-stmb.png")],
        check=True,
        timeout=30,
    )
    qtbot.keyClicks(stmb.days_edit, "x")
    assert_nothing_cut(stmb)
    qtbot.wait(300)
    subprocess.run(
        ["import", "-window", "root", str(tmp_path / "particulars-stmb-wrong.png")],
        check=True,
        timeout=30,
    )
    stmb.done(0)
    window.close()
