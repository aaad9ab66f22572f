"""Roster column widths: measured from the font over what each column can hold (its header
and the labels or typical values of its kind, never a scan of the rows), the name column
taking what is left; widths the user drags are remembered for the next start (the measuring
and remembering common to the list tabs: desktop.ui.remembered_sizes).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QTableView

from desktop.domain.categories import Category, Sex, WorkerStatus
from desktop.ui.remembered_sizes import CELL_PADDING, ColumnWidths, text_width
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
# A longer name or place is cut short in the table and whole in the cell's tooltip.
NAME_SAMPLE = "Muhammad Rizki Akbar"
# On a narrow table the name gives way first, down to this, before a scroll bar comes.
NAME_FLOOR_SAMPLE = "Muhammad Rizki"
PLACE_SAMPLE_CAP = "Tanjung Sari Baru Ilir"
POSITION_SAMPLES = ("Sekretaris Desa", "Kader Posyandu", "Anggota Linmas")
# With room to spare these columns grow to such texts before the name takes the rest.
ROOMY_SAMPLES = {COL_POSITION: "Pengurus Karang Taruna"}


class RosterColumns(ColumnWidths):
    """Sizes the columns of the roster table and remembers the ones the user drags."""

    def __init__(self, table: QTableView, settings_key: str = SETTINGS_KEY) -> None:
        super().__init__(table, settings_key, COLUMN_KEYS, COL_NAME)
        self._roomy: dict[int, int] = {}
        self._name_floor = 0

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
        return self.padded(samples)

    def apply(self, places: Iterable[str] = ()) -> None:
        """Size every column to its content (or to the width the user gave it)."""
        self._base = self.content_widths(places)
        metrics = self._table.fontMetrics()
        self._name_floor = metrics.horizontalAdvance(NAME_FLOOR_SAMPLE) + CELL_PADDING
        self._roomy = {
            column: max(self._base[column], metrics.horizontalAdvance(text) + CELL_PADDING)
            for column, text in ROOMY_SAMPLES.items()
        }
        self.fit()

    def share(self, widths: dict[int, int], available: int) -> dict[int, int]:
        """Each column its content's width (or the user's), the room left first to the
        columns that hold longer texts, then all to the name."""
        spare = available - sum(widths.values()) - self._base[COL_NAME]
        for column, roomy in self._roomy.items():
            if column not in self._user and spare > 0:
                grown = min(roomy, widths[column] + spare)
                spare -= grown - widths[column]
                widths[column] = grown
        widths[COL_NAME] = max(self._name_floor, available - sum(widths.values()))
        return widths
