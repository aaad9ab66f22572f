"""Daftarkan kecamatan: the hub writes an enrolment file and shows its one-time code once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.services.office import OfficeInfo
from desktop.services.permissions import Actor
from desktop.services.regions import RegionService
from desktop.services.sync import Enrollment, SyncService
from desktop.ui.i18n import number
from desktop.ui.sync import drives
from desktop.ui.sync.job_dialog import JobDialog
from desktop.ui.sync.text import grouped_fingerprint, local_time, stage_progress
from desktop.ui.sync.views import fit_height, show_page
from desktop.ui.widgets import HintLabel, heading_label

PAGE_FORM, PAGE_CODE = range(2)


def enrolment_file_name(district: str) -> str:
    """The suggested name of an enrolment file."""
    return f"pendaftaran-{district}.sigap"


class EnrollDialog(JobDialog):
    """Choose a kecamatan and where to save; then the code, big and copyable."""

    enrolled = Signal(object)  # Enrollment

    def __init__(
        self,
        sync: SyncService,
        regions: RegionService,
        actor: Actor,
        office: OfficeInfo,
        *,
        enrolled_districts: dict[str, str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, error_name="enrollError")
        self._sync = sync
        self._actor = actor
        self._office = office
        self._enrolled = enrolled_districts or {}
        self._name_edited = False
        self._path_chosen = False
        self.enrollment: Enrollment | None = None
        self.setWindowTitle(self.tr("Daftarkan kecamatan"))
        self.setMinimumWidth(620)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_form(regions))
        self.pages.addWidget(self._build_code_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 18, 22, 18)
        layout.addWidget(self.pages)
        show_page(self.pages, 0)
        QTimer.singleShot(0, lambda: fit_height(self))
        self._district_changed()

    # ---- building ------------------------------------------------------------------------

    def _build_form(self, regions: RegionService) -> QWidget:
        page = QWidget()
        self.district_combo = QComboBox()
        self.district_combo.setObjectName("districtCombo")
        self.district_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        districts = regions.children(self._office.regency_code)
        for district in districts:
            text = self.tr("{code} — {name}").format(code=district.code, name=district.name)
            if district.code in self._enrolled:
                text = self.tr("{district} (sudah terdaftar)").format(district=text)
            self.district_combo.addItem(text, district.code)
        if not districts:
            # No region list yet: the admin types the code.
            self.district_combo.setEditable(True)
            line = self.district_combo.lineEdit()
            if line is not None:
                line.setPlaceholderText(
                    self.tr("contoh: {code}.05").format(code=self._office.regency_code)
                )
        else:
            first_free = next(
                (i for i, d in enumerate(districts) if d.code not in self._enrolled), 0
            )
            self.district_combo.setCurrentIndex(first_free)
        self.district_combo.currentIndexChanged.connect(self._district_changed)
        self.district_combo.editTextChanged.connect(self._district_typed)
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(200)
        self.name_edit.textEdited.connect(self._name_typed)
        # Typed or chosen with Pilih…; checked when the file is made.
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("enrollPath")
        self.path_edit.textEdited.connect(self._path_typed)
        self.path_edit.textChanged.connect(self.path_edit.setToolTip)  # the whole path
        self.choose_button = QPushButton(self.tr("&Pilih…"))
        self.choose_button.clicked.connect(self.choose_path)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.choose_button)
        self.taken_label = QLabel()
        self.taken_label.setObjectName("enrollTaken")
        self.taken_label.setWordWrap(True)
        self.taken_label.setStyleSheet("color: #8a5a00;")
        self.taken_label.setVisible(False)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("&Kecamatan:"), self.district_combo)
        form.addRow(self.tr("&Nama kantor:"), self.name_edit)
        path_label = QLabel(self.tr("Si&mpan ke:"))
        path_label.setBuddy(self.path_edit)
        form.addRow(path_label, path_row)
        self.create_button = QPushButton(self.tr("&Buat berkas pendaftaran"))
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.create_file)
        cancel = QPushButton(self.tr("Batal"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        buttons.addWidget(cancel)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(heading_label(self.tr("Daftarkan kecamatan"), 1.3))
        layout.addWidget(
            HintLabel(
                self.tr(
                    "Sigap membuat berkas pendaftaran berisi data kecamatan itu, terkunci "
                    "dengan kode sekali pakai. Laptop kecamatan memakai berkas dan kode ini "
                    "untuk bergabung dengan kantor kabupaten."
                )
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.taken_label)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addSpacing(8)
        layout.addLayout(buttons)
        return page

    def _build_code_page(self) -> QWidget:
        page = QWidget()
        self.done_title = heading_label("", 1.3)
        self.done_title.setWordWrap(True)
        self.code_label = QLabel()
        self.code_label.setObjectName("enrollCode")
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSizeF(QFont(self.font()).pointSizeF() * 2.4)
        font.setBold(True)
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 2)
        self.code_label.setFont(font)
        self.code_label.setMinimumHeight(QFontMetrics(font).height() + 12)
        self.code_label.setMinimumWidth(QFontMetrics(font).horizontalAdvance("MMMM-MMMM-MMMM") + 24)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copy_button = QPushButton(self.tr("&Salin kode"))
        self.copy_button.clicked.connect(self.copy_code)
        code_frame = QFrame()
        code_frame.setFrameShape(QFrame.Shape.StyledPanel)
        code_layout = QVBoxLayout(code_frame)
        code_layout.setContentsMargins(16, 14, 16, 14)
        caption = QLabel(self.tr("Kode sekali pakai"))
        caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        code_layout.addWidget(caption)
        code_layout.addWidget(self.code_label)
        copy_row = QHBoxLayout()
        copy_row.addStretch(1)
        copy_row.addWidget(self.copy_button)
        copy_row.addStretch(1)
        code_layout.addLayout(copy_row)
        self.file_label = QLabel()
        self.file_label.setObjectName("enrollFile")
        self.file_label.setWordWrap(True)
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.steps_label = QLabel()
        self.steps_label.setObjectName("enrollSteps")
        self.steps_label.setWordWrap(True)
        self.steps_label.setTextFormat(Qt.TextFormat.PlainText)
        warning = QLabel(
            self.tr(
                "Kode ini hanya ditampilkan sekali. Berikan kode secara terpisah dari "
                "flashdisk — lewat telepon atau di kertas tertutup — agar flashdisk yang "
                "hilang tidak cukup untuk membuka berkasnya."
            )
        )
        warning.setWordWrap(True)
        warning.setStyleSheet("color: #8a5a00;")
        close = QPushButton(self.tr("&Selesai"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.done_title)
        layout.addWidget(code_frame)
        layout.addWidget(warning)
        layout.addWidget(self.file_label)
        layout.addWidget(self.steps_label)
        layout.addStretch(1)
        layout.addSpacing(8)
        layout.addLayout(buttons)
        return page

    # ---- the form ------------------------------------------------------------------------

    def district(self) -> str:
        """The kecamatan code chosen or typed."""
        data = self.district_combo.currentData()
        if data and not self.district_combo.isEditable():
            return str(data)
        return self.district_combo.currentText().strip()

    def _district_name(self) -> str:
        if self.district_combo.isEditable():
            return ""
        text = self.district_combo.currentText()
        return text.split(" — ", 1)[1].split(" (", 1)[0] if " — " in text else ""

    @Slot()
    def _district_changed(self) -> None:
        self.error_label.setVisible(False)
        device = self._enrolled.get(self.district())
        self.taken_label.setText(
            self.tr(
                "Kecamatan ini sudah punya perangkat terdaftar ({name}). Mendaftarkan lagi "
                "menambah perangkat kedua; bila laptop lama diganti, cabut perangkat lamanya "
                "di tab Perangkat."
            ).format(name=device)
            if device
            else ""
        )
        self.taken_label.setVisible(bool(device))
        name = self._district_name()
        if not self._name_edited:
            self.name_edit.setText(self.tr("Kecamatan {name}").format(name=name) if name else "")
        if not self._path_chosen:
            folder = next(iter(d.root for d in drives.removable_drives()), Path.home())
            district = self.district() or "kecamatan"
            self.path_edit.setText(str(folder / enrolment_file_name(district)))

    @Slot(str)
    def _district_typed(self, _text: str) -> None:
        if self.district_combo.isEditable():
            self._district_changed()

    @Slot(str)
    def _name_typed(self, text: str) -> None:
        self._name_edited = bool(text)

    @Slot(str)
    def _path_typed(self, _text: str) -> None:
        self._path_chosen = True
        self.error_label.setVisible(False)

    def target(self) -> Path | None:
        """Where the enrolment file goes, from what was typed or chosen; None (with the
        reason shown) when that cannot be a new file: no folder given, or a folder that
        does not exist. A folder alone gets the suggested file name; ".sigap" is added."""
        text = self.path_edit.text().strip()
        if not text:
            self.show_error(self.tr("Tulis atau pilih tempat menyimpan berkas pendaftaran."))
            return None
        path = Path(text).expanduser()
        if not path.is_absolute():
            self.show_error(
                self.tr(
                    "Tulis lokasi lengkap berkas pendaftaran, dengan foldernya (misalnya di "
                    "flashdisk), atau pilih dengan Pilih…."
                )
            )
            return None
        if path.is_dir():
            path = path / enrolment_file_name(self.district() or "kecamatan")
        if path.suffix.lower() != ".sigap":
            path = path.with_name(path.name + ".sigap")
        if not path.parent.is_dir():
            self.show_error(
                self.tr(
                    "Folder {folder} tidak ada. Periksa tulisannya, atau pilih folder dengan "
                    "Pilih…."
                ).format(folder=str(path.parent))
            )
            return None
        return path

    @Slot()
    def choose_path(self) -> None:
        """Ask where to save the enrolment file."""
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Simpan berkas pendaftaran"),
            self.path_edit.text(),
            self.tr("Berkas pendaftaran Sigap (*.sigap)"),
        )
        if name:
            path = Path(name)
            if path.suffix.lower() != ".sigap":
                path = path.with_name(path.name + ".sigap")
            self.path_edit.setText(str(path))
            self._path_chosen = True

    def _update_buttons(self) -> None:
        for widget in (
            self.create_button,
            self.choose_button,
            self.district_combo,
            self.path_edit,
            self.name_edit,
        ):
            widget.setEnabled(not self.busy)

    @Slot()
    def create_file(self) -> None:
        """Enrol the kecamatan in the background; show the code when it is done."""
        if self.busy:
            return
        district = self.district()
        if not district:
            self.show_error(self.tr("Pilih kecamatan yang akan didaftarkan."))
            return
        out = self.target()
        if out is None:
            return
        self.path_edit.setText(str(out))
        name = self.name_edit.text().strip() or None
        sync, actor = self._sync, self._actor
        self.run_job(
            lambda progress, cancel: sync.enroll(
                actor,
                district=district,
                out=out,
                name=name,
                progress=stage_progress(progress, "enrol"),
                cancel=cancel,
            ),
            title=self.tr("Daftarkan kecamatan"),
            on_done=self._enrolled_done,
        )

    def _enrolled_done(self, enrollment: Enrollment) -> None:
        self.enrollment = enrollment
        office = self.name_edit.text().strip() or enrollment.district
        self.done_title.setText(self.tr("{office} sudah didaftarkan").format(office=office))
        self.code_label.setText(enrollment.code)
        self.file_label.setText(
            self.tr("Berkas pendaftaran: {path} ({count} data kecamatan di dalamnya)").format(
                path=str(enrollment.path), count=number(enrollment.changes)
            )
        )
        self.steps_label.setText(
            self.tr(
                "Di laptop kecamatan:\n"
                "1. Buka Sigap dengan basis data baru.\n"
                "2. Pilih Bergabung dengan kantor kabupaten (di layar pembuka atau menu "
                "Berkas).\n"
                "3. Pilih berkas pendaftaran dari flashdisk dan ketik kode di atas.\n"
                "4. Pastikan sidik kunci kantor kabupaten yang ditunjukkan laptop sama "
                "dengan:\n    {fingerprint}\n"
                "5. Segera ekspor paket pertama laptop dan impor di sini sebelum {until}; "
                "sesudah itu pendaftaran ini kedaluwarsa.\n"
                "6. Setelah paket pertama diimpor, cocokkan sidik kunci laptop di tab "
                "Perangkat dengan sidik kunci di layar Sinkronisasi laptop itu. Bila berbeda, "
                "cabut perangkatnya dan daftarkan ulang kecamatan ini."
            ).format(
                fingerprint=grouped_fingerprint(self._sync.fingerprint()),
                until=local_time(enrollment.valid_until) if enrollment.valid_until else "–",
            )
        )
        show_page(self.pages, PAGE_CODE)
        self.adjustSize()
        fit_height(self)
        self.copy_button.setFocus()
        self.enrolled.emit(enrollment)

    @Slot()
    def copy_code(self) -> None:
        """Put the code on the clipboard."""
        QGuiApplication.clipboard().setText(self.code_label.text())
        self.copy_button.setText(self.tr("Kode disalin"))
