"""What the Kirim & Terima tab says about a bundle written, checked or applied.

The words are the shared result words (ditambahkan, diperbarui, tidak berubah, menunggu
keputusan, selesai); the strings keep the tab's translation context.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QTableWidget

from desktop.domain.findings import DomainError
from desktop.services.sync import ExportResult, ImportResult
from desktop.sync.merge import MergeSummary
from desktop.ui.i18n import error_text, number, translate
from desktop.ui.sync.text import file_size, grouped_fingerprint


def export_lines(results: Sequence[ExportResult]) -> list[str]:
    """The bundles written: safe to remove the stick, then one line per bundle."""
    lines = [
        translate(
            "ExchangeTab",
            "Paket sudah ditulis dan dibaca ulang: isinya utuh. Flashdisk aman dicabut.",
        )
    ]
    for result in results:
        lines.append(
            translate("ExchangeTab", "• {peer}: {changes} perubahan, {size}\n   {file}").format(
                peer=result.peer_name,
                changes=number(result.changes),
                size=file_size(result.size),
                file=result.path.name,
            )
        )
    return lines


def preview_notes(summary: MergeSummary) -> tuple[str, bool]:
    """What to know before applying a checked bundle, and whether it is a warning."""
    notes = []
    if summary.conflicts or summary.duplicates:
        notes.append(
            translate(
                "ExchangeTab",
                "Setelah diterapkan, konflik dan kemungkinan data ganda menunggu "
                "keputusan Anda di tab Konflik dan Data ganda.",
            )
        )
    if summary.held:
        notes.append(
            translate(
                "ExchangeTab",
                "{count} data klaim diubah kecamatan ketika berkasnya masih di kecamatan, "
                "tetapi baru tiba setelah kantor kabupaten memproses klaimnya. Nilai kantor "
                "kabupaten tetap dipakai; pilih nilai yang benar di tab Konflik.",
            ).format(count=number(summary.held))
        )
    if summary.future_stamps:
        notes.append(
            translate(
                "ExchangeTab",
                "{count} perubahan bercap waktu jauh di masa depan: jam komputer "
                "pengirim mungkin salah. Data tetap digabung dengan benar; minta "
                "pengirim membetulkan jamnya.",
            ).format(count=number(summary.future_stamps))
        )
    if summary.past_stamps:
        notes.append(
            translate(
                "ExchangeTab",
                "{count} perubahan bercap waktu jauh di masa lalu: jam komputer "
                "pengirim mungkin salah.",
            ).format(count=number(summary.past_stamps))
        )
    if not notes:
        notes.append(translate("ExchangeTab", "Paket sudah diperiksa dan utuh. Tekan Terapkan."))
    return "\n".join(notes), bool(summary.future_stamps or summary.past_stamps)


def applied_lines(result: ImportResult, *, kept: int) -> tuple[list[str], list[str]]:
    """What applying a bundle did: the lines before the one about conflicts and duplicates
    waiting (:func:`review_line`, which follows the queues), and the lines after it."""
    summary = result.summary
    head = [
        translate(
            "ExchangeTab",
            "Paket dari {sender} sudah diterapkan: {new} ditambahkan, {changed} "
            "diperbarui, {unchanged} tidak berubah.",
        ).format(
            sender=result.sender_name,
            new=number(summary.new_rows),
            changed=number(summary.changed_rows),
            unchanged=number(summary.unchanged_rows),
        )
    ]
    if result.needs_review:
        head.append(
            translate(
                "ExchangeTab",
                "Paket ini membawa {conflicts} konflik dan {duplicates} kemungkinan data ganda.",
            ).format(conflicts=number(summary.conflicts), duplicates=number(summary.duplicates))
        )
    tail = []
    if result.pinned and result.pinned_fingerprint:
        tail.append(
            translate(
                "ExchangeTab",
                "Paket pertama {sender}: kunci laptop itu kini tersemat, sidik kunci "
                "{fingerprint}. Cocokkan dengan sidik kunci di layar Sinkronisasi laptop "
                "itu; bila berbeda, cabut perangkatnya di tab Perangkat dan daftarkan "
                "ulang kecamatannya.",
            ).format(
                sender=result.sender_name,
                fingerprint=grouped_fingerprint(result.pinned_fingerprint),
            )
        )
    if result.backup is not None:
        tail.append(
            translate(
                "ExchangeTab",
                "Salinan basis data sebelum impor disimpan: {file}, di folder {folder} "
                "({kept} salinan terakhir dan yang pertama tiap bulan selama setahun "
                "disimpan; yang lebih lama dihapus).",
            ).format(file=result.backup.name, folder=result.backup.parent, kept=number(kept))
        )
    return head, tail


def review_line(conflicts: int, duplicates: int) -> str:
    """How many conflicts and possible duplicates still wait for a decision, or that none do."""
    if conflicts or duplicates:
        return translate(
            "ExchangeTab",
            "Menunggu keputusan Anda: {conflicts} konflik dan {duplicates} kemungkinan data ganda.",
        ).format(conflicts=number(conflicts), duplicates=number(duplicates))
    return translate(
        "ExchangeTab", "Semua konflik dan kemungkinan data ganda sudah selesai diputuskan."
    )


def error_message(error: BaseException) -> str:
    """Why writing, checking or applying a bundle failed, for the user."""
    if isinstance(error, DomainError):
        return error_text(error)
    return translate(
        "Job",
        "Terjadi kesalahan yang tidak terduga, dan pekerjaan ini dihentikan. "
        "Rinciannya sudah dicatat di log untuk petugas teknis.",
    )


def fit_height(table: QTableWidget) -> None:
    """Make a short table exactly as tall as its rows (no empty band under the last one)."""
    height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
    for row in range(table.rowCount()):
        height += table.rowHeight(row)
    table.setFixedHeight(height)
