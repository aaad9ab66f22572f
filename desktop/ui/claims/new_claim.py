"""The dialog that opens a claim: for a roster worker (JKM, JKK) or, for a santunan
kematian, a resident who may or may not be in the roster.

``NewClaimDialog(services, worker_id=None, kind=None)`` emits ``claimOpened(id)`` once the
claim is saved. The form follows the worker form (issue 18, item 7): required fields carry
a red "*", each field's error stands under it, Simpan says why it is grey, and Esc asks
before anything typed is lost. Every refusal of the claim service (the eligibility rules)
is said under the field it concerns and, in full, in one message naming the fields; the
form keeps what was typed. The review flags a new claim raises are told after saving.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.claim_rules import ClaimNotEligible, event_label
from desktop.domain.claims import ClaimKind
from desktop.domain.findings import DomainError, Finding
from desktop.domain.identifiers import check_kk
from desktop.domain.nik import check_nik
from desktop.services.app import AppServices
from desktop.services.claims import Resident
from desktop.services.permissions import Actor, Permission, can
from desktop.services.roster import WorkerRow
from desktop.services.workers import WorkerRecord
from desktop.ui import messages
from desktop.ui.claims.new_claim_notes import tell_flags
from desktop.ui.claims.refusals import (
    DECILE,
    EVENT,
    FORM,
    KK,
    NAME,
    NIK,
    REPORTED,
    SUBJECT,
    VILLAGE,
    refusal_target,
)
from desktop.ui.claims.worker_search import WorkerSearch, found_line, worker_summary
from desktop.ui.dialogs.form_rows import (
    ERROR_COLOR,
    REQUIRED_MARK,
    FormGrid,
    ReasonLine,
    required_legend,
)
from desktop.ui.dialogs.sizing import SCREEN_MARGIN_Y, open_size, wide
from desktop.ui.i18n import error_text, finding_text, translate
from desktop.ui.roster.form_parts import DateField, FieldMessage, blocked_reason, join_names
from desktop.ui.widgets import HintLabel, SearchableCombo

OPEN_WIDTH = 980  # two columns side by side; fits 1366 with room to spare
SEARCH_DELAY_MS = 250
_JKK_KINDS = frozenset(
    {ClaimKind.JKK_DEATH, ClaimKind.JKK_TOTAL_DISABILITY, ClaimKind.JKK_TEMPORARY}
)


# Where a refusal is said: the field its code concerns (the subject, the event, ...).
class NewClaimDialog(QDialog):
    """Open a claim."""

    claimOpened = Signal(str)

    def __init__(
        self,
        services: AppServices,
        *,
        worker_id: str | None = None,
        kind: ClaimKind | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._worker_id = worker_id
        self._kind = kind
        self._worker: WorkerRecord | None = None
        self._offered_id: str | None = None  # the roster worker the typed NIK belongs to
        self._refusals: dict[str, str] = {}
        self._refused_at: dict[str, Any] | None = None
        self.opened_id: str | None = None
        self._actor = self._local_actor()
        self._known_districts = services.regions.known_area()  # for the NIK's area check
        self.setWindowTitle(self.tr("Buka klaim"))
        self._build()
        self._search = WorkerSearch(services.roster, self)
        self._search.found.connect(self._show_found)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._start_search)
        if kind is not None:
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind.value))
        if worker_id is not None:
            self._choose_worker(worker_id)
        self._kind_changed()
        self._initial = self.snapshot()
        open_size(self, OPEN_WIDTH)

    # ---- building ------------------------------------------------------------------------

    def _build(self) -> None:
        self.kind_combo = QComboBox()
        for kind in ClaimKind:
            self.kind_combo.addItem(translate("ClaimKind", kind.label), kind.value)
        self.kind_combo.setPlaceholderText(self.tr("(pilih jenis klaim)"))
        self.kind_combo.setCurrentIndex(-1)
        self.kind_hint = HintLabel()
        top = FormGrid()
        top.add_row(self.tr("&Jenis klaim"), self.kind_combo, required=True)
        top.add_line(self.kind_hint)

        self.subject_box = QGroupBox()
        self.subject_pages = QStackedWidget()
        self.subject_pages.addWidget(self._build_worker_page())
        self.subject_pages.addWidget(self._build_resident_page())
        box = QVBoxLayout(self.subject_box)
        box.addWidget(self.subject_pages)

        self.event_box = QGroupBox(self.tr("Kejadian"))
        self.event_box.setLayout(self._build_event_grid())

        columns = QHBoxLayout()
        columns.addWidget(self.subject_box, 1)
        columns.addWidget(self.event_box, 1)

        self.form_message = FieldMessage(lines=2)
        # The service's refusals in full, each with its field: the lines under the fields
        # may be too short for a long one.
        self.refusal_label = QLabel()
        self.refusal_label.setObjectName("claimRefusals")
        self.refusal_label.setWordWrap(True)
        self.refusal_label.setTextFormat(Qt.TextFormat.PlainText)
        self.refusal_label.setStyleSheet(f"color: {ERROR_COLOR};")
        self.refusal_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        wide(self.refusal_label)
        self.refusal_label.setVisible(False)
        self.reason_line = ReasonLine(lines=2)
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            self.tr("&Simpan"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = buttons.addButton(
            self.tr("&Batal"), QDialogButtonBox.ButtonRole.RejectRole
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.reason_line, 1)
        bottom.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(columns, 1)
        layout.addWidget(self.refusal_label)
        layout.addWidget(required_legend())
        layout.addWidget(self.form_message)
        layout.addLayout(bottom)

        self.kind_combo.currentIndexChanged.connect(self._kind_changed)

    def _build_worker_page(self) -> QWidget:
        page = QWidget()
        self.search_edit = QLineEdit()
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(self.tr("NIK atau nama peserta"))
        self.search_edit.textChanged.connect(lambda _text: self._search_timer.start())
        self.search_caption = QLabel(self.tr("Ca&ri peserta:"))
        self.search_caption.setBuddy(self.search_edit)
        self.worker_list = QListWidget()
        self.worker_list.setUniformItemSizes(True)
        # Each worker on two lines (name and NIK, then place and status): a narrow column
        # shows them whole; four and a half workers show, the half says there are more.
        self.worker_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.worker_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.worker_list.setAlternatingRowColors(True)  # where one worker ends
        line = self.worker_list.fontMetrics().lineSpacing()
        self.worker_list.setFixedHeight(
            int(4.5 * (2 * line + 6)) + 2 * self.worker_list.frameWidth()
        )
        self.worker_list.itemActivated.connect(self._worker_picked)
        self.worker_list.itemClicked.connect(self._worker_picked)
        self.search_hint = HintLabel(
            self.tr("Ketik sedikitnya 3 huruf nama atau angka NIK, lalu pilih pesertanya.")
        )
        self.worker_label = QLabel()
        self.worker_label.setObjectName("chosenWorker")
        self.worker_label.setTextFormat(Qt.TextFormat.RichText)
        self.worker_label.setWordWrap(True)
        self.worker_message = FieldMessage(lines=3)
        self.change_worker_button = QPushButton(self.tr("&Ganti peserta…"))
        self.change_worker_button.setVisible(False)  # until a worker is chosen
        self.change_worker_button.clicked.connect(self._show_search)
        self.as_resident_button = QPushButton(self.tr("Isi data &warga bukan peserta"))
        self.as_resident_button.clicked.connect(self._use_resident)
        actions = QHBoxLayout()
        actions.addWidget(self.change_worker_button)
        actions.addWidget(self.as_resident_button)
        actions.addStretch(1)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        search = QHBoxLayout()
        search.addWidget(self.search_caption)
        search.addWidget(self.search_edit, 1)
        layout.addLayout(search)
        layout.addWidget(self.worker_list)
        layout.addWidget(self.search_hint)
        layout.addWidget(self.worker_label)
        layout.addWidget(self.worker_message)
        layout.addLayout(actions)
        layout.addStretch(1)
        return page

    def _build_resident_page(self) -> QWidget:
        page = QWidget()
        self.nik_edit = QLineEdit()
        self.nik_edit.setMaxLength(24)
        self.nik_edit.setPlaceholderText(self.tr("16 angka"))
        self.nik_message = FieldMessage(lines=2)
        self.offer_label = HintLabel()
        self.offer_label.setObjectName("rosterOffer")
        self.use_worker_button = QPushButton(self.tr("&Pakai data peserta"))
        self.use_worker_button.clicked.connect(self._use_offered_worker)
        offer = QHBoxLayout()
        offer.addWidget(self.offer_label, 1)
        offer.addWidget(self.use_worker_button)
        self.name_edit = QLineEdit()
        self.name_edit.setMaxLength(200)
        self.district_combo = SearchableCombo()
        self.district_combo.setPlaceholderText(self.tr("(pilih kecamatan)"))
        for code, label in self._services.regions.office_districts():
            self.district_combo.addItem(label, code)
        self.district_combo.setCurrentIndex(-1)
        self.district_combo.currentIndexChanged.connect(self._district_changed)
        self.village_combo = SearchableCombo()
        self.village_combo.setPlaceholderText(self.tr("(pilih desa)"))
        self.village_message = FieldMessage(lines=2)
        self.birth_edit = DateField(self.tr("Tanggal lahir"), latest=date.today)
        self.kk_edit = QLineEdit()
        self.kk_edit.setMaxLength(24)
        self.kk_edit.setPlaceholderText(self.tr("boleh kosong"))
        self.person_message = FieldMessage(lines=2)
        grid = FormGrid()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.add_row(self.tr("&NIK"), self.nik_edit, required=True)
        grid.add_line(self.nik_message)
        self.offer_row = grid.rowCount()
        grid.addLayout(offer, self.offer_row, 1)
        grid.add_row(self.tr("Na&ma"), self.name_edit, required=True)
        grid.add_row(self.tr("Ke&camatan"), self.district_combo, required=True)
        grid.add_row(self.tr("&Desa"), self.village_combo, required=True)
        grid.add_line(self.village_message)
        born = QHBoxLayout()
        born.addWidget(self.birth_edit)
        born.addSpacing(12)
        kk_caption = QLabel(self.tr("No. &KK"))
        kk_caption.setBuddy(self.kk_edit)
        born.addWidget(kk_caption)
        born.addWidget(self.kk_edit, 1)
        grid.add_row(self.tr("Tanggal &lahir"), born, buddy=self.birth_edit)
        grid.add_line(self.person_message)
        grid.setRowStretch(grid.rowCount(), 1)
        page.setLayout(grid)
        self.nik_edit.textChanged.connect(self._nik_changed)
        self.name_edit.textChanged.connect(self._check)
        self.village_combo.currentIndexChanged.connect(self._check)
        self.kk_edit.textChanged.connect(self._check)
        self.birth_edit.checkNeeded.connect(self._check)
        self._show_offer(None)
        return page

    def _build_event_grid(self) -> FormGrid:
        self.event_edit = DateField(self.tr("Tanggal meninggal"), latest=date.today)
        self.event_message = FieldMessage(lines=3)
        self.reported_edit = DateField(self.tr("Tanggal lapor"), latest=date.today)
        self.reported_edit.setDate(date.today())
        self.reported_message = FieldMessage(lines=2)
        self.akta_edit = QLineEdit()
        self.akta_edit.setMaxLength(100)
        self.akta_edit.setPlaceholderText(self.tr("boleh diisi kemudian"))
        self.decile_combo = QComboBox()
        self.decile_combo.addItem(self.tr("(belum diketahui)"), None)
        for decile in range(1, 11):
            self.decile_combo.addItem(str(decile), decile)
        self.decile_message = FieldMessage(lines=2)
        self.traffic_check = QCheckBox(self.tr("Kecelakaan lal&u lintas"))
        grid = FormGrid()
        self.event_caption = grid.add_row(
            self.tr("&Tanggal meninggal"), self.event_edit, required=True
        )
        grid.add_line(self.event_message)
        grid.add_row(self.tr("Tanggal lap&or"), self.reported_edit, required=True)
        grid.add_line(self.reported_message)
        self.akta_caption = grid.add_row(self.tr("No. &akta kematian"), self.akta_edit)
        self.decile_caption = grid.add_row(self.tr("Desil DTS&EN"), self.decile_combo)
        grid.add_line(self.decile_message)
        grid.add_line(self.traffic_check)
        grid.setRowStretch(grid.rowCount(), 1)
        for field in (self.event_edit, self.reported_edit):
            field.checkNeeded.connect(self._check)
        self.akta_edit.textChanged.connect(self._check)
        self.decile_combo.currentIndexChanged.connect(self._check)
        self.traffic_check.toggled.connect(self._check)
        return grid

    def _local_actor(self) -> Actor | None:
        try:
            return self._services.office.local_actor()
        except DomainError:
            return None

    # ---- the kind ------------------------------------------------------------------------

    def kind(self) -> ClaimKind | None:
        """The kind chosen, or None."""
        value = self.kind_combo.currentData()
        return ClaimKind(value) if value else None

    def is_resident(self) -> bool:
        """True when the claim is for a resident typed in (a santunan without a worker)."""
        return self.subject_pages.currentIndex() == 1

    @Slot()
    def _kind_changed(self) -> None:
        kind = self.kind()
        santunan = kind is ClaimKind.SANTUNAN
        if not santunan or self._worker is not None:
            self.subject_pages.setCurrentIndex(0)
        elif self._worker is None and self._worker_id is None:
            self.subject_pages.setCurrentIndex(1)
        self.subject_box.setTitle(
            self.tr("Almarhum/almarhumah") if santunan else self.tr("Peserta")
        )
        if kind is None:
            self.kind_hint.setText(
                self.tr(
                    "JKM dan JKK untuk peserta yang ada di data peserta; Santunan Kematian "
                    "untuk warga keluarga miskin yang meninggal, peserta atau bukan."
                )
            )
        elif santunan:
            self.kind_hint.setText(
                self.tr(
                    "Santunan kematian kabupaten untuk warga keluarga miskin (DTSEN), "
                    "terdaftar sebagai peserta atau tidak."
                )
            )
        else:
            self.kind_hint.setText(
                self.tr("Klaim BPJS Ketenagakerjaan untuk peserta yang ada di data peserta.")
            )
        event = translate("ClaimRules", event_label(kind or ClaimKind.JKM))
        self.event_edit.name = event
        self.event_edit.setAccessibleName(event)
        caption = (
            self.tr("&Tanggal meninggal")
            if (kind or ClaimKind.JKM).is_death
            else self.tr("&Tanggal kecelakaan")
        )
        self.event_caption.setText(f"{caption} {REQUIRED_MARK}")
        death = kind is None or kind.is_death
        self.akta_caption.setVisible(death)
        self.akta_edit.setVisible(death)
        self.decile_caption.setVisible(santunan)
        self.decile_combo.setVisible(santunan)
        self.traffic_check.setVisible(kind in _JKK_KINDS)
        if kind not in _JKK_KINDS:
            self.traffic_check.setChecked(False)
        self.as_resident_button.setVisible(santunan and self._worker is not None)
        self._fill_event_from_worker()
        self._check()

    # ---- the worker ----------------------------------------------------------------------

    def _choose_worker(self, worker_id: str) -> None:
        try:
            record = self._services.workers.get(worker_id)
        except DomainError as exc:
            self._worker, self._worker_id = None, None
            self.worker_message.show_error(error_text(exc))
            self._show_search()
            return
        self._worker, self._worker_id = record, record.id
        self.worker_label.setText(worker_summary(record, self._services.regions))
        self._set_search_visible(False)
        self.change_worker_button.setVisible(True)
        self._fill_event_from_worker()

    def _fill_event_from_worker(self) -> None:
        """A deceased worker's date of death is the event of a death claim (until typed)."""
        kind = self.kind()
        record = self._worker
        if (
            record is not None
            and record.death_date is not None
            and (kind is None or kind.is_death)
            and self.event_edit.is_empty()
        ):
            self.event_edit.setDate(record.death_date)

    def _set_search_visible(self, visible: bool) -> None:
        for widget in (self.search_caption, self.search_edit, self.worker_list, self.search_hint):
            widget.setVisible(visible)
        self.worker_label.setVisible(self._worker is not None)

    @Slot()
    def _show_search(self) -> None:
        self._set_search_visible(True)
        self.change_worker_button.setVisible(False)
        self.search_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot()
    def _start_search(self) -> None:
        text = self.search_edit.text().strip()
        if len(text) < 3:
            self.worker_list.clear()
            return
        self._search.start(text)

    @Slot(object, int)
    def _show_found(self, rows: list[WorkerRow], total: int) -> None:
        self.worker_list.clear()
        for row in rows:
            text = found_line(row)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            item.setToolTip(text)
            self.worker_list.addItem(item)
        if not rows:
            self.search_hint.setText(
                self.tr("Tidak ada peserta yang cocok dengan “{text}”.").format(
                    text=self.search_edit.text().strip()[:40]
                )
            )
        elif total > len(rows):
            self.search_hint.setText(
                self.tr("{shown} dari {total} peserta yang cocok; ketik lebih lengkap.").format(
                    shown=len(rows), total=total
                )
            )
        else:
            self.search_hint.setText(self.tr("Klik peserta yang diklaim."))

    @Slot(QListWidgetItem)
    def _worker_picked(self, item: QListWidgetItem) -> None:
        worker_id = item.data(Qt.ItemDataRole.UserRole)
        if worker_id:
            self.worker_message.clear_message()
            self._choose_worker(str(worker_id))
            self._kind_changed()

    # ---- the resident --------------------------------------------------------------------

    @Slot()
    def _district_changed(self) -> None:
        code = self.district_combo.currentData()
        self.village_combo.clear()
        if code:
            villages = self._services.regions.children(code)
            for village in sorted(villages, key=lambda v: v.name.casefold()):
                self.village_combo.addItem(village.name, village.code)
        self.village_combo.setCurrentIndex(-1)
        self._check()

    @Slot()
    def _nik_changed(self) -> None:
        """A valid NIK of a roster worker: offer to use that record instead."""
        text = self.nik_edit.text().strip()
        found = None
        if self._actor is not None and check_nik(text).info is not None:
            found = self._services.claims.worker_for_nik(self._actor, text)
        self._show_offer(found)
        self._check()

    def _show_offer(self, worker_id: str | None) -> None:
        self._offered_id = worker_id
        record = None
        if worker_id is not None:
            try:
                record = self._services.workers.get(worker_id)
            except DomainError:
                record = None
        if record is None:
            self._offered_id = None
            self.offer_label.setText("")
            self.offer_label.setVisible(False)
            self.use_worker_button.setVisible(False)
            return
        village = self._services.regions.name_of(record.village_code) or record.village_code
        self.offer_label.setText(
            self.tr("NIK ini milik peserta {name} (desa {village}) di data peserta.").format(
                name=record.name, village=village
            )
        )
        self.offer_label.setVisible(True)
        self.use_worker_button.setVisible(True)

    @Slot()
    def _use_offered_worker(self) -> None:
        if self._offered_id is None:
            return
        self._choose_worker(self._offered_id)
        self.subject_pages.setCurrentIndex(0)
        self._kind_changed()

    @Slot()
    def _use_resident(self) -> None:
        """A santunan for someone other than the worker shown: type the resident in."""
        self._worker, self._worker_id = None, None
        self.worker_label.setText("")
        self.subject_pages.setCurrentIndex(1)
        self._kind_changed()
        self.nik_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    # ---- values and checks ---------------------------------------------------------------

    def snapshot(self) -> dict[str, Any]:
        """What the form holds (what was typed, an unfinished date included)."""
        return {
            "kind": self.kind_combo.currentData(),
            "resident": self.is_resident(),
            "worker": self._worker_id,
            "nik": self.nik_edit.text(),
            "name": self.name_edit.text(),
            "village": self.village_combo.currentData(),
            "birth": self.birth_edit.text(),
            "kk": self.kk_edit.text(),
            "event": self.event_edit.text(),
            "reported": self.reported_edit.text(),
            "akta": self.akta_edit.text(),
            "decile": self.decile_combo.currentData(),
            "traffic": self.traffic_check.isChecked(),
        }

    def is_dirty(self) -> bool:
        """True when the user typed or chose something not saved."""
        return self.opened_id is None and self.snapshot() != self._initial

    def _lines(self) -> dict[str, FieldMessage]:
        return {
            SUBJECT: self.worker_message,
            NIK: self.nik_message,
            VILLAGE: self.village_message,
            KK: self.person_message,
            EVENT: self.event_message,
            REPORTED: self.reported_message,
            DECILE: self.decile_message,
            FORM: self.form_message,
        }

    def _field_names(self) -> dict[str, str]:
        return {
            SUBJECT: self.tr("Peserta"),
            NIK: self.tr("NIK"),
            NAME: self.tr("Nama"),
            VILLAGE: self.tr("Desa"),
            KK: self.tr("No. KK"),
            EVENT: self.event_edit.name,
            REPORTED: self.reported_edit.name,
            DECILE: self.tr("Desil DTSEN"),
        }

    @Slot()
    def _check(self) -> None:
        """Check the fields as they are typed: errors under their field, Simpan grey with
        the reason beside it; the service's last refusals stay until the form changes."""
        if self._refused_at is not None and self.snapshot() != self._refused_at:
            self._refusals, self._refused_at = {}, None
            self.refusal_label.setText("")
            self.refusal_label.setVisible(False)
        live: dict[str, str] = {}
        warnings: dict[str, str] = {}
        hints: dict[str, str] = {}
        missing: list[str] = []
        wrong: list[str] = []
        names = self._field_names()
        kind = self.kind()
        if kind is None:
            missing.append(self.tr("Jenis klaim"))
        if self.is_resident():
            self._check_resident(live, warnings, missing, wrong)
        elif self._worker is None:
            missing.append(names[SUBJECT])
        for key, field in ((EVENT, self.event_edit), (REPORTED, self.reported_edit)):
            problem = field.problem()
            if problem or not field.is_acceptable():
                live[key] = problem
                wrong.append(field.name)
            elif field.is_empty():
                missing.append(field.name)
        if kind is ClaimKind.SANTUNAN and self.decile_combo.currentData() is None:
            hints[DECILE] = self.tr(
                "Tanpa desil DTSEN, klaim ditandai “perlu diperiksa” sampai desilnya dicatat."
            )
        for key, line in self._lines().items():
            if key == FORM:
                continue
            text = live.get(key) or self._refusals.get(key, "")
            if text:
                line.show_error(text)
            elif warnings.get(key):
                line.show_warning(warnings[key])
            elif hints.get(key):
                line.show_hint(hints[key])
            else:
                line.clear_message()
        form_text = ""
        if self._actor is None:
            form_text = self.tr("Kantor belum disiapkan: pilih Berkas → Siapkan kantor… dulu.")
        elif not can(self._actor, Permission.PROPOSE_CLAIMS):
            form_text = (
                finding_text(self._actor.read_only)
                if self._actor.read_only is not None
                else self.tr("Peran pengguna ini tidak boleh membuka klaim.")
            )
        if form_text:
            self.form_message.show_error(form_text)
        else:
            self.form_message.clear_message()
        reason = blocked_reason(missing, wrong)
        self.reason_line.show_reason(reason)
        allowed = self._actor is not None and can(self._actor, Permission.PROPOSE_CLAIMS)
        self.save_button.setEnabled(allowed and not reason)
        self.save_button.setToolTip(reason)

    def _check_resident(
        self,
        live: dict[str, str],
        warnings: dict[str, str],
        missing: list[str],
        wrong: list[str],
    ) -> None:
        names = self._field_names()
        text = self.nik_edit.text().strip()
        if not text:
            missing.append(names[NIK])
        else:
            known = self._known_districts
            nik = check_nik(
                text,
                birth_date=self.birth_edit.date() if self.birth_edit.is_acceptable() else None,
                known_area=known.__contains__ if known else None,
            )
            if nik.errors:
                live[NIK] = finding_text(nik.errors[0])
                wrong.append(names[NIK])
            elif nik.warnings:
                warnings[NIK] = "\n".join(finding_text(f) for f in nik.warnings)
        if not self.name_edit.text().strip():
            missing.append(names[NAME])
        if not self.district_combo.currentData():
            missing.append(self.tr("Kecamatan"))
        if not self.village_combo.currentData():
            missing.append(names[VILLAGE])
        problem = self.birth_edit.problem()
        if problem or not self.birth_edit.is_acceptable():
            live[KK] = problem
            wrong.append(self.birth_edit.name)
        kk = self.kk_edit.text().strip()
        errors = check_kk(kk) if kk else ()
        if errors:
            live[KK] = live.get(KK) or finding_text(errors[0])
            wrong.append(names[KK])

    # ---- saving --------------------------------------------------------------------------

    def _arguments(self) -> dict[str, Any]:
        kind = self.kind()
        assert kind is not None
        event = self.event_edit.date()
        assert event is not None
        arguments: dict[str, Any] = {
            "event_date": event,
            "reported_date": self.reported_edit.date(),
            "akta": self.akta_edit.text() if kind.is_death else None,
            "decile": self.decile_combo.currentData() if kind is ClaimKind.SANTUNAN else None,
            "accident_is_traffic": self.traffic_check.isChecked() and kind in _JKK_KINDS,
        }
        if self.is_resident():
            arguments["subject"] = Resident(
                nik=self.nik_edit.text(),
                name=self.name_edit.text(),
                village_code=self.village_combo.currentData() or "",
                birth_date=self.birth_edit.date(),
                kk=self.kk_edit.text().strip() or None,
            )
        else:
            arguments["worker_id"] = self._worker_id
        return arguments

    @Slot()
    def save(self) -> bool:
        """Open the claim; a refusal is said under its fields and in full in a message,
        the form keeps what was typed. True when the claim was opened."""
        self._check()
        kind = self.kind()
        if self._actor is None or kind is None or not self.save_button.isEnabled():
            return False
        try:
            claim_id = self._services.claims.open_claim(self._actor, kind, **self._arguments())
        except ClaimNotEligible as refused:
            self._show_refusals(refused.findings)
            return False
        except DomainError as refused:
            self._show_refusals((refused.finding,))
            return False
        self.opened_id = claim_id
        tell_flags(
            self,
            self._services,
            self._actor,
            claim_id,
            worker_deceased=self._worker is not None and kind.is_bpjs and kind.is_death,
        )
        self.claimOpened.emit(claim_id)
        self.accept()
        return True

    def _show_refusals(self, findings: tuple[Finding, ...]) -> None:
        resident = self.is_resident()
        refusals: dict[str, list[str]] = {}
        for finding in findings:
            target = refusal_target(finding.code, resident)
            refusals.setdefault(target, []).append(finding_text(finding))
        self._refusals = {key: "\n".join(texts) for key, texts in refusals.items()}
        self._refused_at = self.snapshot()
        names = self._field_names()
        fields = [names[key] for key in refusals if key in names]
        self._check()
        if fields:
            title = self.tr("Klaim belum dapat dibuka. Periksa {fields}:").format(
                fields=join_names(fields)
            )
        else:
            title = self.tr("Klaim belum dapat dibuka:")
        lines = [
            (f"• {names[key]}: {text}" if key in names else f"• {text}")
            for key, texts in refusals.items()
            for text in texts
        ]
        self.refusal_label.setText("\n".join([title, *lines]))
        self.refusal_label.setVisible(True)
        self._grow_to_fit()

    def _grow_to_fit(self) -> None:
        """Taller when the refusals need the room (within the screen), never shorter."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        needed = layout.totalHeightForWidth(self.width())
        if needed > self.height():
            screen = self.screen().availableGeometry()
            self.resize(self.width(), min(needed, screen.height() - SCREEN_MARGIN_Y))

    # ---- closing -------------------------------------------------------------------------

    def reject(self) -> None:
        """Batal, Esc or the window's close button: what was typed is asked about first
        (Simpan / Buang perubahan / Batal)."""
        if self.is_dirty():
            choice = messages.ask_unsaved(self, self.windowTitle())
            if choice == "cancel":
                return
            if choice == "save":
                self.save()  # closes when the claim opened; stays open with the refusal
                return
        super().reject()
