"""One worker: the form for every field, the live NIK check, status changes and history."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.categories import (
    Category,
    FundingSource,
    Programme,
    Sex,
    WorkerStatus,
    subcategories,
)
from desktop.domain.dates import long_date
from desktop.domain.findings import DomainError
from desktop.domain.identifiers import check_kk, check_kpj, mask_kpj
from desktop.domain.nik import check_nik
from desktop.services.permissions import Actor, Permission, can
from desktop.services.regions import RegionService
from desktop.services.workers import ActiveNikTaken, WorkerRecord, WorkerService, district_of
from desktop.ui import messages
from desktop.ui.i18n import error_text, finding_text, translate
from desktop.ui.roster.model import short_date

NO_DATE = QDate(1900, 1, 1)
ERROR_STYLE = "color: #b3261e;"
WARNING_STYLE = "color: #8a5a00;"
MAX_INCOME = 2_000_000_000


def to_qdate(value: date | None) -> QDate:
    """A Python date as a QDate; None as the "no date" value."""
    return QDate(value.year, value.month, value.day) if value is not None else NO_DATE


def from_qdate(value: QDate) -> date | None:
    """A QDate as a Python date; the "no date" value as None."""
    if not value.isValid() or value == NO_DATE:
        return None
    return date(value.year(), value.month(), value.day())


def date_edit(optional: bool) -> QDateEdit:
    """A date field with a calendar; an optional one shows "–" when empty."""
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd-MM-yyyy")
    edit.setMinimumDate(NO_DATE)
    edit.setMaximumDate(QDate(2100, 12, 31))
    if optional:
        edit.setSpecialValueText("–")
        edit.setDate(NO_DATE)
    return edit


def buddy_label(text: str, buddy: QWidget) -> QLabel:
    """A form label whose mnemonic moves the focus to *buddy* (for rows holding a layout)."""
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


def message_label() -> QLabel:
    """A wrapped label for a field's error or warning, hidden while empty."""
    label = QLabel()
    label.setWordWrap(True)
    label.setVisible(False)
    return label


class WorkerDialog(QDialog):
    """Add a worker (no *record*) or show and change one."""

    saved = Signal(str)  # worker id
    openRequested = Signal(str)  # another worker's id (a duplicate the user wants to see)

    def __init__(
        self,
        workers: WorkerService,
        regions: RegionService,
        actor: Actor | None,
        *,
        record: WorkerRecord | None = None,
        full_numbers: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._workers = workers
        self._regions = regions
        self._actor = actor
        self._record = record
        self._full_numbers = full_numbers or record is None
        self._known_districts = regions.known_area()
        self.saved_id: str | None = record.id if record else None
        self.setWindowTitle(
            self.tr("Tambah peserta") if record is None else self.tr("Data peserta")
        )
        self.resize(760, 640)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_form(), self.tr("Data"))
        self.history_table = QTableWidget(0, 5)
        self.history_table.setHorizontalHeaderLabels(
            [
                self.tr("Waktu"),
                self.tr("Pengguna"),
                self.tr("Kolom"),
                self.tr("Sebelumnya"),
                self.tr("Menjadi"),
            ]
        )
        self.history_table.verticalHeader().setVisible(False)
        self.history_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.history_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.history_table.horizontalHeader().setStretchLastSection(True)
        if record is not None:
            self.tabs.addTab(self.history_table, self.tr("Riwayat perubahan"))

        self.buttons = QDialogButtonBox()
        self.save_button = self.buttons.addButton(
            self.tr("&Simpan"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(self.tr("&Tutup"), QDialogButtonBox.ButtonRole.RejectRole)
        self.status_button = QPushButton(self.tr("Ubah &status…"))
        self.status_button.setVisible(record is not None)
        self.status_button.clicked.connect(self.change_status)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status_button)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)

        if record is not None:
            self._show_record(record)
        can_edit = actor is not None and _can_edit(actor)
        self.save_button.setVisible(can_edit)
        self.status_button.setEnabled(can_edit)
        self._check()
        # What the form held when it opened: closing with other values asks first.
        self._initial = self.values()

    # ---- building ------------------------------------------------------------------------

    def _build_form(self) -> QWidget:
        self.nik_edit = QLineEdit()
        self.nik_edit.setMaxLength(24)
        self.nik_edit.setPlaceholderText(self.tr("16 angka"))
        self.nik_message = message_label()
        self.kk_edit = QLineEdit()
        self.kk_edit.setMaxLength(24)
        self.kk_message = message_label()
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(200)
        self.sex_combo = QComboBox()
        for sex in Sex:
            self.sex_combo.addItem(translate("Sex", sex.label), sex.value)
        self.birth_place_edit = QLineEdit()
        self.birth_place_edit.setMaxLength(100)
        self.birth_date_edit = date_edit(optional=False)
        self.birth_date_edit.setDate(QDate(1980, 1, 1))
        self.address_edit = QLineEdit()
        self.address_edit.setMaxLength(300)
        self.district_combo = QComboBox()
        self.village_combo = QComboBox()
        self.category_combo = QComboBox()
        self.category_combo.addItem(self.tr("(pilih kategori)"), "")
        for category in Category:
            self.category_combo.addItem(translate("Category", category.label), category.value)
        self.subcategory_combo = QComboBox()
        self.position_edit = QLineEdit()
        self.position_edit.setMaxLength(120)
        self.kpj_edit = QLineEdit()
        self.kpj_edit.setMaxLength(20)
        self.kpj_message = message_label()
        self.programme_checks = {p: QCheckBox(p.abbreviation) for p in Programme}
        for programme, check in self.programme_checks.items():
            check.setToolTip(translate("Programme", programme.label))
        self.programme_checks[Programme.JKK].setChecked(True)
        self.programme_checks[Programme.JKM].setChecked(True)
        self.income_spin = QSpinBox()
        self.income_spin.setRange(0, MAX_INCOME)
        self.income_spin.setSingleStep(100_000)
        self.income_spin.setGroupSeparatorShown(True)
        self.income_spin.setPrefix("Rp ")
        self.income_spin.setValue(1_000_000)
        self.coverage_start_edit = date_edit(optional=True)
        self.coverage_end_edit = date_edit(optional=True)
        self.funding_combo = QComboBox()
        for source in FundingSource:
            self.funding_combo.addItem(translate("FundingSource", source.label), source.value)
        self.phone_edit = QLineEdit()
        self.phone_edit.setMaxLength(24)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.form_message = message_label()
        self.form_message.setStyleSheet(ERROR_STYLE)

        for district in self._regions_under_regency():
            self.district_combo.addItem(district[1], district[0])
        self.district_combo.setCurrentIndex(-1)
        self.district_combo.currentIndexChanged.connect(self._district_changed)
        self.category_combo.currentIndexChanged.connect(self._category_changed)
        self._category_changed()
        for widget in (self.nik_edit, self.kk_edit, self.kpj_edit, self.name_edit):
            widget.textChanged.connect(self._check)
        self.birth_date_edit.dateChanged.connect(self._check)
        self.coverage_start_edit.dateChanged.connect(self._check)
        self.coverage_end_edit.dateChanged.connect(self._check)
        self.sex_combo.currentIndexChanged.connect(self._check)
        self.village_combo.currentIndexChanged.connect(self._check)
        self.category_combo.currentIndexChanged.connect(self._check)

        born = QHBoxLayout()
        born.addWidget(self.birth_place_edit, 2)
        born.addWidget(self.birth_date_edit, 1)
        region = QHBoxLayout()
        region.addWidget(self.district_combo, 1)
        region.addWidget(self.village_combo, 1)
        category_row = QHBoxLayout()
        category_row.addWidget(self.category_combo, 1)
        category_row.addWidget(self.subcategory_combo, 1)
        programmes = QHBoxLayout()
        for check in self.programme_checks.values():
            programmes.addWidget(check)
        programmes.addStretch(1)
        coverage = QHBoxLayout()
        coverage.addWidget(self.coverage_start_edit)
        coverage.addWidget(QLabel(self.tr("s.d.")))
        coverage.addWidget(self.coverage_end_edit)
        coverage.addStretch(1)
        self.coverage_message = message_label()

        form = QFormLayout()
        form.addRow(self.tr("&NIK"), self.nik_edit)
        form.addRow("", self.nik_message)
        form.addRow(self.tr("No. &KK"), self.kk_edit)
        form.addRow("", self.kk_message)
        form.addRow(self.tr("Na&ma"), self.name_edit)
        form.addRow(self.tr("&Jenis kelamin"), self.sex_combo)
        form.addRow(buddy_label(self.tr("Tempat, tgl &lahir"), self.birth_place_edit), born)
        form.addRow(self.tr("&Alamat"), self.address_edit)
        form.addRow(buddy_label(self.tr("Kecamatan, &desa"), self.district_combo), region)
        form.addRow(
            buddy_label(self.tr("Kategori, s&ub-kategori"), self.category_combo), category_row
        )
        form.addRow(self.tr("Ja&batan"), self.position_edit)
        form.addRow(self.tr("No. K&PJ"), self.kpj_edit)
        form.addRow("", self.kpj_message)
        form.addRow(self.tr("Program"), programmes)
        form.addRow(self.tr("Peng&hasilan"), self.income_spin)
        form.addRow(self.tr("Masa kepesertaan"), coverage)
        form.addRow("", self.coverage_message)
        form.addRow(self.tr("Sumber &dana"), self.funding_combo)
        form.addRow(self.tr("&Telepon"), self.phone_edit)
        form.addRow(self.tr("Status"), self.status_label)
        form.setRowVisible(self.status_label, self._record is not None)
        page = QWidget()
        outer = QVBoxLayout(page)
        outer.addLayout(form)
        outer.addWidget(self.form_message)
        outer.addStretch(1)
        return page

    def _regions_under_regency(self) -> list[tuple[str, str]]:
        """The kecamatan this office may pick: its own on a laptop, its regency's at the hub
        (the region list may hold all of Indonesia)."""
        return self._regions.office_districts()

    @Slot()
    def _district_changed(self) -> None:
        code = self.district_combo.currentData()
        self.village_combo.clear()
        if code:
            for village in self._regions.children(code):
                self.village_combo.addItem(village.name, village.code)
        self.village_combo.setCurrentIndex(-1)

    @Slot()
    def _category_changed(self) -> None:
        self.subcategory_combo.clear()
        self.subcategory_combo.addItem(self.tr("(tanpa sub-kategori)"), None)
        code = self.category_combo.currentData()
        if code:
            for sub in subcategories(Category(code)):
                self.subcategory_combo.addItem(translate("SubCategory", sub.label), sub.value)

    def _select(self, combo: QComboBox, value: Any) -> None:
        index = combo.findData(value)
        combo.setCurrentIndex(index)

    def _show_record(self, record: WorkerRecord) -> None:
        self.nik_edit.setText(record.nik)
        self.kk_edit.setText(record.kk or "")
        self.name_edit.setText(record.name)
        self._select(self.sex_combo, record.sex)
        self.birth_place_edit.setText(record.birth_place or "")
        self.birth_date_edit.setDate(to_qdate(record.birth_date))
        self.address_edit.setText(record.address or "")
        self._select(self.district_combo, district_of(record.village_code))
        self._select(self.village_combo, record.village_code)
        self._select(self.category_combo, record.category)
        self._select(self.subcategory_combo, record.subcategory)
        self.position_edit.setText(record.position or "")
        if record.kpj and not self._full_numbers:
            self.kpj_edit.setPlaceholderText(
                self.tr("{kpj} (isi untuk mengganti)").format(kpj=mask_kpj(record.kpj))
            )
        else:
            self.kpj_edit.setText(record.kpj or "")
        chosen = set(record.programmes.split(","))
        for programme, check in self.programme_checks.items():
            check.setChecked(programme.abbreviation in chosen)
        self.income_spin.setValue(min(record.declared_income, MAX_INCOME))
        self.coverage_start_edit.setDate(to_qdate(record.coverage_start))
        self.coverage_end_edit.setDate(to_qdate(record.coverage_end))
        self._select(self.funding_combo, record.funding_source)
        self.phone_edit.setText(record.phone or "")
        self._show_status(record)
        self._show_history()

    def _show_status(self, record: WorkerRecord) -> None:
        text = translate("WorkerStatus", WorkerStatus(record.status).label)
        if record.status == WorkerStatus.MENINGGAL and record.death_date:
            text = self.tr("{status}, {date}").format(
                status=text, date=long_date(record.death_date)
            )
        if record.status_reason:
            text = self.tr("{status} — {reason}").format(status=text, reason=record.status_reason)
        self.status_label.setText(text)

    def _show_history(self) -> None:
        if self._record is None:
            return
        rows: list[tuple[str, str, str, str, str]] = []
        for entry in reversed(self._workers.history(self._record.id)):
            when = entry.at.astimezone().strftime("%d-%m-%Y %H:%M")
            if entry.op == "insert":
                rows.append((when, entry.username, self.tr("(data dibuat)"), "", ""))
                continue
            for change in entry.changes:
                rows.append(
                    (
                        when,
                        entry.username,
                        change.field,
                        self._history_value(change.field, change.old),
                        self._history_value(change.field, change.new),
                    )
                )
        self.history_table.setRowCount(len(rows))
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                self.history_table.setItem(r, c, QTableWidgetItem(value))

    def _history_value(self, field: str, value: Any) -> str:
        if value is None:
            return "–"
        if field == "kpj" and not self._full_numbers:
            return mask_kpj(str(value))
        return value if isinstance(value, str) else json.dumps(value)

    # ---- values and checks ---------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """What the form holds, as the worker service takes it."""
        values: dict[str, Any] = {
            "nik": self.nik_edit.text(),
            "kk": self.kk_edit.text(),
            "name": self.name_edit.text(),
            "sex": self.sex_combo.currentData(),
            "birth_place": self.birth_place_edit.text(),
            "birth_date": from_qdate(self.birth_date_edit.date()),
            "address": self.address_edit.text(),
            "village_code": self.village_combo.currentData() or "",
            "category": self.category_combo.currentData() or "",
            "subcategory": self.subcategory_combo.currentData(),
            "position": self.position_edit.text(),
            "programmes": ",".join(
                p.abbreviation for p, check in self.programme_checks.items() if check.isChecked()
            ),
            "declared_income": self.income_spin.value(),
            "coverage_start": from_qdate(self.coverage_start_edit.date()),
            "coverage_end": from_qdate(self.coverage_end_edit.date()),
            "funding_source": self.funding_combo.currentData(),
            "phone": self.phone_edit.text(),
        }
        if self.kpj_edit.text().strip() or self._record is None or self._full_numbers:
            values["kpj"] = self.kpj_edit.text()
        return values

    def nik_warnings(self) -> list[str]:
        """The NIK's warnings against the form (birth date, sex, unknown area)."""
        result = self._nik_check()
        return [finding_text(f) for f in result.warnings] if result.ok else []

    def date_warnings(self) -> list[str]:
        """Coverage dates that look like a slip (more than a year ahead)."""
        return [
            finding_text(f)
            for f in self._workers.warnings(
                {
                    "coverage_start": from_qdate(self.coverage_start_edit.date()),
                    "coverage_end": from_qdate(self.coverage_end_edit.date()),
                }
            )
        ]

    def _nik_check(self) -> Any:
        sex = self.sex_combo.currentData()
        return check_nik(
            self.nik_edit.text(),
            birth_date=from_qdate(self.birth_date_edit.date()),
            sex=Sex(sex) if sex else None,
            known_area=(self._known_districts.__contains__ if self._known_districts else None),
        )

    @Slot()
    def _check(self) -> None:
        """Check the NIK, KK and KPJ as the user types; errors disable Simpan."""
        blocked = False
        nik_text = self.nik_edit.text().strip()
        if nik_text:
            result = self._nik_check()
            if result.errors:
                self._show_message(self.nik_message, finding_text(result.errors[0]), ERROR_STYLE)
                blocked = True
            elif result.warnings:
                text = "\n".join(finding_text(f) for f in result.warnings)
                self._show_message(self.nik_message, text, WARNING_STYLE)
            else:
                self._show_message(self.nik_message, "", "")
        else:
            self._show_message(self.nik_message, "", "")
            blocked = True
        for edit, label, check in (
            (self.kk_edit, self.kk_message, check_kk),
            (self.kpj_edit, self.kpj_message, check_kpj),
        ):
            errors = check(edit.text()) if edit.text().strip() else ()
            self._show_message(label, finding_text(errors[0]) if errors else "", ERROR_STYLE)
            blocked = blocked or bool(errors)
        dates = self.date_warnings()
        self._show_message(self.coverage_message, "\n".join(dates), WARNING_STYLE)
        blocked = blocked or not self.name_edit.text().strip()
        blocked = blocked or not self.village_combo.currentData()
        blocked = blocked or not self.category_combo.currentData()
        self.save_button.setEnabled(not blocked)

    @staticmethod
    def _show_message(label: QLabel, text: str, style: str) -> None:
        label.setText(text)
        label.setStyleSheet(style)
        label.setVisible(bool(text))

    # ---- saving --------------------------------------------------------------------------

    @Slot()
    def save(self) -> None:
        """Save the form; warnings and possible duplicates are asked about first."""
        if self._actor is None or not self.save_button.isEnabled():
            return
        warnings = self.nik_warnings()
        if warnings and not messages.ask(
            self,
            self.tr("Periksa NIK"),
            self.tr("NIK ini perlu diperiksa:\n\n{warnings}\n\nTetap simpan?").format(
                warnings="\n".join(warnings)
            ),
            yes=self.tr("Tetap simpan"),
        ):
            return
        dates = self.date_warnings()
        if dates and not messages.ask(
            self,
            self.tr("Periksa tanggal"),
            self.tr("Tanggal ini perlu diperiksa:\n\n{warnings}\n\nTetap simpan?").format(
                warnings="\n".join(dates)
            ),
            yes=self.tr("Tetap simpan"),
        ):
            return
        values = self.values()
        if not self._duplicates_settled(values):
            return
        try:
            if self._record is None:
                self.saved_id = self._workers.create(self._actor, values)
            else:
                self._workers.update(self._actor, self._record.id, values)
        except ActiveNikTaken as taken:
            # One person, one active record: offer the record that has the NIK.
            self._show_message(self.form_message, error_text(taken), ERROR_STYLE)
            box = QMessageBox(self)
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle(self.tr("NIK sudah dipakai"))
            box.setText(error_text(taken))
            open_button = box.addButton(
                self.tr("Buka data yang ada"), QMessageBox.ButtonRole.ActionRole
            )
            box.addButton(self.tr("Tutup"), QMessageBox.ButtonRole.RejectRole)
            box.setDefaultButton(open_button)
            if messages.run_box(box) == QMessageBox.ButtonRole.ActionRole:
                self.openRequested.emit(taken.other_id)
            return
        except DomainError as exc:
            self._show_message(self.form_message, error_text(exc), ERROR_STYLE)
            messages.warn(self, self.tr("Simpan data peserta"), error_text(exc))
            return
        assert self.saved_id is not None
        self.saved.emit(self.saved_id)
        self.accept()

    def is_dirty(self) -> bool:
        """True when the form holds something the user typed and did not save."""
        return self.save_button.isVisible() and self.values() != self._initial

    def reject(self) -> None:
        """Tutup, Esc or the window's close button: unsaved changes are asked about first
        (Simpan / Buang perubahan / Batal), so nothing typed is lost by a key."""
        if self.is_dirty():
            choice = messages.ask_unsaved(self, self.windowTitle())
            if choice == "cancel":
                return
            if choice == "save":
                self.save()  # closes the form when it saved; stays open on a refusal
                return
        super().reject()

    def _duplicates_settled(self, values: dict[str, Any]) -> bool:
        """Show workers with the same NIK (or name and birth date); True to go on saving."""
        others = self._workers.find_duplicates(
            values["nik"],
            values["name"],
            values["birth_date"],
            exclude_id=self._record.id if self._record else None,
        )
        if not others:
            return True
        lines = [
            self.tr("{name}, NIK {nik}, lahir {born}, desa {village} ({status})").format(
                name=o.name,
                nik=o.nik,
                born=short_date(o.birth_date),
                village=self._regions.name_of(o.village_code) or o.village_code,
                status=translate("WorkerStatus", WorkerStatus(o.status).label),
            )
            for o in others
        ]
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Mungkin data ganda"))
        box.setText(
            self.tr(
                "Peserta dengan NIK yang sama, atau nama dan tanggal lahir yang sama, sudah ada:"
            )
        )
        box.setInformativeText("\n".join(lines))
        box.addButton(self.tr("Buka data itu"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(self.tr("Tetap simpan"), QMessageBox.ButtonRole.AcceptRole)
        cancel = box.addButton(self.tr("Batal"), QMessageBox.ButtonRole.RejectRole)
        # Saving a possible second record of a person is never what Enter does.
        box.setDefaultButton(cancel)
        role = messages.run_box(box)
        if role == QMessageBox.ButtonRole.ActionRole:
            self.openRequested.emit(others[0].id)
            return False
        return role == QMessageBox.ButtonRole.AcceptRole

    # ---- status --------------------------------------------------------------------------

    @Slot()
    def change_status(self) -> None:
        """Ask for the new status (and its reason or date) and record it."""
        if self._record is None or self._actor is None:
            return
        dialog = StatusDialog(self._record, self)
        dialog.submit = lambda status, reason, died: self._set_status(status, reason, died)
        dialog.open()

    def _set_status(self, status: WorkerStatus, reason: str, died: date | None) -> str | None:
        assert self._record is not None and self._actor is not None
        try:
            self._workers.set_status(
                self._actor, self._record.id, status, reason=reason, death_date=died
            )
        except DomainError as exc:
            return error_text(exc)
        self._record = self._workers.get(self._record.id)
        self._show_status(self._record)
        self._show_history()
        self.saved.emit(self._record.id)
        return None


class StatusDialog(QDialog):
    """Aktif, nonaktif with a reason, or meninggal with the date of death."""

    def __init__(self, record: WorkerRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ubah status peserta"))
        self.submit: Callable[[WorkerStatus, str, date | None], str | None] = lambda *a: None
        self.status_combo = QComboBox()
        for status in WorkerStatus:
            self.status_combo.addItem(translate("WorkerStatus", status.label), status.value)
        self.status_combo.setCurrentIndex(self.status_combo.findData(record.status))
        self.reason_edit = QLineEdit(record.status_reason or "")
        self.reason_edit.setMaxLength(300)
        self.death_date_edit = date_edit(optional=True)
        self.death_date_edit.setDate(to_qdate(record.death_date))
        self.message = message_label()
        self.message.setStyleSheet(ERROR_STYLE)
        form = QFormLayout(self)
        form.addRow(self.tr("&Status"), self.status_combo)
        form.addRow(self.tr("&Alasan"), self.reason_edit)
        form.addRow(self.tr("Tanggal &meninggal"), self.death_date_edit)
        form.addRow(self.message)
        buttons = QDialogButtonBox()
        buttons.addButton(self.tr("&Simpan"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.tr("&Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.status_combo.currentIndexChanged.connect(self._status_changed)
        self._status_changed()

    @Slot()
    def _status_changed(self) -> None:
        status = WorkerStatus(self.status_combo.currentData())
        self.death_date_edit.setEnabled(status is WorkerStatus.MENINGGAL)
        self.reason_edit.setEnabled(status is not WorkerStatus.AKTIF)
        if status is WorkerStatus.MENINGGAL and from_qdate(self.death_date_edit.date()) is None:
            self.death_date_edit.setDate(QDate.currentDate())

    @Slot()
    def _save(self) -> None:
        status = WorkerStatus(self.status_combo.currentData())
        died = from_qdate(self.death_date_edit.date()) if status is WorkerStatus.MENINGGAL else None
        problem = self.submit(status, self.reason_edit.text(), died)
        if problem:
            self.message.setText(problem)
            self.message.setVisible(True)
            return
        self.accept()


def _can_edit(actor: Actor) -> bool:
    return can(actor, Permission.EDIT_ROSTER)
