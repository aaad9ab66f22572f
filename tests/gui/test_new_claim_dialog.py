"""The new-claim dialog, driven as a clerk would: a claim for a deceased worker, a santunan
for a resident not in the roster, every refusal said in the dialog with the form still
filled, Esc asking first, and the review flags told after saving."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.domain.categories import Sex, WorkerStatus
from desktop.domain.claim_rules import ClaimNotEligible
from desktop.domain.claims import ClaimKind
from desktop.domain.findings import Finding
from desktop.domain.nik import make_nik
from desktop.services.app import AppServices
from desktop.services.claims import Resident
from desktop.ui.claims.new_claim import NewClaimDialog
from tests import fixtures_messy as messy
from tests.gui.conftest import MessageBoxes
from tests.gui.mnemonics import clashes, window_mnemonics
from tests.integration.test_claim_service import query

TODAY = date.today()
RESIDENT_NIK = "1602064107550002"  # a woman born 1 July 1955, Pampangan (16.02.06)


@pytest.fixture
def hub(office_services: AppServices, tmp_path: Path) -> AppServices:
    """The OKI hub with the small region list."""
    actor = office_services.office.local_actor()
    office_services.regions.import_file(messy.write_regions(tmp_path), actor=actor)
    return office_services


def add_worker(
    app: AppServices,
    serial: int,
    *,
    name: str = "Budi Santoso",
    born: date = date(1980, 3, 3),
    covered_from: date | None = None,
    covered_until: date | None = None,
) -> str:
    return app.workers.create(
        app.office.local_actor(),
        {
            "nik": make_nik("16.02.05", born, Sex.MALE, serial),
            "name": name,
            "sex": Sex.MALE.value,
            "birth_date": born,
            "village_code": "16.02.05.2001",  # Tanjung Rancing
            "category": "pekerja_rentan",
            "programmes": "JKK,JKM",
            "declared_income": 2_000_000,
            "coverage_start": covered_from or TODAY - timedelta(days=800),
            "coverage_end": covered_until,
        },
    )


def dmy(day: date) -> str:
    return day.strftime("%d%m%Y")


def open_dialog(qtbot: QtBot, app: AppServices, **kwargs: Any) -> NewClaimDialog:
    dialog = NewClaimDialog(app, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def type_date(qtbot: QtBot, field: Any, day: date) -> None:
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    field.setCursorPosition(0)
    qtbot.keyClicks(field, dmy(day))


def choose(combo: Any, data: object) -> None:
    combo.setCurrentIndex(combo.findData(data))


def fill_resident(qtbot: QtBot, dialog: NewClaimDialog, nik: str = RESIDENT_NIK) -> None:
    qtbot.keyClicks(dialog.nik_edit, nik)
    qtbot.keyClicks(dialog.name_edit, "Siti Aminah")
    choose(dialog.district_combo, "16.02.06")
    choose(dialog.village_combo, "16.02.06.2002")


def save(qtbot: QtBot, dialog: NewClaimDialog) -> None:
    assert dialog.save_button.isEnabled(), dialog.save_button.toolTip()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


# ---- opening -------------------------------------------------------------------------------


def test_a_jkm_claim_for_a_deceased_worker(
    qtbot: QtBot, hub: AppServices, message_boxes: MessageBoxes
) -> None:
    worker = add_worker(hub, 1)
    died = TODAY - timedelta(days=12)
    hub.workers.set_status(
        hub.office.local_actor(), worker, WorkerStatus.MENINGGAL, death_date=died
    )
    dialog = open_dialog(qtbot, hub, worker_id=worker, kind=ClaimKind.JKM)
    assert dialog.kind_combo.currentText() == "Jaminan Kematian (JKM)"
    shown = dialog.worker_label.text()
    assert "Budi Santoso" in shown and "Tanjung Rancing" in shown and "Kayu Agung" in shown
    nik = make_nik("16.02.05", date(1980, 3, 3), Sex.MALE, 1)
    assert nik not in shown and nik[:4] + "••••••••" + nik[12:] in shown
    assert not dialog.search_edit.isVisible()
    # The date of death comes from the roster; the event's caption says what it is.
    assert dialog.event_edit.date() == died
    assert "Tanggal meninggal" in dialog.event_caption.text()
    assert not dialog.decile_combo.isVisible() and not dialog.traffic_check.isVisible()
    assert clashes(window_mnemonics(dialog)) == {}
    qtbot.keyClicks(dialog.akta_edit, "AK-16-0001")
    with qtbot.waitSignal(dialog.claimOpened) as opened:
        save(qtbot, dialog)
    claim = opened.args[0]
    assert not dialog.isVisible()
    assert query(
        hub,
        "SELECT kind, worker_id, event_date, death_certificate_no FROM claim WHERE id = ?",
        claim,
    ) == [("jkm", worker, died.isoformat(), "AK-16-0001")]
    assert message_boxes.shown == []  # nothing to review: no message


def test_a_jkm_death_marks_a_living_worker_deceased_and_an_early_death_is_told(
    qtbot: QtBot, hub: AppServices, message_boxes: MessageBoxes
) -> None:
    worker = add_worker(hub, 2, covered_from=TODAY - timedelta(days=20))
    dialog = open_dialog(qtbot, hub, worker_id=worker)
    assert dialog.kind() is None
    assert "Jenis klaim" in dialog.reason_line.text()
    choose(dialog.kind_combo, ClaimKind.JKM.value)
    died = TODAY - timedelta(days=5)
    type_date(qtbot, dialog.event_edit, died)
    with qtbot.waitSignal(dialog.claimOpened):
        save(qtbot, dialog)
    assert query(hub, "SELECT status, death_date FROM worker WHERE id = ?", worker) == [
        ("meninggal", died.isoformat())
    ]
    [told] = message_boxes.shown
    assert "perlu diperiksa" in told.text
    assert "30 hari" in told.details or "awal kepesertaan" in told.details
    assert "Status Budi Santoso di data peserta kini Meninggal." in told.details


def test_a_santunan_for_a_resident_not_in_the_roster_is_told_its_missing_decile(
    qtbot: QtBot, hub: AppServices, message_boxes: MessageBoxes
) -> None:
    dialog = open_dialog(qtbot, hub, kind=ClaimKind.SANTUNAN)
    assert dialog.is_resident()
    assert dialog.subject_box.title() == "Almarhum/almarhumah"
    assert dialog.decile_combo.isVisible()
    assert "perlu diperiksa" in dialog.decile_message.message()
    assert dialog.decile_message.kind() == "hint"
    assert not dialog.save_button.isEnabled()
    assert dialog.reason_line.text() == (
        "Untuk menyimpan, isi NIK, Nama, Kecamatan, Desa, dan Tanggal meninggal."
    )
    fill_resident(qtbot, dialog)
    assert not dialog.use_worker_button.isVisible()  # the NIK is no worker's
    type_date(qtbot, dialog.event_edit, TODAY - timedelta(days=3))
    qtbot.keyClicks(dialog.akta_edit, "AK-2")
    assert clashes(window_mnemonics(dialog)) == {}
    with qtbot.waitSignal(dialog.claimOpened) as opened:
        save(qtbot, dialog)
    [(worker_id, village, nik, name)] = query(
        hub,
        "SELECT worker_id, village_code, subject_nik, subject_name FROM claim WHERE id = ?",
        opened.args[0],
    )
    assert (worker_id, village, nik, name) == (None, "16.02.06.2002", RESIDENT_NIK, "Siti Aminah")
    [told] = message_boxes.shown
    assert "Santunan Kematian untuk Siti Aminah sudah dibuka" in told.text
    assert "Desil DTSEN Siti Aminah belum dicatat" in told.details


def test_a_residents_nik_of_a_roster_worker_offers_the_workers_record(
    qtbot: QtBot, hub: AppServices
) -> None:
    worker = add_worker(hub, 3, name="Ahmad Dahlan")
    nik = make_nik("16.02.05", date(1980, 3, 3), Sex.MALE, 3)
    dialog = open_dialog(qtbot, hub, kind=ClaimKind.SANTUNAN)
    qtbot.keyClicks(dialog.nik_edit, nik)
    assert dialog.use_worker_button.isVisible()
    assert "Ahmad Dahlan" in dialog.offer_label.text()
    qtbot.mouseClick(dialog.use_worker_button, Qt.MouseButton.LeftButton)
    assert not dialog.is_resident()
    assert "Ahmad Dahlan" in dialog.worker_label.text()
    assert dialog.as_resident_button.isVisible()
    type_date(qtbot, dialog.event_edit, TODAY - timedelta(days=2))
    choose(dialog.decile_combo, 3)
    with qtbot.waitSignal(dialog.claimOpened) as opened:
        save(qtbot, dialog)
    assert query(hub, "SELECT worker_id, dtsen_decile FROM claim WHERE id = ?", opened.args[0]) == [
        (worker, 3)
    ]


def test_a_worker_is_found_by_name_or_nik(qtbot: QtBot, hub: AppServices) -> None:
    add_worker(hub, 4, name="Ahmad Dahlan")
    wanted = add_worker(hub, 5, name="Rahmawati Putri")
    dialog = open_dialog(qtbot, hub, kind=ClaimKind.JKK_TEMPORARY)
    assert dialog.search_edit.isVisible()
    assert dialog.traffic_check.isVisible() and not dialog.akta_edit.isVisible()
    assert "Tanggal kecelakaan" in dialog.event_caption.text()
    qtbot.keyClicks(dialog.search_edit, "rahma")
    qtbot.waitUntil(lambda: dialog.worker_list.count() == 1)
    item = dialog.worker_list.item(0)
    assert "Rahmawati Putri" in item.text() and "Tanjung Rancing" in item.text()
    dialog.worker_list.itemClicked.emit(item)
    assert "Rahmawati Putri" in dialog.worker_label.text()
    assert not dialog.search_edit.isVisible()
    type_date(qtbot, dialog.event_edit, TODAY - timedelta(days=4))
    dialog.traffic_check.setChecked(True)
    with qtbot.waitSignal(dialog.claimOpened) as opened:
        save(qtbot, dialog)
    assert query(
        hub, "SELECT worker_id, accident_is_traffic FROM claim WHERE id = ?", opened.args[0]
    ) == [(wanted, 1)]


# ---- refusals ------------------------------------------------------------------------------


def refused(
    qtbot: QtBot, dialog: NewClaimDialog, message_boxes: MessageBoxes
) -> tuple[str, dict[str, Any]]:
    """Press Simpan, expect a refusal said in the dialog, which stays filled as it was;
    return the refusals shown in full under the form, and the form's values."""
    before = dialog.snapshot()
    shown = len(message_boxes.shown)
    save(qtbot, dialog)
    assert dialog.isVisible() and dialog.opened_id is None
    assert dialog.snapshot() == before
    assert dialog.refusal_label.isVisible()
    assert len(message_boxes.shown) == shown  # said in the dialog, not in a box
    return dialog.refusal_label.text(), before


def test_an_event_outside_coverage_is_refused_under_its_date(
    qtbot: QtBot, hub: AppServices, message_boxes: MessageBoxes
) -> None:
    worker = add_worker(hub, 6, covered_from=TODAY - timedelta(days=100))
    dialog = open_dialog(qtbot, hub, worker_id=worker, kind=ClaimKind.JKM)
    type_date(qtbot, dialog.event_edit, TODAY - timedelta(days=200))
    qtbot.keyClicks(dialog.akta_edit, "AK-9")
    text, _ = refused(qtbot, dialog, message_boxes)
    assert text.startswith("Klaim belum dapat dibuka. Periksa Tanggal meninggal:")
    assert "\n• Tanggal meninggal: Tanggal meninggal " in text
    assert "di luar masa kepesertaan Budi Santoso" in text
    assert "di luar masa kepesertaan" in dialog.event_message.message()
    assert dialog.event_message.kind() == "error"
    assert dialog.akta_edit.text() == "AK-9"
    assert query(hub, "SELECT count(*) FROM claim") == [(0,)]
    # Changing the date takes the old refusal away.
    type_date(qtbot, dialog.event_edit, TODAY - timedelta(days=50))
    assert dialog.event_message.message() == ""
    assert not dialog.refusal_label.isVisible()


def test_an_event_after_the_worker_left_is_refused(
    qtbot: QtBot, hub: AppServices, message_boxes: MessageBoxes
) -> None:
    worker = add_worker(hub, 7, covered_until=TODAY - timedelta(days=60))
    hub.workers.set_status(
        hub.office.local_actor(), worker, WorkerStatus.NONAKTIF, reason="Pindah kerja"
    )
    dialog = open_dialog(qtbot, hub, worker_id=worker, kind=ClaimKind.JKK_DEATH)
    type_date(qtbot, dialog.event_edit, TODAY - timedelta(days=10))
    text, _ = refused(qtbot, dialog, message_boxes)
    assert "sesudah Budi Santoso keluar dari kepesertaan" in text
    assert "keluar dari kepesertaan" in dialog.event_message.toolTip() + dialog.event_message.text()


def test_an_event_in_the_future_is_refused_at_its_field(qtbot: QtBot, hub: AppServices) -> None:
    worker = add_worker(hub, 8)
    dialog = open_dialog(qtbot, hub, worker_id=worker, kind=ClaimKind.JKM)
    type_date(qtbot, dialog.event_edit, TODAY + timedelta(days=3))
    assert dialog.event_message.message() == "Tanggal meninggal tidak boleh setelah hari ini."
    assert not dialog.save_button.isEnabled()
    assert dialog.reason_line.text() == "Untuk menyimpan, perbaiki Tanggal meninggal."


def test_a_death_before_the_residents_birth_is_refused(
    qtbot: QtBot, hub: AppServices, message_boxes: MessageBoxes
) -> None:
    dialog = open_dialog(qtbot, hub, kind=ClaimKind.SANTUNAN)
    fill_resident(qtbot, dialog)
    type_date(qtbot, dialog.event_edit, date(1950, 1, 1))
    text, before = refused(qtbot, dialog, message_boxes)
    assert "lebih awal dari tanggal lahir Siti Aminah" in text
    assert "lebih awal dari tanggal lahir" in dialog.event_message.message()
    assert before["nik"] == RESIDENT_NIK and before["name"] == "Siti Aminah"


def test_a_second_claim_for_the_same_person_is_refused(
    qtbot: QtBot, hub: AppServices, message_boxes: MessageBoxes
) -> None:
    worker = add_worker(hub, 9)
    actor = hub.office.local_actor()
    hub.claims.open_claim(actor, "jkm", worker_id=worker, event_date=TODAY - timedelta(days=9))
    dialog = open_dialog(qtbot, hub, worker_id=worker, kind=ClaimKind.JKK_DEATH)
    assert dialog.event_edit.date() == TODAY - timedelta(days=9)  # the recorded death
    text, _ = refused(qtbot, dialog, message_boxes)
    assert text.startswith("Klaim belum dapat dibuka. Periksa Peserta:")
    assert "Sudah ada klaim Jaminan Kematian (JKM) untuk Budi Santoso" in text
    assert "Sudah ada klaim" in dialog.worker_message.message()
    # The same for a resident's santunan, said under the NIK.
    hub.claims.open_claim(
        actor,
        "santunan_kematian",
        subject=Resident(RESIDENT_NIK, "Siti Aminah", "16.02.06.2002"),
        event_date=TODAY - timedelta(days=3),
        decile=2,
    )
    second = open_dialog(qtbot, hub, kind=ClaimKind.SANTUNAN)
    fill_resident(qtbot, second)
    type_date(qtbot, second.event_edit, TODAY - timedelta(days=3))
    text, _ = refused(qtbot, second, message_boxes)
    assert "Periksa NIK" in text
    assert "Sudah ada klaim Santunan Kematian" in second.nik_message.message()


def test_a_lapsed_jkk_claim_is_refused(
    qtbot: QtBot, hub: AppServices, message_boxes: MessageBoxes
) -> None:
    worker = add_worker(hub, 10, covered_from=TODAY - timedelta(days=12 * 365))
    dialog = open_dialog(qtbot, hub, worker_id=worker, kind=ClaimKind.JKK_TOTAL_DISABILITY)
    type_date(qtbot, dialog.event_edit, TODAY - timedelta(days=6 * 365))
    text, _ = refused(qtbot, dialog, message_boxes)
    assert "Hak klaim JKK sudah kedaluwarsa" in text
    assert "kedaluwarsa" in dialog.event_message.toolTip() + dialog.event_message.text()


def test_a_report_before_the_event_is_refused_under_the_report_date(
    qtbot: QtBot, hub: AppServices, message_boxes: MessageBoxes
) -> None:
    worker = add_worker(hub, 11)
    dialog = open_dialog(qtbot, hub, worker_id=worker, kind=ClaimKind.JKM)
    type_date(qtbot, dialog.event_edit, TODAY - timedelta(days=5))
    type_date(qtbot, dialog.reported_edit, TODAY - timedelta(days=8))
    text, _ = refused(qtbot, dialog, message_boxes)
    assert "Periksa Tanggal lapor" in text
    assert dialog.reported_message.kind() == "error"


def test_an_invalid_nik_keeps_simpan_grey(qtbot: QtBot, hub: AppServices) -> None:
    dialog = open_dialog(qtbot, hub, kind=ClaimKind.SANTUNAN)
    fill_resident(qtbot, dialog, nik="160206410755000")
    type_date(qtbot, dialog.event_edit, TODAY - timedelta(days=3))
    assert dialog.nik_message.kind() == "error"
    assert "16" in dialog.nik_message.message()
    assert dialog.reason_line.text() == "Untuk menyimpan, perbaiki NIK."


# ---- closing -------------------------------------------------------------------------------


def test_esc_asks_before_anything_typed_is_lost(
    qtbot: QtBot, hub: AppServices, message_boxes: MessageBoxes
) -> None:
    dialog = open_dialog(qtbot, hub, kind=ClaimKind.SANTUNAN)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # nothing typed: closes at once
    assert not dialog.isVisible() and message_boxes.shown == []
    dialog = open_dialog(qtbot, hub, kind=ClaimKind.SANTUNAN)
    qtbot.keyClicks(dialog.name_edit, "Siti")
    message_boxes.answer = QMessageBox.ButtonRole.RejectRole  # Batal: back to the form
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert message_boxes.texts[-1] == "Ada perubahan yang belum disimpan. Simpan dulu?"
    assert dialog.isVisible() and dialog.name_edit.text() == "Siti"
    message_boxes.answer = QMessageBox.ButtonRole.DestructiveRole  # Buang perubahan
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert query(hub, "SELECT count(*) FROM claim") == [(0,)]


@pytest.mark.parametrize(
    ("code", "line", "field"),
    [
        ("claim.santunan_window", "reported_message", "Tanggal lapor"),
        ("santunan.no_rules", "event_message", "Tanggal meninggal"),
        ("claim.village_unknown", "village_message", "Desa"),
        ("claim.decile_range", "decile_message", "Desil DTSEN"),
    ],
)
def test_each_refusal_stands_under_its_field(
    qtbot: QtBot,
    hub: AppServices,
    message_boxes: MessageBoxes,
    monkeypatch: pytest.MonkeyPatch,
    code: str,
    line: str,
    field: str,
) -> None:
    """Refusals the OKI rules cannot raise here (no filing window, rules in force) are
    routed like the others: under their field, named in full below the form."""
    text = f"Alasan {code} untuk diuji."

    def refuse(*_args: object, **_kwargs: object) -> str:
        raise ClaimNotEligible([Finding.error(code, text)])

    monkeypatch.setattr(hub.claims, "open_claim", refuse)
    dialog = open_dialog(qtbot, hub, kind=ClaimKind.SANTUNAN)
    fill_resident(qtbot, dialog)
    type_date(qtbot, dialog.event_edit, TODAY - timedelta(days=3))
    shown, _ = refused(qtbot, dialog, message_boxes)
    assert getattr(dialog, line).message() == text
    assert f"• {field}: {text}" in shown
