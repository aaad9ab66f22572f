"""Review of the Klaim tab's screens: bugs a clerk or an admin would hit, each proved by a
test that failed before its fix."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.domain.claims import ClaimStatus
from desktop.services.app import AppServices
from desktop.ui.claims.model import COL_NAME
from tests.gui import test_claim_detail as base
from tests.gui.test_claim_detail import click_box, joined, last_dialog, open_view, santunan

template = base.template
app = base.app
LEFT = Qt.MouseButton.LeftButton


def test_ticking_a_document_again_keeps_its_note(qtbot: QtBot, app: AppServices) -> None:
    """Unticking a document says its note stays; ticking it again shows that note in the
    dialog and keeps it (the empty note field erased it unseen)."""
    admin = app.office.local_actor()
    claim = santunan(app, admin)
    item = app.claims.detail(admin, claim).documents[0].item
    app.claims.receive(admin, claim, item, on=date(2026, 11, 4), note="Asli, dilegalisir")
    app.claims.unreceive(admin, claim, item)
    view = open_view(qtbot, app, claim, [admin])
    assert "Catatan: Asli, dilegalisir" in joined(view.documents_section)
    click_box(qtbot, view.document_checks[item.value])
    dialog = last_dialog(view)
    assert dialog.reason_edit.text() == "Asli, dilegalisir"
    assert not dialog.is_dirty()
    qtbot.mouseClick(dialog.ok_button, LEFT)
    QApplication.processEvents()
    assert not dialog.isVisible(), dialog.message.text()
    [document] = [d for d in app.claims.detail(admin, claim).documents if d.item is item]
    assert document.received_on is not None and document.note == "Asli, dilegalisir"


def test_the_detail_follows_a_change_made_elsewhere(qtbot: QtBot, tmp_path: Path) -> None:
    """A change the Klaim tab did not make (a sync import, the holiday list, the command
    line) reads the list again through update_counts: the claim shown in the detail is read
    again too, not left with its old status and step buttons."""
    from tests.gui import test_claims_tab as tab_tests

    path = tmp_path / "demo.db"
    made = AppServices.open(path)
    made.demo.generate(workers=tab_tests.WORKERS, seed=5)
    made.close()
    demo = AppServices.open(path)
    try:
        tab = tab_tests.shown_tab(qtbot, demo)
        admin = demo.office.local_actor()
        rows = tab_tests.rows(tab)
        row = next(n for n, c in enumerate(rows) if c.status is ClaimStatus.DIUSULKAN)
        rect = tab.table.visualRect(tab.model.index(row, COL_NAME))
        qtbot.mouseClick(tab.table.viewport(), LEFT, pos=rect.center())
        chosen = rows[row]
        assert tab.detail.detail is not None and tab.detail.detail.id == chosen.id
        assert ClaimStatus.DIBATALKAN in tab.detail.step_buttons

        demo.claims.step(admin, chosen.id, "dibatalkan", reason="Dilaporkan dua kali")
        with qtbot.waitSignal(tab.idsLoaded, timeout=10_000):
            tab.update_counts(demo.health.counts())
        tab.wait_for_queries()
        QApplication.processEvents()
        assert tab.detail.detail is not None
        assert tab.detail.detail.status is ClaimStatus.DIBATALKAN
        assert tab.detail.step_buttons == {}
    finally:
        demo.close()


def test_an_amount_too_large_to_store_is_refused_in_the_dialog(
    qtbot: QtBot, app: AppServices
) -> None:
    """A slip of the keyboard in the amount (30 digits fit the field) is refused with a
    message in the dialog, which keeps what was typed (SQLite's 64-bit limit raised a
    TypeError out of the button's slot)."""
    from desktop.ui.claims.amount_dialog import AmountDialog
    from tests.gui.worker_form_steps import type_into

    admin = app.office.local_actor()
    claim = santunan(app, admin)
    view = open_view(qtbot, app, claim, [admin])
    qtbot.mouseClick(view.amount_button, LEFT)
    dialog = view.dialog
    assert isinstance(dialog, AmountDialog)
    type_into(qtbot, dialog.amount_edit, "100000000000000000000")
    type_into(qtbot, dialog.reason_edit, "SK Bupati 12/2026")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.isVisible()
    assert "Rp1.000.000.000.000" in dialog.message.text()
    assert dialog.amount_edit.text() == "100000000000000000000"
    detail = app.claims.detail(admin, claim)
    assert detail.amount is not None and detail.amount.override is None


def test_a_dialog_saves_to_its_claim_when_the_list_cleared_the_detail_meanwhile(
    qtbot: QtBot, app: AppServices
) -> None:
    """The list clears the detail when the claim leaves it (a sync import finishing behind
    a step dialog): the reason typed is still saved to the claim the dialog was opened for
    (the dialog closed as if done, nothing saved, no word said)."""
    from tests.gui.worker_form_steps import type_into

    admin = app.office.local_actor()
    claim = santunan(app, admin)
    view = open_view(qtbot, app, claim, [admin])
    qtbot.mouseClick(view.step_buttons[ClaimStatus.DIBATALKAN], LEFT)
    dialog = last_dialog(view)
    view.show_claim(None)  # what ClaimsTab._ids_ready does when the claim left the list
    type_into(qtbot, dialog.reason_edit, "Dilaporkan dua kali")
    qtbot.mouseClick(dialog.ok_button, LEFT)
    assert not dialog.isVisible(), dialog.message.text()
    assert app.claims.detail(admin, claim).status is ClaimStatus.DIBATALKAN
