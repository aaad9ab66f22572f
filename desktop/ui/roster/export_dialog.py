"""Export the roster as the Peserta tab shows it (its filters) to an XLSX or CSV file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.services.permissions import Actor, Permission, can
from desktop.services.roster import ExportResult, RosterFilter, RosterService
from desktop.ui import messages
from desktop.ui.i18n import number
from desktop.ui.jobs import Job
from desktop.ui.widgets import HintLabel

XLSX_FILTER_SUFFIX = ".xlsx"
CSV_FILTER_SUFFIX = ".csv"


class ExportDialog(QDialog):
    """Asks masked or full numbers, then where to save; the export runs in the background."""

    def __init__(
        self,
        roster: RosterService,
        actor: Actor,
        flt: RosterFilter,
        *,
        rows: int,
        full_numbers: bool = False,
        start_dir: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._roster = roster
        self._actor = actor
        self._filter = flt
        self._start_dir = start_dir or Path.home()
        self.job: Job | None = None
        self.export_result: ExportResult | None = None
        self.setWindowTitle(self.tr("Ekspor daftar peserta"))
        allowed = can(actor, Permission.VIEW_FULL_NUMBERS)
        self.full_check = QCheckBox(self.tr("Tulis &nomor KPJ lengkap"))
        self.full_check.setEnabled(allowed)
        self.full_check.setChecked(allowed and full_numbers)
        buttons = QDialogButtonBox()
        self.export_button = buttons.addButton(
            self.tr("&Pilih berkas dan ekspor…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.export)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "{count} peserta sesuai saringan yang sedang dipakai akan diekspor."
                ).format(count=number(rows))
            )
        )
        self.contents_hint = HintLabel(
            self.tr(
                "Berkas berisi semua data peserta seperti yang tampil di Sigap: kategori, "
                "sub-kategori dan status dengan namanya, nama desa dan kecamatan beserta "
                "kodenya. Berkas ini dapat diimpor kembali dengan tombol Impor dari berkas "
                "di tab Peserta."
            )
        )
        layout.addWidget(self.contents_hint)
        layout.addWidget(self.full_check)
        self.numbers_hint = HintLabel(
            self.tr(
                "Tanpa nomor lengkap, nomor KPJ disamarkan kecuali 4 angka terakhirnya, dan "
                "nomor yang disamarkan tidak ikut diimpor kembali. Nomor lengkap hanya untuk "
                "pengguna yang berhak melihatnya."
            )
            if allowed
            else self.tr(
                "Nomor KPJ disamarkan kecuali 4 angka terakhirnya: peran Anda tidak berhak "
                "mengekspor nomor lengkap. Nomor yang disamarkan tidak ikut diimpor kembali."
            )
        )
        layout.addWidget(self.numbers_hint)
        layout.addWidget(buttons)

    def export(self) -> None:
        """Ask for the file and start the export."""
        xlsx = self.tr("Buku kerja Excel (*.xlsx)")
        csv = self.tr("CSV (*.csv)")
        name, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Ekspor daftar peserta"),
            str(self._start_dir / self.tr("peserta.xlsx")),
            f"{xlsx};;{csv}",
        )
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() not in (XLSX_FILTER_SUFFIX, CSV_FILTER_SUFFIX):
            suffix = CSV_FILTER_SUFFIX if chosen == csv else XLSX_FILTER_SUFFIX
            path = path.with_name(path.name + suffix)
        roster, actor, flt = self._roster, self._actor, self._filter
        full = self.full_check.isChecked()
        self.export_button.setEnabled(False)
        parent = self.parentWidget() or self
        self.hide()
        self.job = (
            Job(
                parent,
                lambda progress, cancel: roster.export(
                    flt, path, actor=actor, full_numbers=full, progress=progress, cancel=cancel
                ),
                title=self.tr("Ekspor daftar peserta"),
            )
            .on_done(self._exported)
            .on_finished(self.accept)
            .start()
        )

    def _exported(self, result: ExportResult) -> None:
        self.export_result = result
        text = (
            self.tr("{count} peserta diekspor ke {file}, dengan nomor KPJ lengkap.")
            if result.full_numbers
            else self.tr("{count} peserta diekspor ke {file}.")
        )
        messages.inform(
            self.parentWidget() or self,
            self.tr("Ekspor daftar peserta"),
            text.format(count=number(result.rows), file=result.path),
        )
