"""Demo data (issue 18, item 8): the dialog says in Indonesian what the number of workers
and the seed do, which separate file the demo data goes into (another may be chosen, never
the database open now), and the job's progress names that file and offers Batal."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from desktop.services.app import AppServices
from desktop.services.demo import DemoResult
from desktop.ui.dialogs.demo import DemoDialog, demo_job, demo_reused_text, demo_summary
from desktop.ui.jobs import Job
from tests.gui.conftest import MessageBoxes
from tests.gui.fit import assert_fits, assert_nothing_cut


def shown_demo_dialog(qtbot: QtBot, database: Path) -> DemoDialog:
    dialog = DemoDialog(database=database)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def text_of(dialog: DemoDialog, name: str) -> str:
    label = dialog.findChild(QLabel, name)
    assert label is not None and label.isVisible()
    return label.text()


def test_the_dialog_explains_workers_seed_and_the_separate_file(
    qtbot: QtBot, services: AppServices
):
    dialog = shown_demo_dialog(qtbot, services.path)
    assert dialog.path == services.path.with_name("x-contoh.db")
    assert text_of(dialog, "demoFile").replace("\u200b", "") == str(dialog.path)
    assert text_of(dialog, "demoFileNote") == (
        "Berkas baru; dibuat saat Anda menekan Muat data contoh."
    )
    assert text_of(dialog, "workersHint").startswith(
        "Berapa peserta rekaan yang dibuat, antara 1 dan 1.000.000. 2.000 cukup untuk latihan"
    )
    assert text_of(dialog, "seedHint").startswith(
        "Angka awal pembuat data rekaan. Benih yang sama menghasilkan nama, NIK dan klaim "
        "yang sama persis"
    )
    assert "(x.db) tidak diubah" in text_of(dialog, "demoIntro")
    assert_fits(dialog)
    assert_nothing_cut(dialog)

    dialog.workers_spin.selectAll()
    qtbot.keyClicks(dialog.workers_spin, "500")
    dialog.seed_spin.selectAll()
    qtbot.keyClicks(dialog.seed_spin, "7")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == DemoDialog.DialogCode.Accepted
    assert (dialog.workers, dialog.seed) == (500, 7)


def test_another_file_may_be_chosen_but_not_the_open_database(
    qtbot: QtBot, services: AppServices, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    existing = tmp_path / "latihan.db"
    existing.write_bytes(b"\0" * 2_560)
    answers = iter([str(services.path), str(tmp_path / "latihan")])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (next(answers), ""))
    dialog = shown_demo_dialog(qtbot, services.path)

    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    assert text_of(dialog, "demoFileError") == (
        "x.db adalah basis data yang sedang terbuka. Data contoh tidak dimuat ke basis data "
        "kerja; pilih berkas lain."
    )
    assert dialog.path == services.path.with_name("x-contoh.db")

    qtbot.mouseClick(dialog.choose_button, Qt.MouseButton.LeftButton)
    assert dialog.path == existing  # ".db" added to a name typed without it
    assert not dialog.findChild(QLabel, "demoFileError").isVisible()
    assert text_of(dialog, "demoFileNote") == (
        "Berkas ini sudah ada (2,5\u00a0KB). Bila sudah berisi data contoh, Sigap membukanya "
        "tanpa membuat data baru."
    )
    assert_fits(dialog)
    assert_nothing_cut(dialog)


def test_without_a_database_the_dialog_asks_only_workers_and_seed(qtbot: QtBot):
    dialog = DemoDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.path is None
    assert not dialog.choose_button.isVisible()
    assert (dialog.workers, dialog.seed) == (2_000, 1)


def test_the_progress_names_the_file_and_batal_stops_it(
    qtbot: QtBot, services: AppServices, message_boxes: MessageBoxes
):
    parent = QLabel()
    qtbot.addWidget(parent)
    parent.show()
    job = demo_job(parent, services.demo, workers=400_000, seed=2, file_name="x-contoh.db")
    job.start()
    qtbot.waitUntil(lambda: job._dialog is not None and job._dialog.isVisible(), timeout=5_000)
    progress = job._dialog
    assert progress.windowTitle() == "Memuat data contoh ke x-contoh.db"
    cancel = progress.findChild(QPushButton)
    assert cancel.text() == "Batal"
    with qtbot.waitSignal(job.finished, timeout=60_000):
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert Job.running() == []
    assert message_boxes.texts == ["Dibatalkan. Tidak ada data yang diubah."]
    assert services.health.counts()["worker"] == 0


def test_the_status_sentences_name_the_file():
    result = DemoResult(regency_code="16.02", year=2026, workers=2_000, claims=40)
    assert demo_summary(result, "sigap-contoh.db") == (
        "Data contoh dimuat ke sigap-contoh.db: 2.000 peserta dan 40 klaim."
    )
    assert demo_summary(result) == "Data contoh dimuat: 2.000 peserta dan 40 klaim."
    assert demo_reused_text("sigap-contoh.db") == (
        "Basis data contoh sigap-contoh.db dibuka; data contoh di dalamnya dipakai lagi."
    )
