"""The roster import wizard in a real window: a messy village file, then a big one.

Run under Xvfb (see tests/e2e/screens.py); each step leaves a screenshot in
docs/screenshots/ to look at.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QProgressDialog,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.services import roster_import
from desktop.services.app import AppServices
from desktop.services.office import OfficeKind
from desktop.services.roster import RosterFilter
from desktop.ui.jobs import Job
from desktop.ui.main_window import MainWindow
from desktop.ui.roster import import_wizard
from desktop.ui.roster.import_wizard import PAGE_DONE, PAGE_MAPPING, PAGE_PREVIEW, ImportWizard
from tests import fixtures_messy as messy
from tests.e2e.screens import REAL_DISPLAY, shoot

pytestmark = REAL_DISPLAY

BIG = 30_000  # past the size from which a load defers its indexes and SQLite logs it


def click(qtbot: QtBot, button: QWidget) -> None:
    assert button.isEnabled() and button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def open_window(qtbot: QtBot, services: AppServices) -> MainWindow:
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    return window


def to_preview(
    qtbot: QtBot, window: MainWindow, path: Path, monkeypatch: pytest.MonkeyPatch
) -> ImportWizard:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    wizard = window.roster_tab.import_file()
    assert wizard is not None
    qtbot.waitExposed(wizard)
    click(qtbot, wizard.choose_button)
    with qtbot.waitSignal(wizard.previewReady, timeout=120_000):
        click(qtbot, wizard.next_button)
    assert wizard.pages.currentIndex() == PAGE_MAPPING
    return wizard


def progress_dialog(wizard: ImportWizard) -> QProgressDialog | None:
    dialog = wizard.findChild(QProgressDialog)
    return dialog if dialog is not None and dialog.isVisible() else None


def test_import_a_messy_village_file(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(import_wizard, "mapping_memory_path", lambda: tmp_path / "maps.json")
    services = AppServices.open(tmp_path / "sigap.db")
    services.office.set_up(kind=OfficeKind.HUB, region="16.02", name="Dinas Sosial OKI")
    actor = services.office.local_actor()
    services.regions.import_file(messy.write_regions(tmp_path), actor=actor)
    window = open_window(qtbot, services)

    wizard = to_preview(qtbot, window, messy.write_messy_xlsx(tmp_path), monkeypatch)
    assert (
        wizard.mapping_counts.text() == "11 baris: 6 akan diimpor (1 perlu diperiksa) · 5 ditolak"
    )
    shoot(qtbot, "roster-import-mapping")
    click(qtbot, wizard.next_button)
    assert wizard.pages.currentIndex() == PAGE_PREVIEW
    wizard.preview_table.selectRow(6)  # the ambiguous village: its reason in full below
    shoot(qtbot, "roster-import-preview")
    with qtbot.waitSignal(window.roster_tab.idsLoaded, timeout=30_000):
        click(qtbot, wizard.next_button)
    assert wizard.pages.currentIndex() == PAGE_DONE
    assert wizard.count_labels["added"].text() == "6"
    shoot(qtbot, "roster-import-done")
    click(qtbot, wizard.next_button)  # Selesai
    assert window.roster_tab.count_label.text() == "6 peserta"
    shoot(qtbot, "roster-after-import")
    window.close()
    services.close()


def test_a_big_file_cancelled_then_imported(
    qtbot: QtBot,
    qapp: QApplication,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    no_blocking_message_boxes: list[str],
) -> None:
    """30,000 rows with a progress bar: Cancel leaves nothing behind, then the import."""
    monkeypatch.setattr(import_wizard, "mapping_memory_path", lambda: tmp_path / "maps.json")
    source = AppServices.open(tmp_path / "kabupaten.db")
    source.demo.generate(workers=BIG, seed=3, year=2026)
    big_file = tmp_path / f"peserta-{BIG}.csv"
    source.roster.export(
        RosterFilter(), big_file, actor=source.office.local_actor(), full_numbers=True
    )
    source.close()
    services = AppServices.open(tmp_path / "sigap.db")
    services.demo.generate(workers=1, seed=3, year=2026)  # the same synthetic regions
    before = services.health.counts()["worker"]
    window = open_window(qtbot, services)

    wizard = to_preview(qtbot, window, big_file, monkeypatch)
    click(qtbot, wizard.next_button)
    assert wizard.counts_label.text().startswith(f"{BIG:,}".replace(",", ".") + " baris")
    shoot(qtbot, "roster-import-big-preview")

    # Cancel half-way: the database is as it was, the wizard stays on the preview. Small
    # batches, so that the click lands long before the last one on a fast machine.
    monkeypatch.setattr(roster_import, "BATCH", 500)
    click(qtbot, wizard.next_button)
    qtbot.waitUntil(lambda: (d := progress_dialog(wizard)) is not None and d.value() > 0,
                    timeout=60_000)  # fmt: skip
    dialog = progress_dialog(wizard)
    assert dialog is not None
    shoot(qtbot, "roster-import-progress")
    cancel = dialog.findChild(QPushButton)
    assert cancel is not None and cancel.text() == "Batal"
    click(qtbot, cancel)
    qtbot.waitUntil(lambda: not Job.running(), timeout=60_000)
    assert any("Dibatalkan" in text for text in no_blocking_message_boxes)
    assert wizard.pages.currentIndex() == PAGE_PREVIEW
    assert services.health.counts()["worker"] == before
    assert services.health.check().sound

    # Again, to the end.
    monkeypatch.setattr(roster_import, "BATCH", 10_000)
    with qtbot.waitSignal(window.roster_tab.idsLoaded, timeout=120_000):
        click(qtbot, wizard.next_button)
    assert wizard.pages.currentIndex() == PAGE_DONE
    assert wizard.count_labels["added"].text() == f"{BIG:,}".replace(",", ".")
    shoot(qtbot, "roster-import-big-done")
    click(qtbot, wizard.next_button)
    assert services.health.counts()["worker"] == before + BIG
    assert services.health.check().sound
    shoot(qtbot, "roster-after-big-import")
    window.close()
    services.close()
