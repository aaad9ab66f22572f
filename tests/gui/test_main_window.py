"""The main window over a set-up database: tabs, menus, status bar, checks and imports."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMenu
from pytestqt.qtbot import QtBot

from desktop.services.app import AppServices
from desktop.services.office import OfficeKind
from desktop.ui.dialogs.health import HealthReportDialog
from desktop.ui.dialogs.region_import import RegionImportSummaryDialog
from desktop.ui.main_window import MainWindow

OFFICE_NAME = "Dinas Sosial Kabupaten Ogan Komering Ilir"  # as set up by conftest


def _window(qtbot: QtBot, services: AppServices) -> MainWindow:
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    return window


def _plain(text: str) -> str:
    return text.replace("&", "")


def test_window_shows_the_tabs_and_the_office(qtbot: QtBot, office_services: AppServices):
    window = _window(qtbot, office_services)
    info = office_services.office.info()
    assert info is not None

    assert window.windowTitle() == f"Sigap — {OFFICE_NAME}"
    assert [_plain(window.tabs.tabText(i)) for i in range(window.tabs.count())] == [
        "Peserta",
        "Klaim",
        "Laporan",
    ]
    assert window.db_label.text() == "Basis data: x.db"
    assert window.db_label.toolTip() == str(office_services.path)
    assert window.office_label.text() == f"{OFFICE_NAME} · Kantor kabupaten (pusat)"
    assert "16.02" in window.office_label.toolTip()
    assert window.device_label.text() == f"Perangkat: {info.device_short}"
    assert window.roster_tab.workers_card.value_label.text() == "0"
    claims = window.claims_tab
    claims.wait_for_queries()
    qtbot.waitUntil(lambda: claims.count_label.text() == "0 klaim")
    assert claims.empty_message.isVisibleTo(window) or window.tabs.currentIndex() != 1
    assert not window.clock_label.isVisibleTo(window)  # no claim on the clock


def test_reports_tab_counts_every_table(qtbot: QtBot, office_services: AppServices):
    window = _window(qtbot, office_services)
    table = window.reports_tab.table
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    counts = office_services.health.counts()
    assert len(rows) == len(counts)
    assert rows["Peserta"] == "0"
    assert rows["Pengguna"] == "1"  # the built-in administrator
    [worker_row] = [r for r in range(table.rowCount()) if table.item(r, 0).text() == "Peserta"]
    # Rows, not the roster's figure: the tooltip says why the two may differ.
    assert "termasuk data yang sudah digabung" in table.item(worker_row, 1).toolTip()


def test_menus_offer_the_file_and_sync_actions(qtbot: QtBot, office_services):
    window = _window(qtbot, office_services)
    menus = {
        _plain(action.text()): action.menu()
        for action in window.menuBar().actions()
        if isinstance(action.menu(), QMenu)
    }
    assert list(menus) == ["Berkas", "Sinkronisasi", "Pengaturan", "Bantuan"]
    file_actions = [_plain(a.text()) for a in menus["Berkas"].actions() if not a.isSeparator()]
    assert file_actions == [
        "Buka basis data…",
        "Basis data baru…",
        "Siapkan kantor…",
        "Bergabung dengan kantor kabupaten…",
        "Buka data contoh…",
        "Impor data wilayah…",
        "Periksa basis data",
        "Keluar",
    ]
    assert window.open_action.shortcut().toString() == "Ctrl+O"
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"


def test_region_import_from_the_menu_shows_the_summary(
    qtbot: QtBot, office_services: AppServices, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    regions = tmp_path / "wilayah.csv"
    regions.write_text(
        "kode,nama\n"
        "16,SUMATERA SELATAN\n"
        "16.02,KAB. OGAN KOMERING ILIR\n"
        "16.02.05,Kayu Agung\n"
        "16.02.xx,Rusak\n"
        "16.02.06,\n",
        encoding="utf-8",
    )
    asked = []

    def choose(parent, caption, directory, filter_):
        asked.append(filter_)
        return str(regions), filter_

    monkeypatch.setattr(QFileDialog, "getOpenFileName", choose)
    window = _window(qtbot, office_services)

    window.import_regions_action.trigger()

    qtbot.waitUntil(lambda: window.findChild(RegionImportSummaryDialog) is not None)
    summary = window.findChild(RegionImportSummaryDialog)
    assert "*.csv *.xlsx *.xls *.ods" in asked[0]
    counts = {key: label.text() for key, label in summary.count_labels.items()}
    assert counts == {"added": "3", "updated": "0", "unchanged": "0", "rejected": "2"}
    reasons = [summary.problems.item(r, 1).text() for r in range(summary.problems.rowCount())]
    assert summary.problems.item(0, 0).text() == "5"
    assert reasons[0].startswith("Kode wilayah 16.02.xx tidak dikenali.")
    assert reasons[1] == "Baris 6: nama wilayah 16.02.06 kosong. Isi namanya."
    # The window took the new regions in.
    assert window.roster_tab.regions_card.value_label.text() == "3"
    assert window.roster_tab.region_tree.topLevelItem(0).text(0) == "SUMATERA SELATAN"
    summary.accept()


def test_region_import_is_offered_only_to_a_regency_office(qtbot, services, message_boxes):
    window = _window(qtbot, services)
    assert not window.import_regions_action.isEnabled()  # no office yet
    services.office.set_up(kind=OfficeKind.KECAMATAN, region="16.02.05", name="Kayu Agung")
    window.refresh()
    assert not window.import_regions_action.isEnabled()  # a laptop: the hub's list
    window.import_regions_action.trigger()
    assert message_boxes.texts == []


def test_check_database_shows_a_sound_report(qtbot: QtBot, office_services: AppServices):
    window = _window(qtbot, office_services)
    window.check_action.trigger()
    qtbot.waitUntil(lambda: window.findChild(HealthReportDialog) is not None)
    report = window.findChild(HealthReportDialog)
    assert report.verdict.text() == "Basis data x.db sehat."
    assert report.counts.rowCount() == len(office_services.health.counts())
    report.accept()


def test_switching_to_an_unusable_file_keeps_the_open_database(
    qtbot: QtBot, office_services: AppServices, tmp_path: Path, message_boxes
):
    window = _window(qtbot, office_services)
    junk = tmp_path / "catatan.db"
    junk.write_text("bukan basis data", encoding="utf-8")

    assert not window.open_database(junk, create=False)

    assert message_boxes.texts == [
        f"Berkas {junk} bukan basis data Sigap. Pilih berkas .db yang dibuat oleh Sigap."
    ]
    assert window.services is office_services
    assert window.windowTitle() == f"Sigap — {OFFICE_NAME}"


def test_about_names_the_version(qtbot, office_services, message_boxes):
    window = _window(qtbot, office_services)
    window.about_action.trigger()
    assert message_boxes.shown[0].title == "Tentang Sigap"
    assert message_boxes.shown[0].text.startswith("Sigap 0.")
