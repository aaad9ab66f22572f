"""Claim list column widths: measured from the font over what each column can hold (its
header and the labels or typical values of its kind, never a scan of the rows), the name
taking what is left; widths the user drags are remembered for the next start (the measuring
and remembering common to the list tabs: desktop.ui.remembered_sizes).
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QTableView

from desktop.domain.claims import ClaimKind, ClaimStatus
from desktop.ui.claims.model import (
    COL_DAYS,
    COL_DEADLINE,
    COL_EVENT,
    COL_FLAGS,
    COL_KIND,
    COL_NAME,
    COL_PLACE,
    COL_STATUS,
    COLUMNS,
    kind_short,
    status_text,
)
from desktop.ui.i18n import translate
from desktop.ui.remembered_sizes import CELL_PADDING, ColumnWidths, text_width

COLUMN_KEYS = {
    COL_KIND: "kind",
    COL_NAME: "name",
    COL_PLACE: "place",
    COL_EVENT: "event",
    COL_STATUS: "status",
    COL_DEADLINE: "deadline",
    COL_DAYS: "days",
    COL_FLAGS: "flags",
}
assert len(COLUMN_KEYS) == len(COLUMNS)

SETTINGS_KEY = "claims/columns"
NAME_SAMPLE = "Muhammad Rizki Akbar"
NAME_FLOOR_SAMPLE = "Muhammad Rizki"
# "Kecamatan / Desa": a longer pair is cut short, whole in the cell's tooltip.
PLACE_SAMPLE = "Tanjung Tengah / Karya Tengah"
PLACE_FLOOR_SAMPLE = "Lubuk Sari / Kuto"
# With room to spare, the place grows to such a pair before the name takes the rest.
PLACE_ROOMY_SAMPLE = "Tanjung Tengah / Tanjung Indah Baru"
ICON_ROOM = 22  # the warning sign of a flagged claim


class ClaimColumns(ColumnWidths):
    """Sizes the columns of the claim list and remembers the ones the user drags."""

    def __init__(self, table: QTableView, settings_key: str = SETTINGS_KEY) -> None:
        super().__init__(table, settings_key, COLUMN_KEYS, COL_NAME)
        self._floors: dict[int, int] = {}
        self._place_roomy = 0

    def content_widths(self) -> dict[int, int]:
        """The width each column needs for its header and the values it typically holds."""
        metrics = self._table.fontMetrics()
        bold = QFont(self._table.font())
        bold.setBold(True)
        date = metrics.horizontalAdvance("00-00-0000")
        samples: dict[int, int] = {
            COL_KIND: text_width(metrics, (kind_short(k) for k in ClaimKind)),
            COL_NAME: metrics.horizontalAdvance(NAME_SAMPLE),
            COL_PLACE: metrics.horizontalAdvance(PLACE_SAMPLE),
            COL_EVENT: date,
            COL_STATUS: text_width(metrics, (status_text(s) for s in ClaimStatus)),
            COL_DEADLINE: date,
            # Bold when overdue or due soon.
            COL_DAYS: text_width(
                QFontMetrics(bold),
                (
                    translate("ClaimsModel", "lewat {days} hari").format(days="00"),
                    translate("ClaimsModel", "hari ini"),
                ),
            ),
            COL_FLAGS: ICON_ROOM,
        }
        return self.padded(samples)

    def apply(self, _places: Iterable[str] = ()) -> None:
        """Size every column to its content (or to the width the user gave it)."""
        self._base = self.content_widths()
        metrics = self._table.fontMetrics()
        self._floors = {
            COL_NAME: metrics.horizontalAdvance(NAME_FLOOR_SAMPLE) + CELL_PADDING,
            COL_PLACE: metrics.horizontalAdvance(PLACE_FLOOR_SAMPLE) + CELL_PADDING,
        }
        self._place_roomy = max(
            self._base[COL_PLACE], metrics.horizontalAdvance(PLACE_ROOMY_SAMPLE) + CELL_PADDING
        )
        self.fit()

    def share(self, widths: dict[int, int], available: int) -> dict[int, int]:
        """Each column its content's width (or the user's), the name the rest; on a narrow
        table the place and the name give way alike, down to their floors."""
        place = widths.pop(COL_PLACE)
        rest = available - sum(widths.values())  # for the name and the place
        short = self._base[COL_NAME] + place - rest
        if short > 0 and COL_PLACE not in self._user:
            # The place gives up half of what is missing, the name the rest; then the place
            # whatever the name could not.
            place = max(self._floors[COL_PLACE], place - (short + 1) // 2)
            name = max(self._floors[COL_NAME], rest - place)
            place = max(self._floors[COL_PLACE], min(place, rest - name))
        elif short < 0 and COL_PLACE not in self._user:
            place = min(self._place_roomy, place - short)
        widths[COL_PLACE] = place
        widths[COL_NAME] = max(self._floors[COL_NAME], rest - place)
        return widths
