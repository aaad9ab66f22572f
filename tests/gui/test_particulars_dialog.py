"""The claim particulars dialog, driven like a clerk would: only the fields of the claim's
kind, what is chosen or typed saved through the claim service (flags and amount follow), the
service's refusals said in the dialog with what was typed kept, and Esc asking about unsaved
changes."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.domain.documents import checklist
from desktop.domain.findings import DomainError, Finding
from desktop.services.app import AppServices
from desktop.ui.claims.particulars_dialog import ParticularsDialog
from tests.gui import test_claim_detail as detail_tests
from tests.gui.conftest import MessageBoxes
from tests.gui.fit import assert_fits, assert_nothing_cut
from tests.integration import test_claim_service as base
from tests.integration.test_claim_service import operator, resident, workers

# The claim service tests' demo hub (OKI, 60 workers), copied for each test, its claim
# service's today being TODAY.
template = base.template
app = detail_tests.app
DIED = date(2026, 10, 20)


def santunan(app: AppServices) -> str:
    """A santunan kematian for a resident not in the roster, with its akta but no decile."""
    return app.claims.open_claim(
        app.office.local_actor(),
        "santunan_kematian",
        subject=resident(app),
        event_date=date(2026, 11, 1),
        akta="1602-KM-0001",
    )


def stmb(app: AppServices) -> str:
    """An STMB claim (temporary inability after a work accident) for a roster worker."""
    [worker] = workers(app)
    return app.claims.open_claim(
        app.office.local_actor(), "jkk_stmb", worker_id=worker, event_date=DIED
    )


def opened(qtbot: QtBot, app: AppServices, claim: str) -> ParticularsDialog:
    dialog = ParticularsDialog(app, claim)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def shown_fields(dialog: ParticularsDialog) -> set[str]:
    fields = {
        "akta": dialog.akta_edit,
        "decile": dialog.decile_combo,
        "traffic": dialog.traffic_check,
        "days": dialog.days_edit,
    }
    return {name for name, widget in fields.items() if widget.isVisible()}


def flag_codes(app: AppServices, claim: str) -> set[str]:
    return {f.code for f in app.claims.detail(app.office.local_actor(), claim).flags}


def click_save(qtbot: QtBot, dialog: ParticularsDialog) -> None:
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def test_a_santunan_shows_akta_and_decile_and_the_decile_clears_its_flag(
    qtbot: QtBot, app: AppServices, message_boxes: MessageBoxes
) -> None:
    claim = santunan(app)
    assert "flag.decile_missing" in flag_codes(app, claim)
    dialog = opened(qtbot, app, claim)
    assert shown_fields(dialog) == {"akta", "decile"}
    assert dialog.akta_edit.text() == "1602-KM-0001"
    assert dialog.decile_combo.currentText() == "Belum diketahui"
    assert "perlu diperiksa" in dialog.decile_hint.text()
    assert "Warga Bukan Peserta" in dialog.subject_label.text()
    assert_fits(dialog)
    assert_nothing_cut(dialog)

    dialog.decile_combo.setFocus()
    qtbot.keyClicks(dialog.decile_combo, "3")
    assert dialog.decile_combo.currentText() == "3"
    with qtbot.waitSignal(dialog.saved) as saved:
        click_save(qtbot, dialog)
    assert saved.args == [claim]
    assert not dialog.isVisible()
    assert message_boxes.shown == []
    detail = app.claims.detail(app.office.local_actor(), claim)
    assert detail.dtsen_decile == 3
    assert detail.death_certificate_no == "1602-KM-0001"  # not sent, not changed
    assert "flag.decile_missing" not in flag_codes(app, claim)


def test_only_what_changed_is_sent(
    qtbot: QtBot, app: AppServices, monkeypatch: pytest.MonkeyPatch
) -> None:
    claim = santunan(app)
    sent: list[dict[str, Any]] = []
    real = app.claims.update_particulars

    def spy(actor: Any, claim_id: str, **changes: Any) -> bool:
        sent.append(changes)
        return real(actor, claim_id, **changes)

    monkeypatch.setattr(app.claims, "update_particulars", spy)
    dialog = opened(qtbot, app, claim)
    dialog.akta_edit.selectAll()
    qtbot.keyClicks(dialog.akta_edit, "1602-KM-0099")
    click_save(qtbot, dialog)
    assert sent == [{"akta": "1602-KM-0099"}]

    # Opened again and closed by Simpan with nothing changed: nothing is sent.
    again = opened(qtbot, app, claim)
    assert again.akta_edit.text() == "1602-KM-0099"
    click_save(qtbot, again)
    assert sent == [{"akta": "1602-KM-0099"}] and not again.isVisible()


def test_an_stmb_claim_shows_days_and_road_accident_and_the_days_set_the_amount(
    qtbot: QtBot, app: AppServices
) -> None:
    claim = stmb(app)
    admin = app.office.local_actor()
    before = app.claims.detail(admin, claim)
    assert before.days_off is None and before.amount is not None
    dialog = opened(qtbot, app, claim)
    assert shown_fields(dialog) == {"days", "traffic"}
    assert dialog.days_edit.text() == "" and not dialog.traffic_check.isChecked()
    assert "dihitung dari jumlah hari" in dialog.days_hint.text()
    assert "laporan polisi" in dialog.traffic_hint.text()
    assert_fits(dialog)
    assert_nothing_cut(dialog)

    qtbot.keyClicks(dialog.days_edit, "4x")
    assert "Tulis angka saja" in dialog.days_message.message()
    assert not dialog.save_button.isEnabled()
    assert "Hari tidak mampu bekerja" in dialog.reason_line.text()
    qtbot.keyClick(dialog.days_edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(dialog.days_edit, "5")
    assert dialog.days_message.message() == "" and dialog.save_button.isEnabled()
    on_box = QPoint(8, dialog.traffic_check.height() // 2)
    qtbot.mouseClick(dialog.traffic_check, Qt.MouseButton.LeftButton, pos=on_box)
    assert dialog.traffic_check.isChecked()
    with qtbot.waitSignal(dialog.saved):
        click_save(qtbot, dialog)
    after = app.claims.detail(admin, claim)
    assert after.days_off == 45 and after.accident_is_traffic
    assert after.amount is not None and after.amount.total > before.amount.total


def test_a_refusal_is_shown_and_what_was_chosen_stays(
    qtbot: QtBot, app: AppServices, message_boxes: MessageBoxes, monkeypatch: pytest.MonkeyPatch
) -> None:
    admin = app.office.local_actor()
    kecamatan = operator(admin)
    claim = app.claims.open_claim(
        kecamatan, "santunan_kematian", subject=resident(app), event_date=date(2026, 11, 1)
    )
    for item in checklist("santunan_kematian"):
        app.claims.receive(kecamatan, claim, item)
    app.claims.add_heir(
        kecamatan, claim, name="Anak", relationship="anak", payee=True, bank="BSB", account="77"
    )
    app.claims.step(kecamatan, claim, "direkomendasikan")
    app.claims.step(admin, claim, "diverifikasi")
    # The kecamatan's operator at the keyboard: the file is with the regency now.
    monkeypatch.setattr(app.office, "local_actor", lambda: kecamatan)
    dialog = opened(qtbot, app, claim)
    dialog.decile_combo.setFocus()
    qtbot.keyClicks(dialog.decile_combo, "3")
    dialog.akta_edit.selectAll()
    qtbot.keyClicks(dialog.akta_edit, "1602-KM-0007")
    click_save(qtbot, dialog)

    assert dialog.isVisible()
    assert "sudah di kantor kabupaten" in dialog.message.text()
    assert dialog.message.isVisible()
    assert [m.text for m in message_boxes.shown] == [dialog.message.text()]
    assert dialog.decile_combo.currentText() == "3"
    assert dialog.akta_edit.text() == "1602-KM-0007"
    assert app.claims.detail(admin, claim).dtsen_decile is None
    assert_nothing_cut(dialog)


def test_a_refusal_of_a_field_is_said_under_it(
    qtbot: QtBot, app: AppServices, monkeypatch: pytest.MonkeyPatch
) -> None:
    claim = stmb(app)

    def refuse(actor: Any, claim_id: str, **changes: Any) -> bool:
        raise DomainError(
            Finding.error("claim.days_off_range", "Jumlah hari {days} tidak sah.", days=9)
        )

    monkeypatch.setattr(app.claims, "update_particulars", refuse)
    dialog = opened(qtbot, app, claim)
    qtbot.keyClicks(dialog.days_edit, "9")
    click_save(qtbot, dialog)
    assert dialog.isVisible()
    assert dialog.days_message.message() == "Jumlah hari 9 tidak sah."
    assert dialog.message.text() == ""
    assert dialog.days_edit.text() == "9"


def test_esc_with_changes_asks_and_without_closes_silently(
    qtbot: QtBot, app: AppServices, message_boxes: MessageBoxes
) -> None:
    claim = stmb(app)
    quiet = opened(qtbot, app, claim)
    qtbot.keyClick(quiet, Qt.Key.Key_Escape)
    assert not quiet.isVisible() and message_boxes.shown == []

    dialog = opened(qtbot, app, claim)
    qtbot.keyClicks(dialog.days_edit, "30")
    message_boxes.answer = QMessageBox.ButtonRole.RejectRole  # Batal: back to the form
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    [asked] = message_boxes.shown
    assert sorted(asked.buttons) == ["Batal", "Buang perubahan", "Simpan"]
    assert dialog.isVisible() and dialog.days_edit.text() == "30"

    message_boxes.answer = QMessageBox.ButtonRole.DestructiveRole  # Buang perubahan
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert app.claims.detail(app.office.local_actor(), claim).days_off is None

    saving = opened(qtbot, app, claim)
    qtbot.keyClicks(saving.days_edit, "30")
    message_boxes.answer = QMessageBox.ButtonRole.AcceptRole  # Simpan
    with qtbot.waitSignal(saving.saved):
        qtbot.keyClick(saving, Qt.Key.Key_Escape)
    assert not saving.isVisible()
    assert app.claims.detail(app.office.local_actor(), claim).days_off == 30


def test_a_database_that_can_only_be_read_says_why_nothing_can_be_saved(
    qtbot: QtBot, app: AppServices, monkeypatch: pytest.MonkeyPatch
) -> None:
    claim = santunan(app)
    why = Finding.error("database.read_only", "Berkas basis data ini hanya dapat dibaca.")
    reader = replace(app.office.local_actor(), read_only=why)
    monkeypatch.setattr(app.office, "local_actor", lambda: reader)
    dialog = opened(qtbot, app, claim)
    assert dialog.akta_edit.text() == "1602-KM-0001"
    assert not dialog.save_button.isEnabled() and not dialog.akta_edit.isEnabled()
    assert dialog.reason_line.text() == "Berkas basis data ini hanya dapat dibaca."
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
