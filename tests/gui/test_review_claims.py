"""Review of the Klaim tab's screens: bugs a clerk or an admin would hit, each proved by a
test that failed before its fix."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.services.app import AppServices
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
