"""The export dialog: what it tells the clerk, and a file that comes back whole."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain.categories import Sex, SubCategory, WorkerStatus
from desktop.domain.nik import make_nik
from desktop.domain.roles import Role
from desktop.services.app import AppServices
from desktop.services.office import OfficeKind
from desktop.services.roster import RosterFilter
from desktop.services.roster_import import RosterImportService
from desktop.ui.roster.export_dialog import ExportDialog
from tests import fixtures_messy as messy
from tests.gui.conftest import MessageBoxes


@pytest.fixture
def hub(office_services: AppServices, tmp_path: Path) -> AppServices:
    """The OKI hub with the small region list and two workers, one of them no longer active."""
    actor = office_services.office.local_actor()
    office_services.regions.import_file(messy.write_regions(tmp_path), actor=actor)
    for serial, (sub, sex) in enumerate(
        [(SubCategory.KETUA_RT, Sex.MALE), (SubCategory.KADER_POSYANDU, Sex.FEMALE)], 1
    ):
        born = date(1980, serial, serial)
        worker = office_services.workers.create(
            actor,
            {
                "nik": make_nik("16.02.06", born, sex, serial),
                "name": ("Budi Santoso", "Nur'aini Siti")[serial - 1],
                "sex": sex.value,
                "birth_date": born,
                "village_code": "16.02.06.2001",  # Sukadana: a namesake in Kayu Agung
                "category": sub.category.value,
                "subcategory": sub.value,
                "position": ("Ketua RT 01", "Kader Posyandu")[serial - 1],
                "kpj": f"1234567890{serial}",
            },
        )
    office_services.workers.set_status(actor, worker, WorkerStatus.NONAKTIF, reason="Pindah")
    return office_services


def click(qtbot: QtBot, button: QWidget) -> None:
    assert button.isEnabled() and button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def dialog_for(qtbot: QtBot, hub: AppServices, **actor: str) -> ExportDialog:
    dialog = ExportDialog(
        hub.roster,
        replace(hub.office.local_actor(), **actor),
        RosterFilter(),
        rows=hub.roster.count(RosterFilter()),
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_dialog_says_the_file_imports_back_and_what_masked_numbers_mean(
    qtbot: QtBot, hub: AppServices
) -> None:
    dialog = dialog_for(qtbot, hub)
    assert "dapat diimpor kembali" in dialog.contents_hint.text()
    assert "nama desa dan kecamatan beserta kodenya" in dialog.contents_hint.text()
    assert "tidak ikut diimpor kembali" in dialog.numbers_hint.text()
    viewer = dialog_for(qtbot, hub, role=Role.OPERATOR_KECAMATAN.value)
    assert not viewer.full_check.isEnabled()
    assert viewer.numbers_hint.text().startswith("Nomor KPJ disamarkan")
    assert "tidak ikut diimpor kembali" in viewer.numbers_hint.text()


def test_an_export_from_the_dialog_imports_whole_into_a_new_office(
    qtbot: QtBot,
    hub: AppServices,
    tmp_path: Path,
    message_boxes: MessageBoxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out = tmp_path / "peserta"  # no suffix: the chosen filter's is added
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "Buku kerja Excel (*.xlsx)")
    )
    dialog = dialog_for(qtbot, hub)
    box = dialog.full_check  # clicked on its box, at the left
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(6, box.height() // 2))
    assert box.isChecked()
    click(qtbot, dialog.export_button)
    qtbot.waitUntil(lambda: bool(message_boxes.shown), timeout=10_000)
    written = tmp_path / "peserta.xlsx"
    assert message_boxes.texts == [f"2 peserta diekspor ke {written}, dengan nomor KPJ lengkap."]

    fresh = AppServices.open(tmp_path / "baru.db")
    try:
        fresh.office.set_up(kind=OfficeKind.HUB, region="16.02", name="Kantor baru")
        actor = fresh.office.local_actor()
        fresh.regions.import_file(messy.write_regions(tmp_path), actor=actor)
        result = RosterImportService(fresh.database.engine).run(written, actor=actor)
        assert (result.imported, len(result.rejected)) == (2, 0)
        columns = "nik, name, sex, village_code, category, subcategory, kpj, status, status_reason"
        query = f"SELECT {columns} FROM worker ORDER BY nik"
        with hub.database.engine.connect() as conn:
            before = conn.exec_driver_sql(query).fetchall()
        with fresh.database.engine.connect() as conn:
            after = conn.exec_driver_sql(query).fetchall()
        assert after == before
        assert {row[7] for row in after} == {"aktif", "nonaktif"}
    finally:
        fresh.close()
