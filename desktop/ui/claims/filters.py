"""The Klaim tab's filter row: search by name or NIK, kind, state, kecamatan, desa, the
clock's filters (overdue, due within N days) and "perlu diperiksa".

The row only describes what the clerk chose (:meth:`ClaimFilters.current`); the tab turns
it into the service's criteria on its query thread.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from desktop.domain.claims import ClaimKind, ClaimStatus
from desktop.services.regions import RegionRow
from desktop.ui.claims.model import kind_text, status_text
from desktop.ui.widgets import SearchableCombo

SEARCH_DELAY_MS = 250
DUE_WITHIN_DEFAULT = 2


@dataclass(frozen=True)
class ClaimFilter:
    """What the filter row says; the default shows every claim."""

    text: str = ""
    kind: str | None = None
    status: str | None = None
    district_code: str | None = None
    village_code: str | None = None
    overdue: bool = False
    due_within: int | None = None
    flagged: bool = False

    @property
    def filtered(self) -> bool:
        """True when it leaves out some claims (a search or any filter is set)."""
        return self.without_text().has_filters or bool(self.text.strip())

    @property
    def has_filters(self) -> bool:
        """True when a filter other than the search is set."""
        return self.without_text() != ClaimFilter()

    def without_text(self) -> ClaimFilter:
        """The same filters, without the search."""
        return ClaimFilter(
            kind=self.kind,
            status=self.status,
            district_code=self.district_code,
            village_code=self.village_code,
            overdue=self.overdue,
            due_within=self.due_within,
            flagged=self.flagged,
        )


class ClaimFilters(QWidget):
    """The filter row above the claim list."""

    changed = Signal()  # at once for a choice, after a pause for typing

    def __init__(
        self,
        villages: Callable[[str], Sequence[RegionRow]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._villages = villages
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.changed)

        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("claimSearch")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(self.tr("Cari nama atau NIK…"))
        self.search_edit.setMinimumWidth(140)
        self.search_edit.textChanged.connect(lambda _text: self._timer.start())
        self.kind_combo = QComboBox()
        self.kind_combo.addItem(self.tr("Semua jenis"), None)
        for kind in ClaimKind:
            self.kind_combo.addItem(kind_text(kind), kind.value)
        self.status_combo = QComboBox()
        self.status_combo.addItem(self.tr("Semua status"), None)
        for status in ClaimStatus:
            self.status_combo.addItem(status_text(status), status.value)
        self.district_combo = SearchableCombo()
        self.district_combo.setToolTip(self.tr("Kecamatan (ketik untuk mencari)"))
        self.village_combo = SearchableCombo()
        self.village_combo.setToolTip(self.tr("Desa atau kelurahan (pilih kecamatan dulu)"))
        self.overdue_check = QCheckBox(self.tr("Lewat batas waktu"))
        self.overdue_check.setToolTip(
            self.tr("Klaim yang batas waktu keputusannya sudah lewat dan belum selesai")
        )
        self.due_check = QCheckBox(self.tr("Jatuh tempo dalam"))
        self.due_check.setToolTip(
            self.tr("Klaim yang batas waktunya jatuh dalam sekian hari ke depan")
        )
        self.due_spin = QSpinBox()
        self.due_spin.setRange(0, 30)
        self.due_spin.setValue(DUE_WITHIN_DEFAULT)
        self.due_spin.setSuffix(self.tr(" hari"))
        self.due_spin.setEnabled(False)
        self.flagged_check = QCheckBox(self.tr("Perlu diperiksa"))
        self.flagged_check.setToolTip(
            self.tr("Klaim dengan tanda yang belum diselesaikan admin (lihat kolom Tanda)")
        )
        self.clear_button = QPushButton(self.tr("Hap&us filter"))
        self.clear_button.setObjectName("clearClaimFilters")
        self.clear_button.clicked.connect(self.clear)

        for combo in (self.kind_combo, self.status_combo, self.district_combo, self.village_combo):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)
            if combo is not self.district_combo:
                combo.currentIndexChanged.connect(self._chosen)
        self.district_combo.currentIndexChanged.connect(self._district_changed)
        self.overdue_check.toggled.connect(self._chosen)
        self.flagged_check.toggled.connect(self._chosen)
        self.due_check.toggled.connect(self.due_spin.setEnabled)
        self.due_check.toggled.connect(self._chosen)
        self.due_spin.valueChanged.connect(lambda _v: self._timer.start())
        self.fill_districts([])

        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.search_edit, 2)
        row.addWidget(self.kind_combo, 2)
        row.addWidget(self.status_combo, 2)
        row.addWidget(self.district_combo, 2)
        row.addWidget(self.village_combo, 2)
        row.addWidget(self.overdue_check)
        row.addWidget(self.due_check)
        row.addWidget(self.due_spin)
        row.addWidget(self.flagged_check)
        row.addWidget(self.clear_button)

    # ---- regions -------------------------------------------------------------------------

    def fill_districts(self, districts: Sequence[tuple[str, str]]) -> None:
        """Offer these kecamatan (code, "16.02.05 — Kayu Agung"), keeping the choice."""
        chosen = self.district_combo.currentData()
        blocked = self.district_combo.blockSignals(True)
        self.district_combo.clear()
        self.district_combo.addItem(self.tr("Semua kecamatan"), None)
        for code, name in sorted(districts, key=lambda d: d[1].split(" \u2014 ")[-1]):
            self.district_combo.addItem(name, code)
        self.district_combo.setCurrentIndex(max(0, self.district_combo.findData(chosen)))
        self.district_combo.blockSignals(blocked)
        self._fill_villages()
        for combo in (self.district_combo, self.village_combo, self.kind_combo):
            combo.view().setMinimumWidth(combo.view().sizeHintForColumn(0) + 24)

    def _fill_villages(self) -> None:
        chosen = self.village_combo.currentData()
        blocked = self.village_combo.blockSignals(True)
        self.village_combo.clear()
        self.village_combo.addItem(self.tr("Semua desa"), None)
        district = self.district_combo.currentData()
        if district:
            for village in sorted(self._villages(district), key=lambda v: v.name.casefold()):
                self.village_combo.addItem(village.name, village.code)
        self.village_combo.setCurrentIndex(max(0, self.village_combo.findData(chosen)))
        self.village_combo.setEnabled(bool(district))
        self.village_combo.blockSignals(blocked)

    @Slot()
    def _district_changed(self) -> None:
        self._fill_villages()
        self._chosen()

    # ---- the choice ----------------------------------------------------------------------

    @Slot()
    def _chosen(self) -> None:
        self._timer.stop()
        self.changed.emit()

    def current(self) -> ClaimFilter:
        """What the row says now."""
        return ClaimFilter(
            text=self.search_edit.text().strip(),
            kind=self.kind_combo.currentData(),
            status=self.status_combo.currentData(),
            district_code=self.district_combo.currentData(),
            village_code=self.village_combo.currentData(),
            overdue=self.overdue_check.isChecked(),
            due_within=self.due_spin.value() if self.due_check.isChecked() else None,
            flagged=self.flagged_check.isChecked(),
        )

    def set_region(self, district: str | None, village: str | None = None) -> None:
        """Choose a kecamatan (and desa), as the combos would."""
        self.district_combo.setCurrentIndex(max(0, self.district_combo.findData(district)))
        self.village_combo.setCurrentIndex(max(0, self.village_combo.findData(village)))

    def set_due_default(self, days: int) -> None:
        """The days "Jatuh tempo dalam" starts with (the office's due-soon setting)."""
        if not self.due_check.isChecked():
            blocked = self.due_spin.blockSignals(True)
            self.due_spin.setValue(days)
            self.due_spin.blockSignals(blocked)

    @Slot()
    def clear(self) -> None:
        """Every filter back to "Semua", the search emptied; one change."""
        widgets = (
            self,
            self.search_edit,
            self.kind_combo,
            self.status_combo,
            self.district_combo,
            self.village_combo,
            self.overdue_check,
            self.due_check,
            self.due_spin,
            self.flagged_check,
        )
        blocked = [w.blockSignals(True) for w in widgets]
        try:
            self.search_edit.clear()
            for combo in (self.kind_combo, self.status_combo, self.district_combo):
                combo.setCurrentIndex(0)
            self._fill_villages()
            self.village_combo.setCurrentIndex(0)
            for check in (self.overdue_check, self.due_check, self.flagged_check):
                check.setChecked(False)
            self.due_spin.setEnabled(False)
        finally:
            for widget, was in zip(widgets, blocked, strict=True):
                widget.blockSignals(was)
        self._timer.stop()
        self.changed.emit()
