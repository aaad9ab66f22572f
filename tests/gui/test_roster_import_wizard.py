"""The import wizard on a messy village file, and the export of the filtered roster."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QWidget
from pytestqt.qtbot import QtBot

from desktop.services.app import AppServices
from desktop.services.roster import RosterFilter
from desktop.services.roster_import import RosterImportService
from desktop.ui.roster import RosterTab, import_wizard
from desktop.ui.roster.export_dialog import ExportDialog
from desktop.ui.roster.import_wizard import (
    COL_NIK,
    COL_REASONS,
    PAGE_DONE,
    PAGE_MAPPING,
    PAGE_PREVIEW,
    FileRowRole,
    ImportWizard,
    VerdictRole,
)
from tests import fixtures_messy as messy
from tests.gui.conftest import MessageBoxes

JABATAN_COLUMN = messy.HEADER.index("Jabatan")


@pytest.fixture
def hub(office_services: AppServices, tmp_path: Path) -> AppServices:
    """The OKI hub with the small region master of the messy file."""
    office_services.regions.import_file(
        messy.write_regions(tmp_path), actor=office_services.office.local_actor()
    )
    return office_services


@pytest.fixture
def memory_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "data" / "column-mappings.json"
    monkeypatch.setattr(import_wizard, "mapping_memory_path", lambda: path)
    return path


@pytest.fixture
def tab(qtbot: QtBot, hub: AppServices, memory_file: Path) -> Iterator[RosterTab]:
    widget = RosterTab(hub)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    with qtbot.waitSignal(widget.idsLoaded, timeout=5000):
        widget.update_counts(hub.health.counts())
    yield widget
    widget.wait_for_queries()


@pytest.fixture
def messy_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = messy.write_messy_xlsx(tmp_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    return path


def click(qtbot: QtBot, button: QWidget) -> None:
    assert button.isEnabled() and button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def worker_count(app: AppServices) -> int:
    return app.roster.count(RosterFilter())


def open_on_preview(qtbot: QtBot, tab: RosterTab) -> ImportWizard:
    """Open the wizard, choose the file and go to the mapping page."""
    wizard = tab.import_file()
    assert wizard is not None
    qtbot.waitExposed(wizard)
    assert not wizard.next_button.isEnabled()
    click(qtbot, wizard.choose_button)
    with qtbot.waitSignal(wizard.previewReady, timeout=10_000):
        click(qtbot, wizard.next_button)
    assert wizard.pages.currentIndex() == PAGE_MAPPING
    return wizard


def shown_verdicts(wizard: ImportWizard) -> dict[int, str]:
    model = wizard.preview_model
    return {
        model.index(r, 0).data(FileRowRole): model.index(r, 0).data(VerdictRole)
        for r in range(model.rowCount())
    }


def figures(wizard: ImportWizard) -> dict[str, str]:
    """The result figures the done page shows, by name."""
    return {
        key: label.text() for key, label in wizard.count_labels.items() if label.isVisibleTo(wizard)
    }


def test_import_a_messy_file_step_by_step(
    qtbot: QtBot,
    tab: RosterTab,
    hub: AppServices,
    messy_file: Path,
    memory_file: Path,
    message_boxes: MessageBoxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    tab.show()
    wizard = open_on_preview(qtbot, tab)
    # Page 2: every header column with its guessed field.
    assert wizard.mapping_table.rowCount() == len(messy.HEADER)
    assert wizard.mapping_combo(0).currentText() == "(abaikan)"  # "No"
    assert wizard.mapping_combo(1).currentData() == "nik"
    assert wizard.mapping_combo(2).currentData() == "name"
    assert wizard.mapping_combo(JABATAN_COLUMN).currentData() == "position"
    assert wizard.mapping_table.item(1, 2).text() == messy.NIK_NUMBER  # the file's own data
    counts = "11 baris: 6 akan diimpor (1 perlu diperiksa) · 5 ditolak"
    assert wizard.mapping_counts.text() == counts

    # Page 3: every row with its verdict, NIKs in full as the roster shows them.
    click(qtbot, wizard.next_button)
    assert wizard.pages.currentIndex() == PAGE_PREVIEW
    assert wizard.counts_label.text() == counts
    expected = {row: "ok" for row in messy.IMPORTED_ROWS - messy.WARNED_ROWS}
    expected |= {row: "warning" for row in messy.WARNED_ROWS}
    expected |= {row: "error" for row in messy.expected_rejected("xlsx")}
    assert shown_verdicts(wizard) == expected
    model = wizard.preview_model
    niks = [model.index(r, COL_NIK).data() for r in range(model.rowCount())]
    assert niks[0] == messy.NIK_NUMBER
    reasons = {
        model.index(r, 0).data(FileRowRole): model.index(r, COL_REASONS).data()
        for r in range(model.rowCount())
    }
    assert "notasi ilmiah" in reasons[9] and "baris 5" in reasons[15]
    assert model.index(0, 1).data() == "akan diimpor" and model.index(4, 1).data() == "ditolak"
    assert model.index(3, 1).data() == "akan diimpor, periksa"
    assert wizard.next_button.text() == "&Impor 6 baris"
    assert worker_count(hub) == 0  # nothing written yet

    # Page 4: import in the background, then the summary; the tab shows the new workers.
    with qtbot.waitSignal(tab.idsLoaded, timeout=10_000):
        click(qtbot, wizard.next_button)
    assert wizard.pages.currentIndex() == PAGE_DONE
    assert worker_count(hub) == 6
    assert {w.nik for w in hub.roster.rows(hub.roster.matching_ids(RosterFilter()))} == {
        messy.NIK_NUMBER, messy.NIK_SPACES, messy.NIK_DOTS, messy.NIK_APOSTROPHE,
        messy.NIK_SEP, messy.NIK_PLAIN,
    }  # fmt: skip
    assert tab.count_label.text() == "6 peserta"
    qtbot.waitUntil(lambda: tab.workers_card.value_label.text() == "6")
    assert "peserta.xlsx" in wizard.summary_label.text()
    assert figures(wizard) == {"added": "6", "updated": "0", "unchanged": "0", "rejected": "5"}
    assert wizard.report_hint.isVisibleTo(wizard) and "impor laporan itu lagi" in (
        wizard.report_hint.text()
    )
    assert message_boxes.shown == []

    # The confirmed mapping is remembered for files with the same header.
    remembered = json.loads(memory_file.read_text(encoding="utf-8"))
    assert list(remembered.values())[0]["columns"]["nik"] == 1

    # The rejected rows go to an XLSX report.
    report = memory_file.parent / "ditolak.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(report), ""))
    click(qtbot, wizard.report_button)
    sheet = load_workbook(report).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][-2:] == ("Baris asal", "Alasan")
    assert sorted(r[-2] for r in rows[1:]) == [9, 10, 11, 13, 15]
    assert message_boxes.texts[-1] == f"5 baris ditolak disimpan ke {report}."
    click(qtbot, wizard.next_button)  # Selesai
    assert not wizard.isVisible()


def test_a_corrected_column_reruns_the_preview_and_is_remembered(
    qtbot: QtBot, tab: RosterTab, messy_file: Path, memory_file: Path
) -> None:
    wizard = open_on_preview(qtbot, tab)
    combo = wizard.mapping_combo(JABATAN_COLUMN)
    with qtbot.waitSignal(wizard.previewReady, timeout=10_000):
        combo.setCurrentIndex(0)  # (abaikan): no position, so fewer categories are known
    assert wizard.preview is not None and wizard.preview.mapping.get("position") is None
    assert wizard.preview.counts.error > 5
    click(qtbot, wizard.next_button)  # confirms the mapping
    assert memory_file.exists()
    wizard.reject()

    again = open_on_preview(qtbot, tab)
    assert again.mapping_combo(JABATAN_COLUMN).currentData() is None
    assert again.preview is not None and again.preview.mapping.get("position") is None
    assert "sudah dipakai" in again.mapping_hint.text()
    again.reject()


def test_a_file_wide_category_fills_rows_without_one(
    qtbot: QtBot, tab: RosterTab, messy_file: Path
) -> None:
    wizard = tab.import_file()
    assert wizard is not None
    click(qtbot, wizard.choose_button)
    combo = wizard.category_combo
    assert combo.itemText(0) == "— dari berkas —"
    combo.setCurrentIndex(combo.findData("pekerja_rentan"))
    with qtbot.waitSignal(wizard.previewReady, timeout=10_000):
        click(qtbot, wizard.next_button)
    assert shown_verdicts(wizard)[13] == "ok"
    wizard.reject()


def test_cancel_during_the_import_changes_nothing(
    qtbot: QtBot,
    tab: RosterTab,
    hub: AppServices,
    messy_file: Path,
    message_boxes: MessageBoxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real_run = RosterImportService.run

    def run_then_cancel(self: RosterImportService, preview: Any, **kwargs: Any) -> Any:
        cancel, progress = kwargs["cancel"], kwargs["progress"]

        def cancelling(done: int, total: int, stage: str) -> None:
            progress(done, total, stage)
            cancel.cancel()  # as if the user pressed Batal in the progress dialog

        return real_run(self, preview, **{**kwargs, "progress": cancelling})

    monkeypatch.setattr(RosterImportService, "run", run_then_cancel)
    wizard = open_on_preview(qtbot, tab)
    click(qtbot, wizard.next_button)
    click(qtbot, wizard.next_button)
    qtbot.waitUntil(lambda: bool(message_boxes.shown), timeout=10_000)
    assert message_boxes.texts == ["Dibatalkan. Tidak ada data yang diubah."]
    assert worker_count(hub) == 0
    assert hub.health.counts()["worker"] == 0
    assert wizard.pages.currentIndex() == PAGE_PREVIEW
    qtbot.waitUntil(lambda: wizard.next_button.isEnabled())  # ready to try again
    wizard.reject()


def test_an_unusable_file_says_why(
    qtbot: QtBot,
    tab: RosterTab,
    tmp_path: Path,
    message_boxes: MessageBoxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bad = tmp_path / "catatan.xlsx"
    bad.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 4)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    wizard = tab.import_file()
    assert wizard is not None
    click(qtbot, wizard.choose_button)
    with qtbot.waitSignal(wizard.previewFailed, timeout=10_000):
        click(qtbot, wizard.next_button)
    assert "bukan lembar kerja yang dikenali" in message_boxes.texts[-1]
    assert wizard.pages.currentIndex() == 0
    wizard.reject()


def test_a_nik_column_with_an_unknown_name_is_picked_by_the_user(
    qtbot: QtBot, tab: RosterTab, hub: AppServices, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No header names a NIK ("Nomor Identitas" is not a name we know): the wizard still
    opens the columns page, under the title row, and waits for the user to pick the NIK."""
    rows = messy.data_rows("csv")[:3]
    header = ["No", "Nomor Identitas", *messy.HEADER[2:]]
    path = tmp_path / "tanpa-judul-nik.csv"
    path.write_text(
        "\n".join(";".join(str(c) for c in r) for r in [["DAFTAR PESERTA"], header, *rows]),
        encoding="utf-8",
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    wizard = open_on_preview(qtbot, tab)
    assert wizard.preview is not None and wizard.preview.header_row == 2
    assert wizard.mapping_combo(1).currentData() is None
    assert wizard.mapping_combo(2).currentData() == "name"
    assert "Kolom NIK tidak dikenali" in wizard.mapping_hint.text()
    assert not wizard.next_button.isEnabled()
    assert wizard.preview.counts.error == 3  # no NIK yet: nothing would be imported

    nik_index = wizard.mapping_combo(1).findData("nik")
    with qtbot.waitSignal(wizard.previewReady, timeout=10_000):
        wizard.mapping_combo(1).setCurrentIndex(nik_index)
    assert wizard.preview.mapping.get("nik") == 1
    assert (wizard.preview.counts.ok, wizard.preview.counts.error) == (3, 0)
    click(qtbot, wizard.next_button)
    assert wizard.pages.currentIndex() == PAGE_PREVIEW
    with qtbot.waitSignal(tab.idsLoaded, timeout=10_000):
        click(qtbot, wizard.next_button)
    assert worker_count(hub) == 3

    # The choice is remembered: the same header opens with the NIK column picked.
    again = open_on_preview(qtbot, tab)
    assert again.mapping_combo(1).currentData() == "nik"
    assert again.next_button.isEnabled()
    again.reject()


def test_known_niks_are_updated_or_left_alone_as_the_user_chooses(
    qtbot: QtBot, tab: RosterTab, hub: AppServices, messy_file: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    RosterImportService(hub.database.engine).run(messy_file, actor=hub.office.local_actor())
    rows = messy.data_rows("csv")
    rows[11][2] = "Hendra Gunawan, S.Pd."  # row 16 renamed in the village's new file
    changed = tmp_path / "perubahan.csv"
    changed.write_text(
        "\n".join(";".join(str(c) for c in r) for r in [messy.HEADER, *rows]), encoding="utf-8"
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(changed), ""))

    def import_with(radio_name: str) -> dict[str, str]:
        wizard = open_on_preview(qtbot, tab)
        click(qtbot, wizard.next_button)
        radio = getattr(wizard, radio_name)
        click(qtbot, radio)
        assert wizard.existing_policy() == ("skip" if radio_name == "skip_radio" else "update")
        with qtbot.waitSignal(wizard.imported, timeout=10_000):
            click(qtbot, wizard.next_button)
        shown = figures(wizard)
        click(qtbot, wizard.next_button)  # Selesai
        return shown

    def hendra() -> str:
        found = hub.roster.rows(hub.roster.matching_ids(RosterFilter(text=messy.NIK_PLAIN)))
        return found[0].name

    shown = import_with("skip_radio")
    assert shown["skipped"] == "6" and shown["added"] == "0"
    assert hendra() == "Hendra Gunawan"
    shown = import_with("update_radio")
    assert (shown["updated"], shown["unchanged"]) == ("1", "5") and "skipped" not in shown
    assert hendra() == "Hendra Gunawan, S.Pd."
    assert worker_count(hub) == 6


def test_the_preview_model_passes_the_model_tester(
    qtbot: QtBot, tab: RosterTab, messy_file: Path, qtmodeltester: Any
) -> None:
    wizard = open_on_preview(qtbot, tab)
    qtmodeltester.check(wizard.preview_model)
    wizard.reject()


def test_export_writes_the_filtered_rows(
    qtbot: QtBot,
    tab: RosterTab,
    hub: AppServices,
    tmp_path: Path,
    message_boxes: MessageBoxes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    importer = RosterImportService(hub.database.engine)
    importer.run(messy.write_messy_xlsx(tmp_path), actor=hub.office.local_actor())
    with qtbot.waitSignal(tab.idsLoaded, timeout=5000):
        tab.update_counts(hub.health.counts())
    with qtbot.waitSignal(tab.idsLoaded, timeout=5000):
        tab.set_region("16.02.06", None)  # Pampangan: Maya Sari and Hendra Gunawan
    assert tab.count_label.text() == "2 peserta"

    out = tmp_path / "ekspor"  # no suffix: the chosen filter's is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), "CSV (*.csv)"))
    dialog = tab.export()
    assert isinstance(dialog, ExportDialog)
    assert dialog.full_check.isEnabled()  # the local hub user may see full numbers
    assert not dialog.full_check.isChecked()
    click(qtbot, dialog.export_button)
    qtbot.waitUntil(lambda: bool(message_boxes.shown), timeout=10_000)
    written = tmp_path / "ekspor.csv"
    assert message_boxes.texts == [f"2 peserta diekspor ke {written}."]
    with written.open(encoding="utf-8-sig", newline="") as fh:
        header, *rows = list(csv.reader(fh, delimiter=";"))
    names = {row[header.index("Nama")] for row in rows}
    assert names == {"Maya Sari", "Hendra Gunawan"}
