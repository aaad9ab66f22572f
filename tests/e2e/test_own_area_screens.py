"""A kecamatan laptop in a real window: the worker form offers its own kecamatan only, and
Periksa basis data names a worker typed into another kecamatan and repairs it (issue 17).

Run on Xvfb (see tests/e2e/test_screenshots.py); the PNGs land in docs/screenshots/."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.services.app import AppServices
from desktop.services.office import OfficeKind
from desktop.store import models
from desktop.store.unit_of_work import UnitOfWork
from desktop.ui.dialogs.health import HealthReportDialog
from desktop.ui.jobs import Job
from desktop.ui.main_window import MainWindow
from tests.e2e.screens import REAL_DISPLAY, shoot

pytestmark = REAL_DISPLAY


def test_a_laptop_keeps_to_its_kecamatan(qtbot: QtBot, qapp: QApplication, tmp_path: Path):
    services = AppServices.open(tmp_path / "kayu-agung.db")
    services.office.set_up(kind=OfficeKind.KECAMATAN, region="16.02.05", name="Kayu Agung")
    actor = services.office.local_actor()
    with UnitOfWork(services.database.engine, actor, action="test.setup") as uow:
        for code, name, level, parent in (
            ("16", "SUMATERA SELATAN", 1, None),
            ("16.02", "OGAN KOMERING ILIR", 2, "16"),
            ("16.02.05", "Kayu Agung", 3, "16.02"),
            ("16.02.05.2001", "Tanjung Rancing", 4, "16.02.05"),
            ("16.02.05.2002", "Kedaton", 4, "16.02.05"),
            ("16.02.06", "Jejawi", 3, "16.02"),
            ("16.02.06.2001", "Muara Batun", 4, "16.02.06"),
        ):
            uow.insert(
                models.Region, {"code": code, "name": name, "level": level, "parent_code": parent}
            )
        uow.insert(
            models.Worker,
            {
                "nik": "1602064503850901", "name": "Siti Salah Desa", "name_key": "siti",
                "sex": "P", "birth_date": date(1985, 3, 5), "village_code": "16.02.06.2001",
                "district_code": "16.02.06", "category": "pekerja_rentan", "status": "aktif",
            },
        )  # fmt: skip
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    dialog = window.roster_tab.add_worker()
    qtbot.waitExposed(dialog)
    districts = dialog.form.district_combo
    districts.showPopup()
    shoot(qtbot, "laptop-worker-form-own-kecamatan")
    districts.hidePopup()
    assert [districts.itemText(i) for i in range(districts.count())] == [
        "16.02.05 \u2014 Kayu Agung"
    ]
    dialog.reject()
    window.check_database()
    qtbot.waitUntil(lambda: not Job.running(), timeout=30_000)
    qtbot.waitUntil(
        lambda: any(isinstance(w, HealthReportDialog) for w in QApplication.topLevelWidgets()),
        timeout=5_000,
    )
    report = next(w for w in QApplication.topLevelWidgets() if isinstance(w, HealthReportDialog))
    assert report.repair_button.isVisible()
    shoot(qtbot, "laptop-check-perbaiki")
    report.repair_button.click()
    qtbot.waitUntil(lambda: not Job.running(), timeout=30_000)
    services.close()
