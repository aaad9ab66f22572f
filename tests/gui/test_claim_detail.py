"""The claim detail of the Klaim tab, driven as a clerk would: documents ticked, a step
refused for a missing document, a JKM claim and a resident's santunan walked to payment
through the step buttons and their dialogs, the deadline and the timeline read off the
screen, heirs with a masked account, a flag cleared by the admin, what a role may not do."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain.categories import Sex
from desktop.domain.claims import ClaimStatus
from desktop.domain.documents import DocumentItem
from desktop.domain.nik import make_nik
from desktop.services.app import AppServices
from desktop.services.claims import ClaimService
from desktop.services.permissions import Role
from desktop.store.unit_of_work import Actor
from desktop.ui.claims.amount_dialog import AmountDialog
from desktop.ui.claims.detail import ClaimDetailView
from desktop.ui.claims.heir_dialog import HeirDialog
from desktop.ui.claims.sections import ERROR_COLOR, days_left_text, short_date
from desktop.ui.claims.step_dialog import ReasonDialog
from tests.gui.conftest import MessageBoxes
from tests.gui.fit import assert_nothing_cut
from tests.gui.mnemonics import clashes, window_mnemonics
from tests.gui.worker_form_steps import type_date, type_into
from tests.integration import test_claim_service as service_tests
from tests.integration.test_claim_service import RESIDENT_NIK, TODAY, operator, resident, workers

HEIR_NIK = make_nik("16.02.06", date(1980, 3, 15), Sex.MALE, 1)
LEFT = Qt.MouseButton.LeftButton


# The claim service tests' demo hub (OKI, 60 workers, no claims), copied for each test.
template = service_tests.template


@pytest.fixture
def app(template: Path, tmp_path: Path) -> Iterator[AppServices]:
    path = tmp_path / "demo.db"
    shutil.copy(template, path)
    opened = AppServices.open(path)
    opened.claims = ClaimService(opened.database.engine, today=lambda: TODAY)
    yield opened
    opened.close()


def viewer(admin: Actor) -> Actor:
    return Actor(admin.user_id, "tamu", Role.VIEWER.value, admin.device_id)


def a_worker(app: AppServices) -> str:
    """An active worker covered 1 Jan to 31 Dec 2026."""
    [worker] = workers(app)
    return worker


def open_view(qtbot: QtBot, app: AppServices, claim: str, who: list[Actor]) -> ClaimDetailView:
    """The detail of *claim* in a 600×700 window, acting as ``who[0]``."""
    view = ClaimDetailView(app, actor=lambda: who[0], today=lambda: TODAY)
    qtbot.addWidget(view)
    view.resize(600, 700)
    view.show()
    qtbot.waitExposed(view)
    view.show_claim(claim)
    QApplication.processEvents()
    return view


def shown_texts(widget: QWidget) -> list[str]:
    """The texts of the labels shown in *widget*."""
    QApplication.processEvents()  # widgets a layout got show with the next turn of the loop
    return [
        label.text()
        for label in widget.findChildren(QLabel)
        if label.isVisibleTo(widget.window()) and label.text()
    ]


def joined(widget: QWidget) -> str:
    return "\n".join(shown_texts(widget))


def step_buttons(view: ClaimDetailView) -> list[str]:
    QApplication.processEvents()
    return [b.text() for b in view.step_buttons.values() if b.isVisibleTo(view)]


def last_dialog(view: ClaimDetailView) -> ReasonDialog:
    dialog = view.dialog
    assert isinstance(dialog, ReasonDialog) and dialog.isVisible()
    return dialog


def click_box(qtbot: QtBot, box: QCheckBox) -> None:
    """Click a check box on its box (a wide one's middle may be past its text)."""
    qtbot.mouseClick(box, LEFT, pos=QPoint(6, box.height() // 2))


def tick(
    qtbot: QtBot, view: ClaimDetailView, item: DocumentItem, day: date, note: str = ""
) -> None:
    """Tick a document as received on *day*."""
    QApplication.processEvents()
    click_box(qtbot, view.document_checks[item.value])
    dialog = last_dialog(view)
    type_date(qtbot, dialog.date_edit, day)
    if note:
        type_into(qtbot, dialog.reason_edit, note)
    qtbot.mouseClick(dialog.ok_button, LEFT)
    assert not dialog.isVisible(), dialog.message.text()


def step(
    qtbot: QtBot,
    view: ClaimDetailView,
    status: ClaimStatus,
    day: date,
    reason: str = "",
    extra: str = "",
) -> ReasonDialog:
    """Press the step's button, fill its dialog and press its button."""
    QApplication.processEvents()
    qtbot.mouseClick(view.step_buttons[status], LEFT)
    dialog = last_dialog(view)
    type_date(qtbot, dialog.date_edit, day)
    if reason:
        type_into(qtbot, dialog.reason_edit, reason)
    if extra:
        type_into(qtbot, dialog.extra_edit, extra)
    qtbot.mouseClick(dialog.ok_button, LEFT)
    return dialog


def test_a_jkm_claim_is_walked_to_payment_through_the_buttons(
    qtbot: QtBot, app: AppServices, message_boxes: MessageBoxes
) -> None:
    admin = app.office.local_actor()
    claim = app.claims.open_claim(
        admin,
        "jkm",
        worker_id=a_worker(app),
        event_date=date(2026, 10, 20),
        akta="AK-1",
        reported_date=date(2026, 10, 22),
    )
    view = open_view(qtbot, app, claim, [admin])
    changed: list[str] = []
    view.claimChanged.connect(changed.append)
    detail = app.claims.detail(admin, claim)
    assert view.title.text() == detail.subject_name
    assert "Diusulkan" in view.subtitle.text()
    assert step_buttons(view) == ["Rekomendasikan", "Kembalikan", "Batalkan"]
    assert "20-10-2026" in joined(view.subject_section)  # the day of death
    assert detail.subject_nik not in joined(view.subject_section)  # masked
    assert detail.subject_nik[-4:] in joined(view.subject_section)
    assert_nothing_cut(view)

    required = [d.item for d in detail.documents if d.required]
    *first, last = required
    for item in first:
        tick(qtbot, view, item, date(2026, 11, 2))
    assert changed == [claim] * len(first)
    assert view.document_checks[first[0].value].isChecked()
    assert "diterima 02-11-2026" in joined(view.documents_section)
    assert f"Belum diterima: {last.label}." in joined(view.documents_section)

    # Recommending with one document missing is refused, naming it; what was typed stays.
    dialog = step(qtbot, view, ClaimStatus.DIREKOMENDASIKAN, date(2026, 11, 3))
    assert dialog.isVisible()
    assert last.label in dialog.message.text()
    assert last.label in message_boxes.texts[-1]
    assert dialog.date_edit.text() == "03-11-2026"
    message_boxes.answer = QMessageBox.ButtonRole.DestructiveRole  # Buang perubahan
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    message_boxes.answer = QMessageBox.ButtonRole.AcceptRole
    assert app.claims.detail(admin, claim).status is ClaimStatus.DIUSULKAN

    tick(qtbot, view, last, date(2026, 11, 4), note="Fotokopi dilegalisir")
    assert "Berkas lengkap sejak 04-11-2026." in joined(view.documents_section)
    assert "Catatan: Fotokopi dilegalisir" in joined(view.documents_section)
    assert "04-11-2026" in joined(view.status_section)

    # The file is complete, but the heir it is paid to is not recorded yet: refused.
    assert view.findChild(QLabel, "payeeMissing") is not None
    dialog = step(qtbot, view, ClaimStatus.DIREKOMENDASIKAN, date(2026, 11, 5))
    assert dialog.isVisible() and "penerima pembayaran belum dicatat" in dialog.message.text()
    dialog.done(0)
    add_payee(app, admin, claim)
    view.refresh()
    assert view.findChild(QLabel, "payeeMissing") is None
    step(qtbot, view, ClaimStatus.DIREKOMENDASIKAN, date(2026, 11, 5))
    assert "Direkomendasikan" in view.subtitle.text()
    # Returning needs a reason: its button stays grey until one is typed.
    qtbot.mouseClick(view.step_buttons[ClaimStatus.DIKEMBALIKAN], LEFT)
    back = last_dialog(view)
    assert not back.ok_button.isEnabled()
    assert "Alasan" in back.reason_line.text()
    type_date(qtbot, back.date_edit, date(2026, 11, 6))
    type_into(qtbot, back.reason_edit, "Tanda tangan kepala desa kurang")
    assert back.ok_button.isEnabled()
    qtbot.mouseClick(back.ok_button, LEFT)
    assert not back.isVisible()
    assert "Dikembalikan" in view.subtitle.text()
    step(qtbot, view, ClaimStatus.DIUSULKAN, date(2026, 11, 7))
    step(qtbot, view, ClaimStatus.DIREKOMENDASIKAN, date(2026, 11, 7))
    step(qtbot, view, ClaimStatus.DIVERIFIKASI, date(2026, 11, 9))

    detail = app.claims.detail(admin, claim)
    assert detail.deadline is not None and detail.days_left is not None
    status_text = joined(view.status_section)
    assert f"Batas waktu:\n{short_date(detail.deadline)}" in status_text
    assert view.findChild(QLabel, "daysLeft").text() == days_left_text(detail.days_left)
    assert "09-11-2026" in status_text
    assert_nothing_cut(view)

    step(qtbot, view, ClaimStatus.DISETUJUI, date(2026, 11, 10), extra="SK-12/2026")
    step(qtbot, view, ClaimStatus.DIAJUKAN_BPJS, date(2026, 11, 11))
    assert step_buttons(view) == ["Catat pembayaran BPJS", "Tolak", "Batalkan"]
    step(qtbot, view, ClaimStatus.DIBAYAR_BPJS, date(2026, 11, 12), extra="TRF-9")
    assert "Dibayar BPJS" in view.subtitle.text()
    assert step_buttons(view) == []
    assert view.steps_hint.text() == "Klaim sudah selesai: tidak ada langkah lagi."

    timeline = shown_texts(view.timeline_section)
    heads = [t for t in timeline if " · " in t]
    assert heads == [
        "22-10-2026 · Diusulkan",
        "05-11-2026 · Direkomendasikan",
        "06-11-2026 · Dikembalikan",
        "07-11-2026 · Diusulkan",
        "07-11-2026 · Direkomendasikan",
        "09-11-2026 · Diverifikasi",
        "10-11-2026 · Disetujui",
        "11-11-2026 · Diajukan ke BPJS",
        "12-11-2026 · Dibayar BPJS",
    ]
    assert "Alasan: Tanda tangan kepala desa kurang" in timeline
    assert "oleh admin (Admin kabupaten)" in timeline
    assert "Dibayarkan" in joined(view.amount_section)
    assert_nothing_cut(view)


def test_a_santunan_for_a_resident_goes_from_the_kecamatan_to_payment(
    qtbot: QtBot, app: AppServices
) -> None:
    admin = app.office.local_actor()
    who = [operator(admin)]
    claim = app.claims.open_claim(
        who[0],
        "santunan_kematian",
        subject=resident(app),
        event_date=date(2026, 11, 1),
        akta="1602-KM-0001",
        decile=3,
        reported_date=date(2026, 11, 3),
    )
    view = open_view(qtbot, app, claim, who)
    subject = joined(view.subject_section)
    assert "bukan peserta" in subject and "1602-KM-0001" in subject and "Desil DTSEN:\n3" in subject
    # The kecamatan recommends or withdraws; returning and deciding are the regency's.
    assert step_buttons(view) == ["Rekomendasikan", "Batalkan"]
    detail = app.claims.detail(who[0], claim)
    for document in detail.documents:
        if document.required:
            tick(qtbot, view, document.item, date(2026, 11, 9))
    add_payee(app, who[0], claim)
    view.refresh()
    step(qtbot, view, ClaimStatus.DIREKOMENDASIKAN, date(2026, 11, 9))
    assert "Direkomendasikan" in view.subtitle.text()
    # The file is with the regency now: no step, no tick for the kecamatan.
    assert step_buttons(view) == []
    assert view.steps_hint.text() == "Tidak ada langkah yang boleh Anda ambil pada status ini."
    assert not any(check.isEnabled() for check in view.document_checks.values())
    assert not view.add_heir_button.isEnabled()

    who[0] = admin
    view.refresh()
    QApplication.processEvents()
    assert step_buttons(view) == ["Verifikasi", "Kembalikan", "Batalkan"]
    step(qtbot, view, ClaimStatus.DIVERIFIKASI, date(2026, 11, 10))
    detail = app.claims.detail(admin, claim)
    assert detail.deadline == date(2026, 11, 17)
    status_text = joined(view.status_section)
    assert "17-11-2026" in status_text and "1 hari lagi" in status_text
    assert "Batas waktu sudah dekat." in status_text
    step(qtbot, view, ClaimStatus.DISETUJUI, date(2026, 11, 12), extra="SK-1")
    assert step_buttons(view) == ["Catat pencairan", "Batalkan"]
    step(qtbot, view, ClaimStatus.DICAIRKAN, date(2026, 11, 13), extra="TRF1")
    assert "Dicairkan" in view.subtitle.text()
    amount = joined(view.amount_section)
    assert "Dibayarkan\nRp1.000.000" in amount
    timeline = shown_texts(view.timeline_section)
    assert [t for t in timeline if " · " in t] == [
        "03-11-2026 · Diusulkan",
        "09-11-2026 · Direkomendasikan",
        "10-11-2026 · Diverifikasi",
        "12-11-2026 · Disetujui",
        "13-11-2026 · Dicairkan",
    ]
    assert timeline.count("oleh operator (Operator kecamatan)") == 2
    assert_nothing_cut(view)


def add_payee(app: AppServices, actor: Actor, claim: str) -> str:
    """The heir a death claim is paid to, with an account of its own per claim."""
    return service_tests.add_payee(app.claims, actor, claim)


def santunan(app: AppServices, actor: Actor, decile: int | None = 2) -> str:
    return app.claims.open_claim(
        actor,
        "santunan_kematian",
        subject=resident(app),
        event_date=date(2026, 11, 1),
        decile=decile,
        reported_date=date(2026, 11, 3),
    )


def test_an_heir_paid_to_an_account_shown_masked_then_in_full(
    qtbot: QtBot, app: AppServices
) -> None:
    admin = app.office.local_actor()
    claim = santunan(app, admin)
    view = open_view(qtbot, app, claim, [admin])
    assert "Belum ada ahli waris." in joined(view.heirs_section)
    qtbot.mouseClick(view.add_heir_button, LEFT)
    dialog = view.dialog
    assert isinstance(dialog, HeirDialog) and dialog.isVisible()
    assert not dialog.save_button.isEnabled()
    type_into(qtbot, dialog.name_edit, "Anak Almarhum")
    type_into(qtbot, dialog.nik_edit, "1602061503")
    assert "NIK" in dialog.reason_line.text()  # a NIK too short is wrong
    assert dialog.nik_message.message()
    type_into(qtbot, dialog.nik_edit, HEIR_NIK)
    assert dialog.nik_message.kind() != "error"
    dialog.relationship_combo.setFocus()
    qtbot.keyClicks(dialog.relationship_combo, "Anak")
    click_box(qtbot, dialog.payee_check)
    assert dialog.holder_edit.text() == "Anak Almarhum"
    assert "Nama bank" in dialog.reason_line.text()
    type_into(qtbot, dialog.bank_edit, "Bank Sumsel Babel")
    type_into(qtbot, dialog.account_edit, "123-456-78AB")
    assert not dialog.save_button.isEnabled()
    type_into(qtbot, dialog.account_edit, "123-456-7890")
    assert dialog.save_button.isEnabled(), dialog.reason_line.text()
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert not dialog.isVisible(), dialog.message.text()

    heirs = joined(view.heirs_section)
    assert "Anak Almarhum — Anak" in heirs
    assert "7890" in heirs and "1234567890" not in heirs
    assert HEIR_NIK not in heirs
    view.full_numbers_check.setChecked(True)
    heirs = joined(view.heirs_section)
    assert "Penerima pembayaran: Bank Sumsel Babel, rekening 1234567890, a.n. Anak Almarhum" in (
        heirs
    )
    assert HEIR_NIK in heirs
    assert RESIDENT_NIK in joined(view.subject_section)
    assert_nothing_cut(view)


def test_a_second_payee_is_refused_and_what_was_typed_stays(
    qtbot: QtBot, app: AppServices, message_boxes: MessageBoxes
) -> None:
    admin = app.office.local_actor()
    claim = santunan(app, admin)
    app.claims.add_heir(admin, claim, name="Istri", relationship="istri", payee=True, account="1")
    view = open_view(qtbot, app, claim, [admin])
    dialog = view.edit_heir(None)
    type_into(qtbot, dialog.name_edit, "Anak Dua")
    dialog.relationship_combo.setCurrentIndex(dialog.relationship_combo.findData("anak"))
    click_box(qtbot, dialog.payee_check)
    type_into(qtbot, dialog.bank_edit, "BRI")
    type_into(qtbot, dialog.account_edit, "555")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert dialog.isVisible()
    assert "Hanya satu ahli waris" in dialog.message.text()
    assert "Hanya satu ahli waris" in message_boxes.texts[-1]
    assert dialog.name_edit.text() == "Anak Dua" and dialog.account_edit.text() == "555"


def test_esc_on_the_heir_dialog_with_changes_asks_first(
    qtbot: QtBot, app: AppServices, message_boxes: MessageBoxes
) -> None:
    admin = app.office.local_actor()
    claim = santunan(app, admin)
    view = open_view(qtbot, app, claim, [admin])
    qtbot.mouseClick(view.add_heir_button, LEFT)
    dialog = view.dialog
    assert isinstance(dialog, HeirDialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing typed: it just closes
    assert not dialog.isVisible() and message_boxes.shown == []
    qtbot.mouseClick(view.add_heir_button, LEFT)
    dialog = view.dialog
    assert isinstance(dialog, HeirDialog)
    type_into(qtbot, dialog.name_edit, "Anak")
    message_boxes.answer = QMessageBox.ButtonRole.RejectRole  # Batal: back to the form
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    [asked] = message_boxes.shown
    assert asked.title == "Tambah ahli waris"
    assert asked.text == "Ada perubahan yang belum disimpan. Simpan dulu?"
    assert dialog.isVisible() and dialog.name_edit.text() == "Anak"


def test_an_admin_clears_a_flag_with_a_reason(qtbot: QtBot, app: AppServices) -> None:
    admin = app.office.local_actor()
    who = [operator(admin)]
    claim = santunan(app, who[0], decile=None)  # no decile: flagged until it is recorded
    view = open_view(qtbot, app, claim, who)
    flag = view.findChild(QLabel, "flag_flag.decile_missing")
    assert flag is not None and flag.isVisibleTo(view)
    clear = view.findChild(QPushButton, "clear_flag.decile_missing")
    assert clear is not None and not clear.isVisibleTo(view)  # the kecamatan may not
    assert "Admin kabupaten memeriksa" in joined(view.flags_section)

    who[0] = admin
    view.refresh()
    QApplication.processEvents()
    clear = view.findChild(QPushButton, "clear_flag.decile_missing")
    assert clear is not None and clear.isVisibleTo(view)
    qtbot.mouseClick(clear, LEFT)
    dialog = last_dialog(view)
    assert not dialog.date_edit.isVisibleTo(dialog)
    assert not dialog.ok_button.isEnabled()
    type_into(qtbot, dialog.reason_edit, "Desil dicek di DTSEN: 2")
    qtbot.mouseClick(dialog.ok_button, LEFT)
    assert not dialog.isVisible(), dialog.message.text()
    assert "Tidak ada tanda periksa yang terbuka." in joined(view.flags_section)
    assert app.claims.detail(admin, claim).flags == ()


def test_a_role_that_may_not_step_sees_no_button_and_is_refused_if_forced(
    qtbot: QtBot, app: AppServices, message_boxes: MessageBoxes
) -> None:
    admin = app.office.local_actor()
    claim = santunan(app, admin)
    view = open_view(qtbot, app, claim, [viewer(admin)])
    assert step_buttons(view) == []
    assert view.steps_hint.text() == "Tidak ada langkah yang boleh Anda ambil pada status ini."
    assert not view.add_heir_button.isEnabled()
    assert not view.full_numbers_check.isEnabled()
    assert not view.amount_button.isVisibleTo(view)
    dialog = view.take_step(ClaimStatus.DIREKOMENDASIKAN)
    assert dialog is not None
    qtbot.mouseClick(dialog.ok_button, LEFT)
    assert dialog.isVisible()
    assert "Pemantau" in dialog.message.text()
    assert "Pemantau" in message_boxes.texts[-1]
    assert app.claims.detail(admin, claim).status is ClaimStatus.DIUSULKAN


def test_the_admin_sets_the_amount_by_hand_with_a_reason(qtbot: QtBot, app: AppServices) -> None:
    admin = app.office.local_actor()
    claim = santunan(app, admin)
    view = open_view(qtbot, app, claim, [admin])
    assert "Jumlah\nRp1.000.000" in joined(view.amount_section)
    qtbot.mouseClick(view.amount_button, LEFT)
    dialog = view.dialog
    assert isinstance(dialog, AmountDialog)
    type_into(qtbot, dialog.amount_edit, "500.000")
    assert not dialog.save_button.isEnabled()
    type_into(qtbot, dialog.reason_edit, "SK Bupati 12/2026")
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert not dialog.isVisible(), dialog.message.text()
    amount = joined(view.amount_section)
    assert "Jumlah diubah admin\nRp500.000" in amount
    assert "Alasan perubahan: SK Bupati 12/2026" in amount


def test_nothing_chosen_shows_a_hint(qtbot: QtBot, app: AppServices) -> None:
    view = ClaimDetailView(app)
    qtbot.addWidget(view)
    view.show_claim(None)
    assert view.placeholder.isVisibleTo(view)
    assert not view.header.isVisibleTo(view)


def test_a_step_that_did_not_take_effect_is_greyed_with_a_note(
    qtbot: QtBot, app: AppServices
) -> None:
    """A kecamatan's withdrawal that a merge brought after the regency verified."""
    from datetime import UTC, datetime

    from desktop.store import models
    from desktop.store.unit_of_work import UnitOfWork

    admin = app.office.local_actor()
    claim = santunan(app, admin)
    for document in app.claims.detail(admin, claim).documents:
        app.claims.receive(admin, claim, document.item, on=date(2026, 11, 3))
    add_payee(app, admin, claim)
    app.claims.step(admin, claim, "direkomendasikan", on=date(2026, 11, 4))
    app.claims.step(admin, claim, "diverifikasi", on=date(2026, 11, 5))
    with UnitOfWork(app.database.engine, admin, action="test.merge") as uow:
        uow.insert(
            models.ClaimEvent,
            {
                "claim_id": claim,
                "status": "dibatalkan",
                "at": datetime(2026, 11, 6, 3, tzinfo=UTC),
                "actor_user_id": admin.user_id,
                "actor_name": "operator",
                "device_id": admin.device_id,
                "reason": "Ditarik",
                "data": '{"role": "operator_kecamatan", "on": "2026-11-06"}',
            },
        )
    view = open_view(qtbot, app, claim, [admin])
    assert "Diverifikasi" in view.subtitle.text()
    skipped = view.findChildren(QWidget, "timelineEntrySkipped")
    [entry] = [w for w in skipped if w.isVisibleTo(view)]
    texts = shown_texts(entry)
    assert texts[0] == "06-11-2026 · Dibatalkan"
    assert "Alasan: Ditarik" in texts
    assert any(t.startswith("Tidak berlaku:") for t in texts)
    head = entry.findChildren(QLabel)[0]
    muted = head.palette().color(head.palette().ColorRole.PlaceholderText)
    assert head.palette().color(head.foregroundRole()) == muted
    assert len([w for w in view.findChildren(QWidget, "timelineEntry") if w.isVisibleTo(view)]) == 3


def test_no_alt_letter_opens_two_things(qtbot: QtBot, app: AppServices) -> None:
    admin = app.office.local_actor()
    claim = santunan(app, admin)
    app.claims.add_heir(admin, claim, name="Istri", relationship="istri", payee=True, account="1")
    view = open_view(qtbot, app, claim, [admin])
    assert clashes(window_mnemonics(view)) == {}
    for dialog in (
        view.edit_heir(app.claims.detail(admin, claim).heirs[0]),
        view.take_step(ClaimStatus.DIKEMBALIKAN),
        view.override_amount(),
    ):
        assert dialog is not None
        qtbot.waitExposed(dialog)
        assert clashes(window_mnemonics(dialog)) == {}
        assert_nothing_cut(dialog)
        dialog.done(0)


def test_unticking_a_document_asks_first(
    qtbot: QtBot, app: AppServices, message_boxes: MessageBoxes
) -> None:
    admin = app.office.local_actor()
    claim = santunan(app, admin)
    item = app.claims.detail(admin, claim).documents[0].item
    app.claims.receive(admin, claim, item, on=date(2026, 11, 4), note="Asli")
    view = open_view(qtbot, app, claim, [admin])
    message_boxes.answer = QMessageBox.ButtonRole.RejectRole  # Batal
    click_box(qtbot, view.document_checks[item.value])
    [asked] = message_boxes.shown
    assert asked.title == "Dokumen belum diterima" and item.label in asked.text
    assert view.document_checks[item.value].isChecked()
    assert app.claims.detail(admin, claim).documents[0].received_on == date(2026, 11, 4)
    message_boxes.answer = QMessageBox.ButtonRole.AcceptRole
    click_box(qtbot, view.document_checks[item.value])
    QApplication.processEvents()
    assert not view.document_checks[item.value].isChecked()
    assert app.claims.detail(admin, claim).documents[0].received_on is None
    assert "diterima 04-11-2026" not in joined(view.documents_section)
    assert "Catatan: Asli" in joined(view.documents_section)  # the note stays


def test_an_overdue_claim_says_so_in_red(qtbot: QtBot, app: AppServices) -> None:
    admin = app.office.local_actor()
    claim = santunan(app, admin)
    for document in app.claims.detail(admin, claim).documents:
        app.claims.receive(admin, claim, document.item, on=date(2026, 11, 3))
    add_payee(app, admin, claim)
    app.claims.step(admin, claim, "direkomendasikan", on=date(2026, 11, 3))
    app.claims.step(admin, claim, "diverifikasi", on=date(2026, 11, 4))
    view = open_view(qtbot, app, claim, [admin])
    left = view.findChild(QLabel, "daysLeft")
    assert left is not None and left.text() == "lewat 5 hari"
    assert ERROR_COLOR in left.styleSheet()
    status = joined(view.status_section)
    assert "11-11-2026" in status
    assert "Batas waktu sudah lewat: segera putuskan dan bayarkan klaim ini." in status


def test_a_database_that_can_only_be_read_greys_every_write(
    qtbot: QtBot, app: AppServices
) -> None:
    from dataclasses import replace

    from desktop.domain.findings import Finding

    admin = app.office.local_actor()
    claim = santunan(app, admin)
    why = Finding.error("db.read_only", "Berkas data hanya dapat dibaca.")
    view = open_view(qtbot, app, claim, [replace(admin, read_only=why)])
    assert step_buttons(view) == ["Rekomendasikan", "Kembalikan", "Batalkan"]
    assert not any(b.isEnabled() for b in view.step_buttons.values())
    assert view.steps_hint.text() == "Berkas data hanya dapat dibaca."
    assert not view.add_heir_button.isEnabled()
    assert not any(c.isEnabled() for c in view.document_checks.values())
    assert view.full_numbers_check.isEnabled()  # reading in full is not writing


def test_working_day_deadlines_say_so(qtbot: QtBot, app: AppServices) -> None:
    admin = app.office.local_actor()
    app.office.set_setting(admin, "claim.working_days", "1")
    claim = santunan(app, admin)
    view = open_view(qtbot, app, claim, [admin])
    assert "paling lambat 7 hari kerja sesudahnya" in joined(view.status_section)
    for document in app.claims.detail(admin, claim).documents:
        app.claims.receive(admin, claim, document.item, on=date(2026, 11, 12))
    add_payee(app, admin, claim)
    app.claims.step(admin, claim, "direkomendasikan", on=date(2026, 11, 12))
    app.claims.step(admin, claim, "diverifikasi", on=date(2026, 11, 13))  # a Friday
    view.refresh()
    # 7 working days after Friday 13 November: Tuesday 24; on Monday 16, 6 are left.
    assert "24-11-2026" in joined(view.status_section)
    assert view.findChild(QLabel, "daysLeft").text() == "6 hari kerja lagi"
