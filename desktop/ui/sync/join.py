"""Bergabung: a new laptop becomes a kecamatan office from the hub's enrolment file and code."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.services.app import AppServices
from desktop.services.sync import CODE_ALPHABET, CODE_LENGTH, ImportResult, normalise_code
from desktop.ui.i18n import number, translate
from desktop.ui.sync import drives
from desktop.ui.sync.job_dialog import ERROR_STYLE, JobDialog
from desktop.ui.sync.text import grouped_fingerprint, stage_progress
from desktop.ui.sync.views import fit_height, show_page
from desktop.ui.widgets import HintLabel, heading_label

OK_STYLE = "color: #1b6e20;"
PAGE_FORM, PAGE_DONE = range(2)


def code_problem(text: str) -> tuple[bool, str]:
    """Check a one-time code as typed: (complete and well-formed, what to tell the user)."""
    code = normalise_code(text)
    wrong = sorted({ch for ch in code if ch not in CODE_ALPHABET})
    if wrong:
        return False, translate(
            "JoinDialog",
            "Kode tidak memakai {chars}: kode hanya berisi huruf A–Z tanpa I dan O, dan "
            "angka 2–9. Periksa lagi.",
        ).format(chars=", ".join(wrong))
    if len(code) > CODE_LENGTH:
        return False, translate(
            "JoinDialog", "Kode terlalu panjang: {count} huruf/angka, seharusnya {length}."
        ).format(count=len(code), length=CODE_LENGTH)
    if len(code) < CODE_LENGTH:
        return False, translate("JoinDialog", "{count} dari {length} huruf/angka.").format(
            count=len(code), length=CODE_LENGTH
        )
    return True, translate("JoinDialog", "Kode lengkap.")


class JoinDialog(JobDialog):
    """Enrolment file and one-time code in; a kecamatan office with its data out."""

    joined = Signal(object)  # ImportResult

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent, error_name="joinError")
        self._services = services
        self.join_result: ImportResult | None = None
        self.setWindowTitle(self.tr("Bergabung dengan kantor kabupaten"))
        self.setMinimumWidth(620)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_form())
        self.pages.addWidget(self._build_done())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 18)
        layout.addWidget(self.pages)
        show_page(self.pages, 0)
        QTimer.singleShot(0, lambda: fit_height(self))
        self._code_changed(self.code_edit.text())

    # ---- building ------------------------------------------------------------------------

    def _build_form(self) -> QWidget:
        page = QWidget()
        self.file_edit = QLineEdit()
        self.file_edit.setObjectName("joinFile")
        self.file_edit.setPlaceholderText(self.tr("pendaftaran-….sigap dari kantor kabupaten"))
        self.file_edit.textChanged.connect(lambda _text: self._input_changed())
        self.file_edit.textChanged.connect(self.file_edit.setToolTip)  # the whole path
        self.choose_button = QPushButton(self.tr("Pi&lih…"))
        self.choose_button.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.choose_button)
        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("joinCode")
        self.code_edit.setPlaceholderText("XXXX-XXXX-XXXX")
        self.code_edit.setMaxLength(40)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(QFont(self.font()).pointSizeF() * 1.4)
        self.code_edit.setFont(font)
        self.code_edit.textChanged.connect(self._code_changed)
        self.code_hint = QLabel()
        self.code_hint.setObjectName("codeHint")
        self.code_hint.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        file_label = QLabel(self.tr("Berkas &pendaftaran:"))
        file_label.setBuddy(self.file_edit)
        code_label = QLabel(self.tr("&Kode sekali pakai:"))
        code_label.setBuddy(self.code_edit)
        code_column = QVBoxLayout()
        code_column.setContentsMargins(0, 0, 0, 0)
        code_column.setSpacing(4)
        code_column.addWidget(self.code_edit)
        code_column.addWidget(self.code_hint)
        form.addRow(file_label, file_row)
        form.addRow(code_label, code_column)
        self.join_button = QPushButton(self.tr("&Bergabung"))
        self.join_button.setDefault(True)
        self.join_button.clicked.connect(self.join)
        self.cancel_button = QPushButton(self.tr("Batal"))
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.join_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(heading_label(self.tr("Bergabung dengan kantor kabupaten"), 1.3))
        layout.addWidget(
            HintLabel(
                self.tr(
                    "Untuk laptop kecamatan yang baru. Kantor kabupaten memberi berkas "
                    "pendaftaran (di flashdisk) dan kode sekali pakai 12 huruf/angka (lewat "
                    "telepon atau kertas). Setelah bergabung, basis data ini menjadi milik "
                    "kantor kecamatan itu dan berisi data kecamatannya."
                )
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addSpacing(8)
        layout.addLayout(buttons)
        return page

    def _build_done(self) -> QWidget:
        page = QWidget()
        self.done_title = heading_label("", 1.3)
        self.done_title.setObjectName("joinDone")
        self.done_title.setWordWrap(True)
        self.done_label = QLabel()
        self.done_label.setObjectName("joinSummary")
        self.done_label.setWordWrap(True)
        self.done_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QPushButton(self.tr("&Selesai"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.done_title)
        layout.addWidget(self.done_label)
        layout.addStretch(1)
        layout.addSpacing(8)
        layout.addLayout(buttons)
        return page

    # ---- the form ------------------------------------------------------------------------

    @Slot()
    def choose_file(self) -> None:
        """Ask for the enrolment file (usually on the stick)."""
        current = Path(self.file_edit.text()) if self.file_edit.text() else None
        start = (
            current.parent
            if current is not None
            else next(iter(d.root for d in drives.removable_drives()), Path.home())
        )
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Pilih berkas pendaftaran"),
            str(start),
            self.tr("Berkas pendaftaran Sigap (*.sigap);;Semua berkas (*)"),
        )
        if name:
            self.file_edit.setText(name)

    def _input_changed(self) -> None:
        """What was typed changed: an error about the last attempt no longer holds."""
        if not self.error_label.isHidden():
            self.error_label.setVisible(False)
            self.code_hint.setVisible(True)
        self._update_buttons()

    @Slot(str)
    def _code_changed(self, text: str) -> None:
        """Say how far the code is typed; green "Kode lengkap." only when it is complete and
        no error about it is shown (a wrong code's error replaces the hint)."""
        complete, hint = code_problem(text)
        if not text.strip():
            hint = self.tr("Tanda hubung dan spasi boleh ditulis atau tidak.")
        wrong = not complete and (
            len(normalise_code(text)) > CODE_LENGTH
            or any(ch not in CODE_ALPHABET for ch in normalise_code(text))
        )
        self.code_hint.setText(hint)
        self.code_hint.setStyleSheet(ERROR_STYLE if wrong else OK_STYLE if complete else "")
        self._input_changed()

    def _update_buttons(self) -> None:
        complete, _hint = code_problem(self.code_edit.text())
        ready = complete and bool(self.file_edit.text().strip())
        self.join_button.setEnabled(ready and not self.busy)
        for widget in (self.file_edit, self.code_edit, self.choose_button, self.cancel_button):
            widget.setEnabled(not self.busy)

    @Slot()
    def join(self) -> None:
        """Check the file with the code and become the kecamatan office, in the background."""
        if self.busy:
            return
        complete, _hint = code_problem(self.code_edit.text())
        path = Path(self.file_edit.text().strip())
        if not complete or not self.file_edit.text().strip():
            return
        code = self.code_edit.text()
        sync = self._services.sync
        # Not cancellable: the service sets the office up before it merges the data.
        self.run_job(
            lambda progress, cancel: sync.join(
                path, code, progress=stage_progress(progress, "join"), cancel=cancel
            ),
            title=self.tr("Bergabung dengan kantor kabupaten"),
            on_done=self._joined,
            cancellable=False,
        )

    def _failed(self, error: BaseException) -> None:
        self.code_hint.setVisible(False)  # the error alone says what is wrong
        super()._failed(error)
        self.code_edit.setFocus()

    def _joined(self, result: ImportResult) -> None:
        self.join_result = result
        info = self._services.office.require_info()
        self.done_title.setText(self.tr("Laptop ini sekarang {office}").format(office=info.name))
        hub_fingerprint = "–"
        actor = self._services.office.local_actor()
        for device in self._services.sync.status(actor).devices:
            if device.device_id == result.sender_device:
                hub_fingerprint = grouped_fingerprint(device.fingerprint)
        self.done_label.setText(
            self.tr(
                "Kode wilayah {code}. {count} data diterima dari {hub}.\n\n"
                "Sidik kunci kantor kabupaten: {fingerprint}\n"
                "Cocokkan dengan sidik kunci yang disebutkan kantor kabupaten. Bila berbeda, "
                "hubungi kantor kabupaten sebelum mengirim paket.\n\n"
                "Kirim paket pertama ke kantor kabupaten lewat Sinkronisasi → Kirim & Terima."
            ).format(
                code=info.region_code,
                count=number(result.summary.new_rows),
                hub=result.sender_name,
                fingerprint=hub_fingerprint,
            )
        )
        show_page(self.pages, PAGE_DONE)
        self.adjustSize()
        fit_height(self)
        self.joined.emit(result)
