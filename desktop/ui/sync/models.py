"""Table models of the sync screens: open conflicts, duplicate pairs and enrolled devices.

These lists are short (a few dozen rows at most: the admin works them down), so each model
holds the service's view objects as they are; the object of a row is at :data:`ObjectRole`
and the sortable value of a cell at :data:`SortRole`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.domain.findings import QT_TRANSLATE_NOOP
from desktop.services.sync import ConflictView, DeviceStatus, DuplicateView
from desktop.ui.i18n import number, translate
from desktop.ui.sync.text import (
    field_label,
    grouped_fingerprint,
    local_time,
    record_label,
    refusal_details,
    refusal_text,
    value_text,
)

ObjectRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2
AnyIndex = QModelIndex | QPersistentModelIndex
Row = TypeVar("Row")

MUTED = QColor("#6c757d")
WAITING = QColor("#8a5a00")
REFUSED = QColor("#b3261e")


class Column(Generic[Row]):
    """One column: its header (marked for translation), its text and its sort key; the
    tooltip of its cells (their text unless *tip* says more) and their colour."""

    def __init__(
        self,
        header: str,
        text: Callable[[Row], str],
        sort: Callable[[Row], Any] | None = None,
        *,
        align_right: bool = False,
        header_tip: str = "",
        tip: Callable[[Row], str] | None = None,
        colour: Callable[[Row], QColor | None] | None = None,
    ) -> None:
        self.header = header
        self.text = text
        self.sort = sort or text
        self.align_right = align_right
        self.header_tip = header_tip
        self.tip = tip or text
        self.colour = colour


class ViewListModel(QAbstractTableModel, Generic[Row]):
    """A read-only table over a list of service view objects."""

    CONTEXT = "SyncModel"
    columns: Sequence[Column[Row]] = ()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []

    def set_rows(self, rows: Sequence[Row]) -> None:
        """Show *rows* instead of what was shown."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_object(self, row: int) -> Row:
        """The view object shown on *row*."""
        return self._rows[row]

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        column = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return translate(self.CONTEXT, column.header)
        if role == Qt.ItemDataRole.ToolTipRole and column.header_tip:
            return translate(self.CONTEXT, column.header_tip)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if not 0 <= index.column() < len(self.columns):
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tip(row)
        if role == ObjectRole:
            return row
        if role == SortRole:
            return column.sort(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = column.colour(row) if column.colour is not None else None
            colour = colour or self.foreground(row)
            return QBrush(colour) if colour is not None else None
        return None

    def foreground(self, row: Row) -> QColor | None:
        """A text colour for the whole row (None: the palette's)."""
        return None


def _moment(value: datetime | None) -> str:
    return value.isoformat() if value is not None else ""


class ConflictModel(ViewListModel[ConflictView]):
    """Open conflicts: which record and field, the two values, when it was found."""

    CONTEXT = "ConflictModel"
    columns = (
        Column(
            QT_TRANSLATE_NOOP("ConflictModel", "Data"),
            lambda c: f"{record_label(c.table_name)}: {c.row_label}",
        ),
        Column(
            QT_TRANSLATE_NOOP("ConflictModel", "Kolom"),
            lambda c: field_label(c.table_name, c.field),
        ),
        Column(
            QT_TRANSLATE_NOOP("ConflictModel", "Nilai terpakai"),
            lambda c: value_text(c.field, c.winner.value),
        ),
        Column(
            QT_TRANSLATE_NOOP("ConflictModel", "Nilai lain"),
            lambda c: value_text(c.field, c.loser.value),
        ),
        Column(
            QT_TRANSLATE_NOOP("ConflictModel", "Ditemukan"),
            lambda c: local_time(c.detected_at),
            lambda c: _moment(c.detected_at),
        ),
    )


REASONS = {
    "nik": QT_TRANSLATE_NOOP("DuplicateModel", "NIK sama"),
    "name_birth": QT_TRANSLATE_NOOP("DuplicateModel", "Nama dan tanggal lahir sama"),
}


def reason_text(reason: str) -> str:
    """Why two records were taken for one person."""
    label = REASONS.get(reason)
    return translate("DuplicateModel", label) if label else reason


def _worker_name(card: dict[str, Any]) -> str:
    return str(card.get("name") or "–")


class DuplicateModel(ViewListModel[DuplicateView]):
    """Open duplicate pairs: the two names, why they were paired, when."""

    CONTEXT = "DuplicateModel"
    columns = (
        Column(QT_TRANSLATE_NOOP("DuplicateModel", "Data kiri"), lambda d: _worker_name(d.first)),
        Column(QT_TRANSLATE_NOOP("DuplicateModel", "Data kanan"), lambda d: _worker_name(d.second)),
        Column(QT_TRANSLATE_NOOP("DuplicateModel", "Alasan"), lambda d: reason_text(d.reason)),
        Column(
            QT_TRANSLATE_NOOP("DuplicateModel", "Ditemukan"),
            lambda d: local_time(d.detected_at),
            lambda d: _moment(d.detected_at),
        ),
    )


def device_state(device: DeviceStatus) -> str:
    """Active, waiting for its first bundle, or revoked."""
    if device.revoked_at is not None:
        return translate("DeviceModel", "Dicabut {date}").format(date=local_time(device.revoked_at))
    if not device.pinned:
        if device.expired and device.valid_until is not None:
            return translate("DeviceModel", "Pendaftaran kedaluwarsa {date}").format(
                date=local_time(device.valid_until)
            )
        return translate("DeviceModel", "Menunggu paket pertama")
    return translate("DeviceModel", "Aktif")


def behind_text(device: DeviceStatus) -> str:
    """How many of this office's changes the device has not acknowledged yet."""
    if device.revoked_at is not None:
        return "–"
    if device.behind == 0:
        return translate("DeviceModel", "mutakhir")
    return translate("DeviceModel", "{count} perubahan").format(count=number(device.behind))


def refusal_colour(device: DeviceStatus) -> QColor | None:
    """Red while the refusal is the device's latest news (no bundle accepted since)."""
    refusal = device.last_refusal
    if refusal is None or device.revoked_at is not None:
        return None
    if device.last_bundle_at is not None and device.last_bundle_at > refusal.at:
        return None
    return REFUSED


class DeviceModel(ViewListModel[DeviceStatus]):
    """The kecamatan devices the hub knows: key, state, last bundle, how far behind."""

    CONTEXT = "DeviceModel"
    columns = (
        Column(QT_TRANSLATE_NOOP("DeviceModel", "Kode"), lambda d: d.region_code),
        Column(QT_TRANSLATE_NOOP("DeviceModel", "Nama kantor"), lambda d: d.name),
        Column(
            QT_TRANSLATE_NOOP("DeviceModel", "Sidik kunci"),
            lambda d: grouped_fingerprint(d.fingerprint),
        ),
        Column(QT_TRANSLATE_NOOP("DeviceModel", "Status"), device_state),
        Column(
            QT_TRANSLATE_NOOP("DeviceModel", "Paket terakhir"),
            lambda d: (
                local_time(d.last_bundle_at)
                if d.last_bundle_at
                else translate("DeviceModel", "belum pernah")
            ),
            lambda d: _moment(d.last_bundle_at),
            header_tip=QT_TRANSLATE_NOOP(
                "DeviceModel", "Kapan paket terakhir dari perangkat ini diterima di sini"
            ),
        ),
        Column(
            QT_TRANSLATE_NOOP("DeviceModel", "Tertinggal"),
            behind_text,
            lambda d: -1 if d.revoked_at is not None else d.behind,
            align_right=True,
            header_tip=QT_TRANSLATE_NOOP(
                "DeviceModel",
                "Perubahan di kantor ini yang belum dikonfirmasi diterima perangkat itu",
            ),
        ),
        Column(
            QT_TRANSLATE_NOOP("DeviceModel", "Paket ditolak"),
            lambda d: (
                refusal_text(d.last_refusal)
                if d.last_refusal
                else translate("DeviceModel", "tidak ada")
            ),
            lambda d: _moment(d.last_refusal.at if d.last_refusal else None),
            header_tip=QT_TRANSLATE_NOOP(
                "DeviceModel",
                "Paket terakhir dari perangkat ini yang ditolak di sini, dan sebabnya",
            ),
            tip=lambda d: refusal_details(d.last_refusal) if d.last_refusal else "",
            colour=refusal_colour,
        ),
    )

    def foreground(self, row: DeviceStatus) -> QColor | None:
        if row.revoked_at is not None:
            return MUTED
        if not row.pinned:
            return WAITING
        return None
