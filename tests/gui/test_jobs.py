"""Background jobs: results on the GUI thread, a cancellable progress dialog, clear errors."""

from __future__ import annotations

import logging
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from desktop.domain.findings import DomainError, Finding
from desktop.services.progress import Cancelled
from desktop.ui.jobs import Job, mask_personal_numbers


@pytest.fixture
def parent(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _run(qtbot: QtBot, job: Job) -> Job:
    with qtbot.waitSignal(job.finished, timeout=10_000):
        job.start()
    return job


def test_a_quick_job_hands_its_result_back_without_a_dialog(qtbot: QtBot, parent: QWidget):
    results = []
    job = Job(parent, lambda progress, cancel: sum(range(10)), title="Hitung")
    job.on_done(results.append)
    _run(qtbot, job)
    assert results == [45]
    assert job._dialog is None
    assert Job.running() == []


def test_slow_work_shows_progress_and_cancel_stops_it(qtbot: QtBot, parent: QWidget, message_boxes):
    def work(progress, cancel):
        for done in range(1000):
            if cancel():
                raise Cancelled
            progress(done, 1000, "Membaca berkas")
            time.sleep(0.01)
        return "selesai"

    results = []
    job = Job(parent, work, title="Impor data wilayah").on_done(results.append)
    job.start()
    qtbot.waitUntil(lambda: job._dialog is not None and job._dialog.isVisible(), timeout=5_000)
    dialog = job._dialog
    assert dialog.windowTitle() == "Impor data wilayah"
    qtbot.waitUntil(lambda: "Membaca berkas: " in dialog.labelText())
    assert " dari 1.000" in dialog.labelText()
    cancel_button = dialog.findChild(QPushButton)
    assert cancel_button.text() == "Batal"

    with qtbot.waitSignal(job.finished, timeout=10_000):
        qtbot.mouseClick(cancel_button, Qt.MouseButton.LeftButton)

    assert results == []
    assert message_boxes.texts == ["Dibatalkan. Tidak ada data yang diubah."]
    assert message_boxes.shown[0].icon == QMessageBox.Icon.Information


def test_a_domain_error_is_shown_in_plain_words(qtbot: QtBot, parent: QWidget, message_boxes):
    def work(progress, cancel):
        raise DomainError(Finding.error("test.row", "Baris {row}: NIK harus 16 angka.", row=14))

    _run(qtbot, Job(parent, work, title="Impor peserta"))
    assert message_boxes.shown[0].title == "Impor peserta"
    assert message_boxes.texts == ["Baris 14: NIK harus 16 angka."]
    assert message_boxes.shown[0].icon == QMessageBox.Icon.Warning


def test_an_unexpected_error_is_logged_without_personal_numbers(
    qtbot: QtBot, parent: QWidget, message_boxes, caplog: pytest.LogCaptureFixture
):
    def work(progress, cancel):
        raise RuntimeError("NIK 1602054501900001 tidak bisa diproses")

    with caplog.at_level(logging.ERROR, logger="desktop.ui.jobs"):
        job = _run(qtbot, Job(parent, work, title="Impor peserta"))
    assert isinstance(job.error, RuntimeError)
    assert message_boxes.texts[0].startswith("Terjadi kesalahan yang tidak terduga")
    assert "1602054501900001" not in message_boxes.texts[0]
    logged = caplog.text
    assert "RuntimeError" in logged and "Traceback" in logged
    assert "1602054501900001" not in logged
    assert "################" in logged


def test_a_custom_error_handler_replaces_the_message_box(qtbot, parent, message_boxes):
    errors = []

    def work(progress, cancel):
        raise DomainError(Finding.error("x", "Salah."))

    _run(qtbot, Job(parent, work, title="X").on_error(errors.append))
    assert [str(e) for e in errors] == ["Salah."]
    assert message_boxes.shown == []


def test_masking_keeps_short_numbers():
    assert mask_personal_numbers("baris 14, NIK 1602054501900001") == (
        "baris 14, NIK ################"
    )
