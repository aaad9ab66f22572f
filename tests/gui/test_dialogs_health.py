"""Periksa basis data (issue 18, items 6 and 8): faults and notices stand apart, tables
are named as the screens name them, sizes and counts read as Indonesians write them, and
the dialog fits a 1366×768 screen however much it has to say."""

from __future__ import annotations

from PySide6.QtWidgets import QListWidget
from pytestqt.qtbot import QtBot

from desktop.domain.findings import Finding
from desktop.services.app import AppServices
from desktop.services.health import HealthReport
from desktop.ui.dialogs.health import HealthReportDialog
from tests.gui.fit import assert_fits, assert_nothing_cut

TWINS = Finding.error(
    "check.active_duplicates",
    "{count} NIK dipakai lebih dari satu peserta aktif (mis. {names}). Satu orang hanya boleh "
    "punya satu data aktif: gabungkan di Sinkronisasi, tab Data ganda, atau nonaktifkan data "
    "yang salah.",
    count=1200,
    names="Siti Aminah, Budi Santoso",
)
GUARDS = Finding.error(
    "check.guards", "Pengaman tulis hilang pada tabel: {tables}.", tables="worker, claim"
)
UNLOGGED = Finding.error(
    "check.unlogged",
    "{count} baris ditulis di luar jalur tulis (tabel: {tables}).",
    count=3,
    tables="claim_event, heir",
)


def report(problems: list[Finding], notices: list[Finding]) -> HealthReport:
    return HealthReport(
        schema_revision="0005",
        schema_head="0005",
        sqlite_version="3.40.1",
        journal_mode="wal",
        counts={"region": 344, "worker": 20_000, "claim": 40, "claim_event": 108, "heir": 60},
        problems=problems,
        notices=notices,
    )


def shown(qtbot: QtBot, dialog: HealthReportDialog) -> HealthReportDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def texts(findings: QListWidget) -> list[str]:
    return [findings.item(i).text() for i in range(findings.count())]


def test_faults_and_notices_stand_apart_with_table_labels(qtbot: QtBot):
    dialog = shown(
        qtbot,
        HealthReportDialog(report([GUARDS, UNLOGGED], [TWINS]), "sigap.db", file_size=13_002_342),
    )
    assert dialog.verdict.text() == "Basis data sigap.db: ditemukan 2 masalah."
    assert dialog.problem_heading.isVisible() and dialog.problem_heading.text() == (
        "Masalah basis data"
    )
    assert texts(dialog.problem_list) == [
        "Pengaman tulis hilang pada tabel: Peserta, Klaim.",
        "3 baris ditulis di luar jalur tulis (tabel: Langkah klaim, Ahli waris).",
    ]
    assert dialog.problem_advice.isVisible()
    assert "laporkan masalahnya ke petugas teknis" in dialog.problem_advice.text()

    assert dialog.notice_heading.isVisible() and dialog.notice_heading.text() == "Perlu diperiksa"
    assert texts(dialog.notice_list) == [
        "1.200 NIK dipakai lebih dari satu peserta aktif (mis. Siti Aminah, Budi Santoso). "
        "Satu orang hanya boleh punya satu data aktif: gabungkan di Sinkronisasi, tab Data "
        "ganda, atau nonaktifkan data yang salah."
    ]
    assert dialog.notice_advice.text().startswith("Ini bukan kerusakan basis data.")

    assert dialog.size_label is not None and dialog.size_label.text() == "12,4\u00a0MB"
    shown_counts = {
        dialog.counts.item(row, 0).text(): dialog.counts.item(row, 1).text()
        for row in range(dialog.counts.rowCount())
    }
    assert shown_counts["Peserta"] == "20.000"
    assert shown_counts["Langkah klaim"] == "108"
    assert not dialog.repair_button.isVisible()
    assert_fits(dialog)
    assert_nothing_cut(dialog)


def test_a_sound_database_with_a_notice_is_sound_but_says_what_to_look_at(qtbot: QtBot):
    dialog = shown(qtbot, HealthReportDialog(report([], [TWINS]), "sigap.db"))
    assert dialog.verdict.text() == (
        "Basis data sigap.db sehat, tetapi ada 1 hal yang perlu diperiksa."
    )
    assert not dialog.problem_heading.isVisible()
    assert not dialog.problem_list.isVisible()
    assert not dialog.problem_advice.isVisible()  # no "report it to a technician" for twins
    assert dialog.notice_list.isVisible() and dialog.notice_list.count() == 1
    assert dialog.size_label is None
    assert_fits(dialog)
    assert_nothing_cut(dialog)


def test_a_long_report_still_fits_the_screen(qtbot: QtBot):
    many = [
        Finding.error(
            "check.integrity",
            "SQLite menemukan kerusakan: {detail}. Pulihkan dari cadangan.",
            detail=f"row {n} missing from index worker_nik_idx on page {n * 7} of the file",
        )
        for n in range(60)
    ]
    dialog = shown(qtbot, HealthReportDialog(report(many, [TWINS] * 20), "sigap.db"))
    assert dialog.problem_list.count() == 60
    assert_fits(dialog)
    assert_nothing_cut(dialog)


def test_a_fresh_database_is_sound(qtbot: QtBot, office_services: AppServices):
    dialog = shown(qtbot, HealthReportDialog(office_services.health.check(), "x.db"))
    assert dialog.verdict.text() == "Basis data x.db sehat."
    assert not dialog.notice_heading.isVisible() and not dialog.problem_heading.isVisible()
    labels = [dialog.counts.item(row, 0).text() for row in range(dialog.counts.rowCount())]
    assert labels[:4] == ["Wilayah", "Peserta", "Target cakupan", "Klaim"]
    assert all("_" not in label for label in labels)
    assert_fits(dialog)
    assert_nothing_cut(dialog)
