"""Periksa basis data on a laptop holding a worker typed into another kecamatan: the
problem is named and Perbaiki removes it (issue 17, item 0)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.services.app import AppServices
from desktop.services.office import OfficeKind
from desktop.store import models
from desktop.store.unit_of_work import UnitOfWork
from desktop.ui.dialogs.health import HealthReportDialog
from desktop.ui.main_window import MainWindow
from tests.gui.conftest import MessageBoxes


def test_perbaiki_removes_a_worker_of_another_kecamatan(
    qtbot: QtBot, services: AppServices, message_boxes: MessageBoxes
) -> None:
    services.office.set_up(kind=OfficeKind.KECAMATAN, region="16.02.05", name="Kayu Agung")
    actor = services.office.local_actor()
    with UnitOfWork(services.database.engine, actor, action="test.setup") as uow:
        for code, name, level, parent in (
            ("16.02.05", "Kayu Agung", 3, "16.02"),
            ("16.02.05.2001", "Tanjung Rancing", 4, "16.02.05"),
        ):
            uow.insert(
                models.Region, {"code": code, "name": name, "level": level, "parent_code": parent}
            )
        # What an older form let a clerk save: a worker in another kecamatan.
        uow.insert(
            models.Worker,
            {
                "nik": "1602064503850901", "name": "Warga Salah Desa", "name_key": "warga",
                "sex": "P", "birth_date": date(1985, 3, 5), "village_code": "16.02.06.2001",
                "district_code": "16.02.06", "category": "pekerja_rentan", "status": "aktif",
            },
        )  # fmt: skip
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.check_database()
    qtbot.waitUntil(
        lambda: any(
            isinstance(w, HealthReportDialog) and w.isVisible()
            for w in QApplication.topLevelWidgets()
        ),
        timeout=5000,
    )
    dialog = next(
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, HealthReportDialog) and w.isVisible()
    )
    assert dialog.repair_button.isVisible()
    assert any("Warga Salah Desa" in dialog.problem_list.item(i).text()
               for i in range(dialog.problem_list.count()))  # fmt: skip
    dialog.repair_button.click()
    assert message_boxes.shown[0].title == "Perbaiki basis data"  # asked first
    assert "Warga Salah Desa" in message_boxes.shown[1].text
    with services.database.engine.connect() as conn:
        deleted = conn.exec_driver_sql(
            "SELECT deleted, district_code FROM worker WHERE name = 'Warga Salah Desa'"
        ).one()
    assert tuple(deleted) == (1, "16.02.05")
