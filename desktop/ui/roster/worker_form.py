"""The worker form: every field of one worker, checked as it is typed.

The form every later one copies (issue 18, item 7): required fields carry a red "*" and a
legend, each field's error or warning stands in a room of its own under it (nothing moves
as they come and go), :attr:`WorkerForm.reason` says why it cannot be saved yet, a new
worker's birth date and sex start empty and are filled from the NIK, and a date that
cannot be (a birth after today) is refused at its field.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QRegularExpression, Signal, Slot
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
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
from desktop.domain.dates import is_far_ahead, long_date
from desktop.domain.findings import Finding
from desktop.domain.identifiers import check_kk, check_kpj, mask_kpj
from desktop.domain.nik import NikCheck, check_nik
from desktop.services.regions import RegionService
from desktop.services.workers import WorkerRecord, WorkerService, district_of
from desktop.ui.dialogs.form_rows import FormGrid, caption_label, required_legend
from desktop.ui.i18n import finding_text, translate
from desktop.ui.roster.form_parts import DateField, FieldMessage, blocked_reason
from desktop.ui.widgets import SearchableCombo

MAX_INCOME = 2_000_000_000
# The NIK's own warnings about the birth date and sex stand under those fields.
_BIRTH_AND_SEX = frozenset({"nik.birth_date_mismatch", "nik.sex_mismatch"})


class WorkerForm(QWidget):
    """The fields of one worker (empty for a new one), checked as they are typed."""

    checked = Signal(str)  # why the form cannot be saved yet ("" when it can)

    def __init__(
        self,
        workers: WorkerService,
        regions: RegionService,
        *,
        record: WorkerRecord | None = None,
        full_numbers: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._workers = workers
        self._regions = regions
        self._record = record
        self._full_numbers = full_numbers or record is None
        self._known_districts = regions.known_area()
        # Birth date and sex follow the NIK until the clerk sets them by hand (a record's
        # stored values count as set).
        self._birth_by_hand = self._sex_by_hand = record is not None
        self._birth_from_nik = self._sex_from_nik = False
        self._refused: dict[str, Any] | None = None  # what the form held when saving failed
        self.reason = ""
        self._build()
        if record is not None:
            self._show_record(record)
        self._check()

    # ---- building ------------------------------------------------------------------------

    def _build(self) -> None:
        self.nik_edit = QLineEdit()
        self.nik_edit.setMaxLength(24)
        self.nik_edit.setPlaceholderText(self.tr("16 angka"))
        self.nik_message = FieldMessage(lines=2)
        self.kk_edit = QLineEdit()
        self.kk_edit.setMaxLength(24)
        self.kk_message = FieldMessage(lines=1)
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(200)
        self.birth_date_edit = DateField(self.tr("Tanggal lahir"), latest=date.today)
        self.sex_combo = QComboBox()
        for sex in Sex:
            self.sex_combo.addItem(translate("Sex", sex.label), sex.value)
        self.sex_combo.setPlaceholderText(self.tr("(pilih)"))
        self.sex_combo.setCurrentIndex(-1)
        # The birth date's and the sex's errors, warnings and "filled from the NIK".
        self.birth_message = FieldMessage(lines=2)
        self.birth_place_edit = QLineEdit()
        self.birth_place_edit.setMaxLength(100)
        self.address_edit = QLineEdit()
        self.address_edit.setMaxLength(300)
        self.district_combo = SearchableCombo()
        self.village_combo = SearchableCombo()
        self.phone_edit = QLineEdit()
        self.phone_edit.setMaxLength(24)
        self.phone_edit.setValidator(
            QRegularExpressionValidator(QRegularExpression(r"\+?[0-9 \-]*"), self.phone_edit)
        )
        self.category_combo = QComboBox()
        self.category_combo.addItem(self.tr("(pilih kategori)"), "")
        for category in Category:
            self.category_combo.addItem(translate("Category", category.label), category.value)
        self.subcategory_combo = QComboBox()
        self.position_edit = QLineEdit()
        self.position_edit.setMaxLength(120)
        self.kpj_edit = QLineEdit()
        self.kpj_edit.setMaxLength(20)
        self.kpj_message = FieldMessage(lines=1)
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
        self.coverage_start_edit = DateField(self.tr("Mulai kepesertaan"))
        self.coverage_end_edit = DateField(self.tr("Akhir kepesertaan"))
        self.coverage_message = FieldMessage(lines=2)
        self.funding_combo = QComboBox()
        for source in FundingSource:
            self.funding_combo.addItem(translate("FundingSource", source.label), source.value)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        # A refusal of the whole form by the service (e.g. the NIK of another active worker).
        self.form_message = FieldMessage(lines=2)

        for code, label in self._regions_under_regency():
            self.district_combo.addItem(label, code)
        self.district_combo.setCurrentIndex(-1)
        self.district_combo.setPlaceholderText(self.tr("(pilih kecamatan)"))
        self.village_combo.setPlaceholderText(self.tr("(pilih desa)"))
        self.district_combo.currentIndexChanged.connect(self._district_changed)
        self.category_combo.currentIndexChanged.connect(self._category_changed)
        self._category_changed()

        person = FormGrid()
        self.captions: dict[str, QLabel] = {}
        self.captions["nik"] = person.add_row(self.tr("&NIK"), self.nik_edit, required=True)
        person.add_line(self.nik_message)
        self.captions["kk"] = person.add_row(self.tr("No. &KK"), self.kk_edit)
        person.add_line(self.kk_message)
        self.captions["name"] = person.add_row(
            self.tr("Na&ma lengkap"), self.name_edit, required=True
        )
        born = QHBoxLayout()
        born.addWidget(self.birth_date_edit)
        born.addSpacing(12)
        self.captions["sex"] = caption_label(self.tr("J&enis kelamin"), required=True)
        self.captions["sex"].setBuddy(self.sex_combo)
        born.addWidget(self.captions["sex"])
        born.addWidget(self.sex_combo, 1)
        self.captions["birth_date"] = person.add_row(self.tr("Tanggal &lahir"), born, required=True)
        self.captions["birth_date"].setBuddy(self.birth_date_edit)
        person.add_line(self.birth_message)
        self.captions["birth_place"] = person.add_row(
            self.tr("Tempat la&hir"), self.birth_place_edit
        )
        self.captions["address"] = person.add_row(self.tr("&Alamat"), self.address_edit)
        self.captions["district"] = person.add_row(
            self.tr("Ke&camatan"), self.district_combo, required=True
        )
        self.captions["village"] = person.add_row(
            self.tr("&Desa"), self.village_combo, required=True
        )
        self.captions["phone"] = person.add_row(self.tr("Telep&on"), self.phone_edit)
        person.setRowStretch(person.rowCount(), 1)

        programmes = QHBoxLayout()
        for check in self.programme_checks.values():
            programmes.addWidget(check)
        programmes.addStretch(1)
        coverage = QHBoxLayout()
        coverage.addWidget(self.coverage_start_edit)
        coverage.addWidget(QLabel(self.tr("s.d.")))
        coverage.addWidget(self.coverage_end_edit)
        coverage.addStretch(1)
        membership = FormGrid()
        self.captions["category"] = membership.add_row(
            self.tr("Kate&gori"), self.category_combo, required=True
        )
        self.captions["subcategory"] = membership.add_row(
            self.tr("Sub-kategori"), self.subcategory_combo
        )
        self.captions["position"] = membership.add_row(self.tr("&Jabatan"), self.position_edit)
        self.captions["kpj"] = membership.add_row(self.tr("No. K&PJ"), self.kpj_edit)
        membership.add_line(self.kpj_message)
        self.captions["programmes"] = membership.add_row(
            self.tr("Program"), programmes, required=True
        )
        self.captions["programmes"].setBuddy(self.programme_checks[Programme.JKK])
        self.captions["income"] = membership.add_row(self.tr("Penghas&ilan"), self.income_spin)
        self.captions["coverage"] = membership.add_row(self.tr("Masa kepese&rtaan"), coverage)
        self.captions["coverage"].setBuddy(self.coverage_start_edit)
        membership.add_line(self.coverage_message)
        self.captions["funding"] = membership.add_row(self.tr("Sum&ber dana"), self.funding_combo)
        self.captions["status"] = membership.add_row(self.tr("Status"), self.status_label)
        self.captions["status"].setVisible(self._record is not None)
        self.status_label.setVisible(self._record is not None)
        membership.setRowStretch(membership.rowCount(), 1)

        person_box = QGroupBox(self.tr("Data diri"))
        person_box.setLayout(person)
        membership_box = QGroupBox(self.tr("Kepesertaan"))
        membership_box.setLayout(membership)
        columns = QHBoxLayout()
        columns.addWidget(person_box, 1)
        columns.addWidget(membership_box, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(columns)
        outer.addWidget(required_legend())
        outer.addWidget(self.form_message)
        outer.addStretch(1)

        self.nik_edit.textChanged.connect(self._nik_changed)
        for widget in (self.kk_edit, self.kpj_edit, self.name_edit):
            widget.textChanged.connect(self._check)
        self.birth_date_edit.dateEdited.connect(self._birth_edited)
        self.sex_combo.activated.connect(self._sex_edited)
        for field in (self.birth_date_edit, self.coverage_start_edit, self.coverage_end_edit):
            field.checkNeeded.connect(self._check)
        self.sex_combo.currentIndexChanged.connect(self._check)
        self.village_combo.currentIndexChanged.connect(self._check)
        self.category_combo.currentIndexChanged.connect(self._check)
        for check in self.programme_checks.values():
            check.toggled.connect(self._check)
        QWidget.setTabOrder(self.phone_edit, self.category_combo)

    def _regions_under_regency(self) -> list[tuple[str, str]]:
        """The kecamatan this office may pick: its own on a laptop, its regency's at the hub
        (the region list may hold all of Indonesia)."""
        return self._regions.office_districts()

    @Slot()
    def _district_changed(self) -> None:
        code = self.district_combo.currentData()
        self.village_combo.clear()
        if code:
            # By name, as a clerk looks for a desa (the codes' order means nothing to them).
            for village in sorted(self._regions.children(code), key=lambda v: v.name.casefold()):
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
        # The stored birth date and sex first: the NIK then has nothing empty to fill.
        self._select(self.sex_combo, record.sex)
        self.birth_date_edit.setDate(record.birth_date)
        self.nik_edit.setText(record.nik)
        self.kk_edit.setText(record.kk or "")
        self.name_edit.setText(record.name)
        self.birth_place_edit.setText(record.birth_place or "")
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
        self.coverage_start_edit.setDate(record.coverage_start)
        self.coverage_end_edit.setDate(record.coverage_end)
        self._select(self.funding_combo, record.funding_source)
        self.phone_edit.setText(record.phone or "")
        self.show_status(record)

    def show_status(self, record: WorkerRecord) -> None:
        """Show the record's status, with the date of death or the reason."""
        text = translate("WorkerStatus", WorkerStatus(record.status).label)
        if record.status == WorkerStatus.MENINGGAL and record.death_date:
            text = self.tr("{status}, {date}").format(
                status=text, date=long_date(record.death_date)
            )
        if record.status_reason:
            text = self.tr("{status} — {reason}").format(status=text, reason=record.status_reason)
        self.status_label.setText(text)

    # ---- birth date and sex from the NIK -------------------------------------------------

    @Slot()
    def _nik_changed(self) -> None:
        """A valid NIK fills the birth date and sex the clerk has not set by hand; a NIK no
        longer valid takes back what it filled."""
        text = self.nik_edit.text().strip()
        info = check_nik(text).info if text else None
        if info is not None:
            if not self._birth_by_hand or self.birth_date_edit.is_empty():
                self.birth_date_edit.setDate(info.birth_date)
                self._birth_by_hand, self._birth_from_nik = False, True
            if not self._sex_by_hand or self.sex_combo.currentIndex() < 0:
                self._select(self.sex_combo, info.sex.value)
                self._sex_by_hand, self._sex_from_nik = False, True
        else:
            if self._birth_from_nik:
                self.birth_date_edit.setDate(None)
                self._birth_from_nik = False
            if self._sex_from_nik:
                self.sex_combo.setCurrentIndex(-1)
                self._sex_from_nik = False
        self._check()

    @Slot()
    def _birth_edited(self) -> None:
        self._birth_by_hand, self._birth_from_nik = True, False

    @Slot()
    def _sex_edited(self) -> None:
        self._sex_by_hand, self._sex_from_nik = True, False
        self._check()

    # ---- values and checks ---------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """What the form holds, as the worker service takes it."""
        values: dict[str, Any] = {
            "nik": self.nik_edit.text(),
            "kk": self.kk_edit.text(),
            "name": self.name_edit.text(),
            "sex": self.sex_combo.currentData(),
            "birth_place": self.birth_place_edit.text(),
            "birth_date": self.birth_date_edit.date(),
            "address": self.address_edit.text(),
            "village_code": self.village_combo.currentData() or "",
            "category": self.category_combo.currentData() or "",
            "subcategory": self.subcategory_combo.currentData(),
            "position": self.position_edit.text(),
            "programmes": ",".join(
                p.abbreviation for p, check in self.programme_checks.items() if check.isChecked()
            ),
            "declared_income": self.income_spin.value(),
            "coverage_start": self.coverage_start_edit.date(),
            "coverage_end": self.coverage_end_edit.date(),
            "funding_source": self.funding_combo.currentData(),
            "phone": self.phone_edit.text(),
        }
        if self.kpj_edit.text().strip() or self._record is None or self._full_numbers:
            values["kpj"] = self.kpj_edit.text()
        return values

    def snapshot(self) -> dict[str, Any]:
        """The values and what is typed in the date fields (an unfinished date is a change)."""
        return self.values() | {
            "typed dates": tuple(
                field.typed()
                for field in (
                    self.birth_date_edit,
                    self.coverage_start_edit,
                    self.coverage_end_edit,
                )
            )
        }

    def nik_warnings(self) -> list[str]:
        """The NIK's warnings against the form (birth date, sex, unknown area)."""
        return [finding_text(f) for f in self._nik_check().warnings]

    def date_warnings(self) -> list[str]:
        """Coverage dates that look like a slip (more than a year ahead)."""
        return [
            finding_text(f)
            for f in self._workers.warnings(
                {
                    "coverage_start": self.coverage_start_edit.date(),
                    "coverage_end": self.coverage_end_edit.date(),
                }
            )
        ]

    def _nik_check(self) -> NikCheck:
        """The NIK against the birth date and sex shown (a date refused at its field is not
        compared: its own red line says what is wrong)."""
        sex = self.sex_combo.currentData()
        birth = self.birth_date_edit
        return check_nik(
            self.nik_edit.text(),
            birth_date=birth.date() if birth.is_acceptable() else None,
            sex=Sex(sex) if sex else None,
            known_area=(self._known_districts.__contains__ if self._known_districts else None),
        )

    def _field_name(self, key: str) -> str:
        """A field's caption as the reason line names it ("Nama lengkap")."""
        names = {
            "nik": self.tr("NIK"),
            "kk": self.tr("No. KK"),
            "name": self.tr("Nama lengkap"),
            "birth_date": self.tr("Tanggal lahir"),
            "sex": self.tr("Jenis kelamin"),
            "district": self.tr("Kecamatan"),
            "village": self.tr("Desa"),
            "category": self.tr("Kategori"),
            "kpj": self.tr("No. KPJ"),
            "programmes": self.tr("Program"),
            "coverage": self.tr("Masa kepesertaan"),
        }
        return names[key]

    @Slot()
    def _check(self) -> None:
        """Check every field as the user types: errors stand red under their field and keep
        Simpan grey; :attr:`reason` (sent by :attr:`checked`) says what is missing or wrong."""
        missing: list[str] = []
        wrong: list[str] = []
        nik_text = self.nik_edit.text().strip()
        nik = self._nik_check() if nik_text else None
        if nik is None:
            self.nik_message.clear_message()
            missing.append("nik")
        elif nik.errors:
            self.nik_message.show_error(finding_text(nik.errors[0]))
            wrong.append("nik")
        else:
            area = [f for f in nik.warnings if f.code not in _BIRTH_AND_SEX]
            self.nik_message.show_warning(_lines(area))
        if not self.name_edit.text().strip():
            missing.append("name")
        self._check_birth_and_sex(nik, missing, wrong)
        for key, edit, label, check in (
            ("kk", self.kk_edit, self.kk_message, check_kk),
            ("kpj", self.kpj_edit, self.kpj_message, check_kpj),
        ):
            errors = check(edit.text()) if edit.text().strip() else ()
            label.show_error(finding_text(errors[0]) if errors else "")
            if errors:
                wrong.append(key)
        if not self.district_combo.currentData():
            missing.append("district")
        if not self.village_combo.currentData():
            missing.append("village")
        if not self.category_combo.currentData():
            missing.append("category")
        if not any(check.isChecked() for check in self.programme_checks.values()):
            missing.append("programmes")
        if not self._check_coverage():
            wrong.append("coverage")
        if self._refused is not None and self.snapshot() != self._refused:
            self.form_message.clear_message()  # the form changed since it was refused
            self._refused = None
        self.reason = blocked_reason(
            [self._field_name(k) for k in missing], [self._field_name(k) for k in wrong]
        )
        self.checked.emit(self.reason)

    def show_refusal(self, text: str) -> None:
        """Say under the form why saving was refused, until the form changes."""
        self.form_message.show_error(text)
        self._refused = self.snapshot()

    def _check_birth_and_sex(
        self, nik: NikCheck | None, missing: list[str], wrong: list[str]
    ) -> None:
        """The birth date refused at its field (unfinished, not a date, after today); else
        the NIK's word on it and on the sex; else where they came from."""
        birth = self.birth_date_edit
        problem = birth.problem()
        if problem or not birth.is_acceptable():
            self.birth_message.show_error(problem)
            wrong.append("birth_date")
        elif birth.is_empty():
            missing.append("birth_date")
        if self.sex_combo.currentIndex() < 0:
            missing.append("sex")
        if problem:
            return
        mismatch = self._nik_disagrees(nik)
        if mismatch:
            self.birth_message.show_warning(mismatch)
        elif self._birth_from_nik and self._sex_from_nik:
            self.birth_message.show_hint(
                self.tr("Tanggal lahir dan jenis kelamin diisi menurut NIK.")
            )
        elif self._birth_from_nik:
            self.birth_message.show_hint(self.tr("Tanggal lahir diisi menurut NIK."))
        elif self._sex_from_nik:
            self.birth_message.show_hint(self.tr("Jenis kelamin diisi menurut NIK."))
        else:
            self.birth_message.clear_message()

    def _nik_disagrees(self, nik: NikCheck | None) -> str:
        """What the NIK says that the birth date or sex shown do not, in one short sentence
        for the line under them (the question before saving gives the NIK's own words)."""
        if nik is None or nik.info is None:
            return ""
        codes = {f.code for f in nik.warnings}
        born = long_date(nik.info.birth_date)
        sex = translate("Sex", nik.info.sex.label).lower()
        if {"nik.birth_date_mismatch", "nik.sex_mismatch"} <= codes:
            facts = self.tr("lahir {date}, {sex}").format(date=born, sex=sex)
        elif "nik.birth_date_mismatch" in codes:
            facts = self.tr("lahir {date}").format(date=born)
        elif "nik.sex_mismatch" in codes:
            facts = sex
        else:
            return ""
        return self.tr(
            "Berbeda dengan NIK ({facts}). Periksa lagi KTP-nya; bila memang begitu, data "
            "tetap dapat disimpan."
        ).format(facts=facts)

    def _check_coverage(self) -> bool:
        """The coverage dates: refused when unfinished or the end comes before the start,
        flagged when far ahead. True when they may be saved."""
        start, end = self.coverage_start_edit, self.coverage_end_edit
        problem = start.problem() or end.problem()
        if not problem:
            first, last = start.date(), end.date()
            if first is not None and last is not None and last < first:
                problem = self.tr("Akhir kepesertaan tidak boleh sebelum mulai kepesertaan.")
        if problem:
            self.coverage_message.show_error(problem)
            return False
        self.coverage_message.show_warning(self._far_ahead())
        return start.is_acceptable() and end.is_acceptable()

    def _far_ahead(self) -> str:
        """Coverage dates more than a year ahead (a slip such as 2099 for 2029), in one short
        sentence for the line under them (the question before saving lists each)."""
        today = date.today()
        start, end = self.coverage_start_edit.date(), self.coverage_end_edit.date()
        far_start = start is not None and is_far_ahead(start, today)
        far_end = end is not None and is_far_ahead(end, today)
        if far_start and far_end:
            assert start is not None and end is not None
            dates = self.tr("Mulai {start} dan akhir {end}").format(
                start=long_date(start), end=long_date(end)
            )
        elif far_start:
            assert start is not None
            dates = self.tr("Mulai kepesertaan {date}").format(date=long_date(start))
        elif far_end:
            assert end is not None
            dates = self.tr("Akhir kepesertaan {date}").format(date=long_date(end))
        else:
            return ""
        return self.tr(
            "{dates} lebih dari setahun lagi. Periksa tahunnya; bila memang benar, data tetap "
            "dapat disimpan."
        ).format(dates=dates)

    # ---- saving --------------------------------------------------------------------------


def _lines(findings: list[Finding]) -> str:
    return "\n".join(finding_text(f) for f in findings)
