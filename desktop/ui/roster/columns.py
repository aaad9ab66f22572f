"""Roster column widths: measured from the font over what each column can hold (its header
and the labels or typical values of its kind, never a scan of the rows), the name column
taking what is left; widths the user drags are remembered for the next start.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QObject, Slot
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QTableView

from desktop.domain.categories import Category, Sex, WorkerStatus
from desktop.ui.roster.model import (
    COL_BIRTH,
    COL_CATEGORY,
    COL_COVERAGE_END,
    COL_DISTRICT,
    COL_KPJ,
    COL_NAME,
    COL_NIK,
    COL_POSITION,
    COL_SEX,
    COL_STATUS,
    COL_VILLAGE,
    COLUMNS,
    category_short,
    sex_short,
    status_short,
)
from desktop.ui.settings import save_widths, saved_widths

# Names of the columns in the settings file (stable whatever the language or order).
COLUMN_KEYS = {
    COL_NIK: "nik",
    COL_NAME: "name",
    COL_SEX: "sex",
    COL_BIRTH: "birth",
    COL_VILLAGE: "village",
    COL_DISTRICT: "district",
    COL_CATEGORY: "category",
    COL_POSITION: "position",
    COL_STATUS: "status",
    COL_COVERAGE_END: "coverage_end",
    COL_KPJ: "kpj",
}
assert len(COLUMN_KEYS) == len(COLUMNS)

SETTINGS_KEY = "roster/columns"
CELL_PADDING = 10  # pixels around a cell's text (frame and focus margins, a little air)
# A longer name or place is cut short in the table and whole in the cell's tooltip.
NAME_SAMPLE = "Muhammad Rizki Akbar"
PLACE_SAMPLE_CAP = "Tanjung Sari Baru Ilir"
POSITION_SAMPLES = ("Sekretaris Desa", "Kader Posyandu", "Anggota Linmas")
MIN_WIDTH = 24


def text_width(metrics: QFontMetrics, texts: Iterable[str]) -> int:
    """The width of the widest of *texts*."""
    return max((metrics.horizontalAdvance(t) for t in texts), default=0)


class RosterColumns(QObject):
    """Sizes the columns of the roster table and remembers the ones the user drags."""

    def __init__(self, table: QTableView, settings_key: str = SETTINGS_KEY) -> None:
        super().__init__(table)
        self._table = table
        self._key = settings_key
        self._adjusting = False
        self._name_min = 0
        self._fitted: dict[int, int] = {}
        self._user = {
            column: width
            for column, key in COLUMN_KEYS.items()
            if column != COL_NAME and (width := saved_widths(settings_key).get(key, 0)) > 0
        }
        table.horizontalHeader().setStretchLastSection(False)
        table.horizontalHeader().sectionResized.connect(self._section_resized)
        table.viewport().installEventFilter(self)

    # ---- measuring -------------------------------------------------------------------------

    def content_widths(self, places: Iterable[str] = ()) -> dict[int, int]:
        """The width each column needs for its header and the values it typically holds.

        *places* are the names of the office's kecamatan: a sample of the lengths of its
        village and kecamatan names, capped so that one long name does not take the table.
        """
        metrics = self._table.fontMetrics()
        cap = metrics.horizontalAdvance(PLACE_SAMPLE_CAP)
        place = min(text_width(metrics, places), cap)
        samples: dict[int, int] = {
            COL_NIK: metrics.horizontalAdvance("0" * 16),
            COL_NAME: metrics.horizontalAdvance(NAME_SAMPLE),
            COL_SEX: text_width(metrics, (sex_short(s) for s in Sex)),
            COL_BIRTH: metrics.horizontalAdvance("00-00-0000 (00)"),
            COL_VILLAGE: place,
            COL_DISTRICT: place,
            COL_CATEGORY: text_width(metrics, (category_short(c) for c in Category)),
            COL_POSITION: text_width(metrics, POSITION_SAMPLES),
            COL_STATUS: text_width(metrics, (status_short(s) for s in WorkerStatus)),
            COL_COVERAGE_END: metrics.horizontalAdvance("00-00-0000"),
            COL_KPJ: text_width(metrics, ("\u2022" * 7 + "0000", "0" * 11)),
        }
        header = self._table.horizontalHeader()
        return {
            column: max(MIN_WIDTH, width + CELL_PADDING, header.sectionSizeHint(column))
            for column, width in samples.items()
        }

    def apply(self, places: Iterable[str] = ()) -> None:
        """Size every column to its content (or to the width the user gave it)."""
        widths = self.content_widths(places)
        self._name_min = widths[COL_NAME]
        self._fitted = widths
        self._adjusting = True
        try:
            for column, width in widths.items():
                if column != COL_NAME:
                    self._table.setColumnWidth(column, self._user.get(column, width))
        finally:
            self._adjusting = False
        self.fit_name()

    def fit_name(self) -> None:
        """Give the name column what the others leave of the table's width."""
        header = self._table.horizontalHeader()
        others = sum(
            header.sectionSize(c)
            for c in range(header.count())
            if c != COL_NAME and not header.isSectionHidden(c)
        )
        width = max(self._name_min, self._table.viewport().width() - others)
        if width != header.sectionSize(COL_NAME):
            self._adjusting = True
            try:
                self._table.setColumnWidth(COL_NAME, width)
            finally:
                self._adjusting = False

    def needed_width(self) -> int:
        """The table's width at which every column shows whole (name at its sample width)."""
        return sum(self._fitted.values())

    # ---- remembering -----------------------------------------------------------------------

    @Slot(int, int, int)
    def _section_resized(self, column: int, _old: int, new: int) -> None:
        if self._adjusting:
            return
        if column != COL_NAME:
            self._user[column] = new
        self.fit_name()

    def save(self) -> None:
        """Remember the widths the user dragged (the others follow the font next time)."""
        save_widths(self._key, {COLUMN_KEYS[c]: w for c, w in self._user.items()})

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Refit the name column whenever the table changes width."""
        if event.type() == QEvent.Type.Resize:
            self.fit_name()
        return False
