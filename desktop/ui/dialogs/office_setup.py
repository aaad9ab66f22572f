"""Setting up the office a database belongs to: the form, and the dialog around it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.findings import DomainError
from desktop.domain.regions import RegionCode, RegionLevel
from desktop.services.office import OfficeInfo, OfficeKind, OfficeService
from desktop.services.regions import RegionService
from desktop.ui.dialogs.form_rows import ErrorLine, FormGrid, ReasonLine, required_legend
from desktop.ui.dialogs.sizing import open_size, wide
from desktop.ui.i18n import error_text, translate
from desktop.ui.widgets import HintLabel

_EXAMPLES = {
    OfficeKind.HUB: ("16.02", "Dinas Sosial Kabupaten Ogan Komering Ilir"),
    OfficeKind.KECAMATAN: ("16.02.05", "Kantor Camat Kayu Agung"),
}
_LEVELS = {OfficeKind.HUB: RegionLevel.REGENCY, OfficeKind.KECAMATAN: RegionLevel.DISTRICT}


class OfficeSetupForm(QWidget):
    """Kind of office, region code and name; checks the code as it is typed."""

    officeSetUp = Signal(object)  # OfficeInfo
    readyChanged = Signal(bool)  # True when every required field has something in it

    def __init__(
        self,
        office: OfficeService,
        regions: RegionService | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._office = office
        self._regions = regions
        self.kind_combo = QComboBox()
        for kind in (OfficeKind.HUB, OfficeKind.KECAMATAN):
            self.kind_combo.addItem(translate("OfficeKind", kind.label), kind.value)
        self.region_edit = QLineEdit()
        self.region_edit.setMaxLength(20)
        # The code's error and the name of the region it stands for share one place under
        # the field, with room for two lines kept: nothing below moves as they come and go.
        self.region_error = ErrorLine(lines=2)
        self.region_error.setObjectName("regionError")
        self.region_name = HintLabel()
        self.region_name.setObjectName("regionName")
        self.region_name.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        wide(self.region_name)
        self.region_name.setVisible(False)
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(200)
        self.name_error = ErrorLine(lines=1)
        self.name_error.setObjectName("nameError")
        # Under the form: a problem of the whole form, or why its button is still grey.
        self.form_error = ErrorLine(lines=2)
        self.form_error.setObjectName("formError")
        self.reason_line = ReasonLine()
        self.reason_line.setObjectName("formReason")

        form = FormGrid()
        form.add_row(self.tr("&Jenis kantor:"), self.kind_combo)
        form.add_row(self.tr("&Kode wilayah:"), self.region_edit, required=True)
        form.add_line(self.region_error, self.region_name)
        form.add_row(self.tr("&Nama kantor:"), self.name_edit, required=True)
        form.add_line(self.name_error)
        form.add_full_width(required_legend())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(form)
        status = QGridLayout()
        status.addWidget(self.form_error, 0, 0)
        status.addWidget(self.reason_line, 0, 0)
        layout.addLayout(status)

        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.region_edit.textEdited.connect(self._region_edited)
        self.region_edit.editingFinished.connect(self._check_region)
        self.name_edit.textEdited.connect(lambda _text: self._show(self.name_error, ""))
        self.region_edit.textChanged.connect(self._update_ready)
        self.name_edit.textChanged.connect(self._update_ready)
        self._kind_changed()
        self._update_ready()

    @property
    def kind(self) -> OfficeKind:
        """The kind of office chosen."""
        return OfficeKind(self.kind_combo.currentData())

    def is_ready(self) -> bool:
        """True when every required field has something in it (the button may be pressed)."""
        return bool(self.region_edit.text().strip() and self.name_edit.text().strip())

    def missing_reason(self) -> str:
        """Why the form's button is grey: which required fields are still empty ("" if none)."""
        region = not self.region_edit.text().strip()
        name = not self.name_edit.text().strip()
        if region and name:
            return self.tr("Isi Kode wilayah dan Nama kantor (bertanda *) untuk melanjutkan.")
        if region:
            return self.tr("Isi Kode wilayah (bertanda *) untuk melanjutkan.")
        if name:
            return self.tr("Isi Nama kantor (bertanda *) untuk melanjutkan.")
        return ""

    @Slot()
    def _update_ready(self) -> None:
        ready = self.is_ready()
        self._show_reason()
        self.readyChanged.emit(ready)

    def _show_reason(self) -> None:
        reason = "" if self.form_error.isVisible() else self.missing_reason()
        self.reason_line.show_reason(reason)

    def _show(self, label: QLabel, text: str) -> None:
        if isinstance(label, ErrorLine):
            label.show_error(text)
        else:
            label.setText(text)
            label.setVisible(bool(text))
        if label is self.region_error:
            self._show_region_name()
        elif label is self.form_error:
            self._show_reason()

    @Slot()
    def _kind_changed(self) -> None:
        code, name = _EXAMPLES[self.kind]
        self.region_edit.setPlaceholderText(self.tr("contoh: {code}").format(code=code))
        self.name_edit.setPlaceholderText(self.tr("contoh: {name}").format(name=name))
        if self.region_error.isVisible():
            self._check_region()

    @Slot(str)
    def _region_edited(self, _text: str) -> None:
        # Clear an old complaint while the user types; check again when they leave the field.
        self._show(self.region_error, "")
        self._show(self.form_error, "")
        self._show_region_name()

    def _show_region_name(self) -> None:
        name = ""
        if self._regions is not None:
            try:
                code = RegionCode.parse(self.region_edit.text())
            except DomainError:
                code = None
            if code is not None:
                name = self._regions.name_of(code.dotted) or ""
        self.region_name.setText(name)
        self.region_name.setVisible(bool(name) and not self.region_error.isVisible())

    @Slot()
    def _check_region(self) -> bool:
        text = self.region_edit.text()
        if not text.strip():
            self._show(self.region_error, "")
            return False
        try:
            code = RegionCode.parse(text)
        except DomainError as exc:
            self._show(self.region_error, error_text(exc))
            return False
        expected = _LEVELS[self.kind]
        if code.level is not expected:
            self._show(
                self.region_error,
                self.tr(
                    "{code} adalah kode {level}. {kind} memerlukan kode {expected}, "
                    "contoh: {example}."
                ).format(
                    code=code.dotted,
                    level=translate("RegionLevel", code.level.label).lower(),
                    kind=translate("OfficeKind", self.kind.label),
                    expected=translate("RegionLevel", expected.label).lower(),
                    example=_EXAMPLES[self.kind][0],
                ),
            )
            return False
        self._show(self.region_error, "")
        return True

    def submit(self) -> OfficeInfo | None:
        """Set the office up; on a problem show it beside the field and keep what was typed."""
        self._show(self.form_error, "")
        if not self.region_edit.text().strip():
            self._show(self.region_error, self.tr("Kode wilayah wajib diisi."))
            self.region_edit.setFocus()
            return None
        if not self._check_region():
            self.region_edit.setFocus()
            return None
        try:
            info = self._office.set_up(
                kind=self.kind, region=self.region_edit.text(), name=self.name_edit.text()
            )
        except DomainError as exc:
            code = exc.code
            if code.startswith("region.") or code == "office.region_level":
                self._show(self.region_error, error_text(exc))
                self.region_edit.setFocus()
            elif code == "office.name_empty":
                self._show(self.name_error, error_text(exc))
                self.name_edit.setFocus()
            else:
                self._show(self.form_error, error_text(exc))
            return None
        self.officeSetUp.emit(info)
        return info


class OfficeSetupDialog(QDialog):
    """The office set-up form on its own, for Berkas → Siapkan kantor…"""

    def __init__(
        self,
        office: OfficeService,
        regions: RegionService | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Siapkan kantor"))
        self.setMinimumWidth(480)
        self.info: OfficeInfo | None = None
        self.form = OfficeSetupForm(office, regions)
        intro = HintLabel(
            self.tr(
                "Basis data ini akan menjadi milik satu kantor. Kantor kabupaten (pusat) "
                "memakai kode kabupaten, kantor kecamatan memakai kode kecamatan."
            )
        )
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(
            self.tr("Siapkan kantor"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        self.ok_button.setDefault(True)
        self.ok_button.setEnabled(self.form.is_ready())
        self.form.readyChanged.connect(self.ok_button.setEnabled)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.form.region_edit.setFocus()
        open_size(self, 600)

    @Slot()
    def _accept(self) -> None:
        info = self.form.submit()
        if info is not None:
            self.info = info
            self.accept()
