"""Claims opened from the roster: a worker's row menu, the worker form's button, and the
offer that follows recording a worker's death; each announces the claim by claimOpened."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.domain.claims import ClaimKind
from desktop.services.app import AppServices
from desktop.ui.roster.model import ObjectRole
from desktop.ui.roster.status_dialog import StatusDialog
from desktop.ui.roster.tab import RosterTab
from desktop.ui.roster.worker_dialog import WorkerDialog
from tests import fixtures_messy as messy
from tests.gui.conftest import MessageBoxes
from tests.gui.mnemonics import clashes, menu_mnemonics
from tests.gui.test_new_claim_dialog import add_worker, query, type_date

TODAY = date.today()


@pytest.fixture
def roster(
    qtbot: QtBot, office_services: AppServices, tmp_path: Path
) -> Iterator[tuple[RosterTab, str]]:
    """The OKI hub's roster tab with one worker, covered for two years."""
    actor = office_services.office.local_actor()
    office_services.regions.import_file(messy.write_regions(tmp_path), actor=actor)
    worker = add_worker(office_services, 1)
    tab = RosterTab(office_services)
    qtbot.addWidget(tab)
    tab.resize(1200, 700)
    with qtbot.waitSignal(tab.idsLoaded, timeout=5000):
        tab.update_counts(office_services.health.counts())
    tab.show()
    qtbot.waitExposed(tab)
    yield tab, worker
    tab.wait_for_queries()


def save_claim(qtbot: QtBot, tab: RosterTab) -> str:
    dialog = tab.claim_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.save_button.isEnabled(), dialog.save_button.toolTip()
    with qtbot.waitSignal(tab.claimOpened) as opened:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    return str(opened.args[0])


def test_the_row_menu_opens_a_claim_for_the_worker(
    qtbot: QtBot, roster: tuple[RosterTab, str], office_services: AppServices
) -> None:
    tab, worker = roster
    menu = tab.row_menu(tab.model.index(0, 0))
    assert menu is not None
    assert clashes(menu_mnemonics(menu)) == {}
    [claim_action] = [a for a in menu.actions() if a.text() == "Buka &klaim…"]
    assert claim_action.isEnabled()
    claim_action.trigger()
    dialog = tab.claim_dialog
    assert dialog is not None and "Budi Santoso" in dialog.worker_label.text()
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(ClaimKind.JKM.value))
    type_date(qtbot, dialog.event_edit, TODAY - timedelta(days=6))
    claim = save_claim(qtbot, tab)
    assert query(office_services, "SELECT worker_id, kind FROM claim WHERE id = ?", claim) == [
        (worker, "jkm")
    ]
    # The JKM death reached the roster: the row shows the worker deceased after the reload.
    qtbot.waitUntil(
        lambda: tab.model.data(tab.model.index(0, 0), ObjectRole).status == "meninggal",
        timeout=3000,
    )


def test_the_worker_forms_button_opens_a_claim_and_the_form_shows_the_death(
    qtbot: QtBot, roster: tuple[RosterTab, str]
) -> None:
    tab, worker = roster
    form = tab.open_worker(worker)
    assert isinstance(form, WorkerDialog)
    assert form.claim_button.isVisible() and form.claim_button.isEnabled()
    qtbot.mouseClick(form.claim_button, Qt.MouseButton.LeftButton)
    dialog = tab.claim_dialog
    assert dialog is not None and dialog.parent() is form
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData(ClaimKind.JKK_DEATH.value))
    type_date(qtbot, dialog.event_edit, TODAY - timedelta(days=4))
    save_claim(qtbot, tab)
    assert "Meninggal" in form.form.status_label.text()


def record_death(qtbot: QtBot, form: WorkerDialog, died: date) -> None:
    form.change_status()
    status = form.status_dialog
    assert isinstance(status, StatusDialog)
    status.status_combo.setCurrentIndex(status.status_combo.findData("meninggal"))
    status.death_date_edit.setDate(died)
    qtbot.mouseClick(status.save_button, Qt.MouseButton.LeftButton)


def test_recording_a_death_offers_the_jkm_claim(
    qtbot: QtBot,
    roster: tuple[RosterTab, str],
    office_services: AppServices,
    message_boxes: MessageBoxes,
) -> None:
    tab, worker = roster
    form = tab.open_worker(worker)
    assert form is not None
    died = TODAY - timedelta(days=3)
    record_death(qtbot, form, died)
    offer = message_boxes.shown[-1]
    assert offer.text == (
        "Budi Santoso tercatat meninggal dunia. Buka klaim JKM (Jaminan Kematian) sekarang?"
    )
    assert offer.buttons == ["Buka klaim JKM", "Nanti saja"]
    dialog = tab.claim_dialog
    assert dialog is not None
    assert dialog.kind() is ClaimKind.JKM
    assert dialog.event_edit.date() == died  # the date just recorded
    claim = save_claim(qtbot, tab)
    assert query(office_services, "SELECT kind, event_date FROM claim WHERE id = ?", claim) == [
        ("jkm", died.isoformat())
    ]


def test_the_offer_declined_opens_nothing(
    qtbot: QtBot, roster: tuple[RosterTab, str], message_boxes: MessageBoxes
) -> None:
    tab, worker = roster
    form = tab.open_worker(worker)
    assert form is not None
    message_boxes.answer = QMessageBox.ButtonRole.RejectRole
    record_death(qtbot, form, TODAY - timedelta(days=3))
    assert "Buka klaim JKM" in message_boxes.texts[-1]
    assert tab.claim_dialog is None
    # Another status change (not a new death) offers nothing.
    count = len(message_boxes.shown)
    record_death(qtbot, form, TODAY - timedelta(days=2))
    assert len(message_boxes.shown) == count
