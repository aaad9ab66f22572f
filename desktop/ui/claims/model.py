"""The claim list's table model: sorted row ids in memory, rows fetched a window at a time.

A windowed model like the roster's (desktop.ui.windowed): the tab queries the ids of the
matching claims in SQL on a pool thread and hands them over with :meth:`ClaimsModel.set_ids`;
the view asks only for the rows it paints, read by rowid through ``ClaimService.rows``.

Running claims past their deadline are painted red, those due soon amber; claims with an
open review flag carry a warning sign, its tooltip naming the flags.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon
from PySide6.QtWidgets import QApplication, QStyle

from desktop.domain.claims import ClaimKind, ClaimStatus
from desktop.domain.findings import QT_TRANSLATE_NOOP
from desktop.domain.identifiers import mask_account
from desktop.services.claims import ClaimRow
from desktop.ui.i18n import number, translate
from desktop.ui.roster.model import short_date
from desktop.ui.windowed import AnyIndex, WindowedRowsModel
from desktop.ui.windowed import ObjectRole as ObjectRole  # the roles, for the model's users
from desktop.ui.windowed import SortRole as SortRole

CONTEXT = "ClaimsModel"

COLUMNS = (
    QT_TRANSLATE_NOOP("ClaimsModel", "Jenis"),
    QT_TRANSLATE_NOOP("ClaimsModel", "Nama"),
    QT_TRANSLATE_NOOP("ClaimsModel", "Kecamatan / Desa"),
    QT_TRANSLATE_NOOP("ClaimsModel", "Kejadian"),
    QT_TRANSLATE_NOOP("ClaimsModel", "Status"),
    QT_TRANSLATE_NOOP("ClaimsModel", "Batas"),
    QT_TRANSLATE_NOOP("ClaimsModel", "Sisa hari"),
    QT_TRANSLATE_NOOP("ClaimsModel", "Tanda"),
)
COLUMN_TIPS = (
    QT_TRANSLATE_NOOP("ClaimsModel", "Jenis klaim (nama lengkapnya di tooltip baris)"),
    QT_TRANSLATE_NOOP("ClaimsModel", "Nama peserta atau almarhum yang diklaim"),
    QT_TRANSLATE_NOOP("ClaimsModel", "Kecamatan dan desa tempat tinggalnya"),
    QT_TRANSLATE_NOOP("ClaimsModel", "Tanggal meninggal atau kecelakaan"),
    QT_TRANSLATE_NOOP("ClaimsModel", "Tahap klaim sekarang"),
    QT_TRANSLATE_NOOP(
        "ClaimsModel",
        "Batas waktu keputusan, dihitung dari hari berkas lengkap dan diverifikasi",
    ),
    QT_TRANSLATE_NOOP(
        "ClaimsModel",
        "Hari yang tersisa sampai batas waktu (merah: sudah lewat, kuning: segera jatuh tempo)",
    ),
    QT_TRANSLATE_NOOP(
        "ClaimsModel", "Perlu diperiksa: klaim dengan tanda yang belum diselesaikan admin"
    ),
)
(
    COL_KIND,
    COL_NAME,
    COL_PLACE,
    COL_EVENT,
    COL_STATUS,
    COL_DEADLINE,
    COL_DAYS,
    COL_FLAGS,
) = range(len(COLUMNS))

# Column → the service's sort key (desktop.store.claims.SORT_COLUMNS).
SORTS: dict[int, str] = {
    COL_KIND: "kind",
    COL_NAME: "name",
    COL_PLACE: "village",
    COL_EVENT: "event",
    COL_STATUS: "status",
    COL_DEADLINE: "deadline",
    COL_DAYS: "days_left",
    COL_FLAGS: "flags",
}
DEFAULT_SORT_COLUMN = COL_DAYS

KIND_SHORT = {
    ClaimKind.JKM: QT_TRANSLATE_NOOP("ClaimsModel", "JKM"),
    ClaimKind.JKK_DEATH: QT_TRANSLATE_NOOP("ClaimsModel", "JKK meninggal"),
    ClaimKind.JKK_TOTAL_DISABILITY: QT_TRANSLATE_NOOP("ClaimsModel", "JKK cacat"),
    ClaimKind.JKK_TEMPORARY: QT_TRANSLATE_NOOP("ClaimsModel", "JKK STMB"),
    ClaimKind.SANTUNAN: QT_TRANSLATE_NOOP("ClaimsModel", "Santunan"),
}
# What each review flag is about, in a few words (the detail view has the whole message).
FLAG_LABELS = {
    "flag.shared_account": QT_TRANSLATE_NOOP(
        "ClaimsModel", "rekening penerima juga dipakai klaim lain"
    ),
    "flag.heir_is_deceased": QT_TRANSLATE_NOOP(
        "ClaimsModel", "NIK ahli waris sama dengan NIK yang diklaim"
    ),
    "flag.payee_order": QT_TRANSLATE_NOOP(
        "ClaimsModel", "penerima bukan ahli waris urutan pertama"
    ),
    "flag.early_death": QT_TRANSLATE_NOOP("ClaimsModel", "meninggal di awal masa kepesertaan"),
    "flag.outside_regency": QT_TRANSLATE_NOOP("ClaimsModel", "tercatat di luar kabupaten"),
    "flag.decile_above": QT_TRANSLATE_NOOP("ClaimsModel", "desil DTSEN di atas batas"),
    "flag.decile_missing": QT_TRANSLATE_NOOP("ClaimsModel", "desil DTSEN belum dicatat"),
}

# Light backgrounds with dark text, readable on the light palette the app uses.
OVERDUE_BACKGROUND = QColor("#fbdcd8")
OVERDUE_TEXT = QColor("#8c1d18")
DUE_SOON_BACKGROUND = QColor("#fff0c2")
DUE_SOON_TEXT = QColor("#6b4e00")

# The service reads a window of rows in ~5 ms per 128 (more of it is the clock's days
# left, row by row): a page about four screens tall, so a filter's first rows come fast.
PAGE_SIZE = 128
MAX_PAGES = 64

RowsFn = Callable[["array[int]"], list[ClaimRow]]


def kind_text(kind: ClaimKind | str) -> str:
    """The translated full label of a claim kind (the code itself when unknown)."""
    try:
        return translate("ClaimKind", ClaimKind(kind).label)
    except ValueError:
        return str(kind)


def kind_short(kind: ClaimKind | str) -> str:
    """A claim kind as the table shows it, short."""
    try:
        return translate(CONTEXT, KIND_SHORT[ClaimKind(kind)])
    except ValueError:
        return str(kind)


def status_text(status: ClaimStatus | str) -> str:
    """The translated label of a claim status."""
    try:
        return translate("ClaimStatus", ClaimStatus(status).label)
    except ValueError:
        return str(status)


def flag_text(code: str) -> str:
    """What a review flag is about, in a few translated words (the code when unknown)."""
    label = FLAG_LABELS.get(code)
    return translate(CONTEXT, label) if label else code


def days_text(row: ClaimRow) -> str:
    """Days left as the table shows them: "3 hari", "hari ini", "lewat 2 hari", or a dash
    when the clock does not run (not yet verified, decided, filed with BPJS, paid)."""
    left = row.days_left
    if left is None:
        return "–"
    if left < 0 or row.overdue:
        return translate("ClaimsModel", "lewat {days} hari").format(days=number(max(1, -left)))
    if left == 0:
        return translate("ClaimsModel", "hari ini")
    return translate("ClaimsModel", "{days} hari").format(days=number(left))


def days_tip(row: ClaimRow) -> str:
    """Days left in a sentence."""
    if row.deadline is None:
        if row.working_days:
            return translate(
                "ClaimsModel",
                "Belum ada batas waktu: hitungan {days} hari kerja dimulai setelah berkas "
                "lengkap dan diverifikasi.",
            ).format(days=row.clock_days)
        return translate(
            "ClaimsModel",
            "Belum ada batas waktu: hitungan {days} hari dimulai setelah berkas lengkap dan "
            "diverifikasi.",
        ).format(days=row.clock_days)
    if row.days_left is None:
        return translate(
            "ClaimsModel", "Batas waktu {date}; hitungan harinya sudah berhenti."
        ).format(date=short_date(row.deadline))
    if row.overdue:
        return translate("ClaimsModel", "Batas waktu {date} sudah lewat.").format(
            date=short_date(row.deadline)
        )
    if row.due_soon:
        return translate("ClaimsModel", "Segera jatuh tempo: batas waktu {date}.").format(
            date=short_date(row.deadline)
        )
    if row.working_days:
        return translate(
            "ClaimsModel", "Batas waktu {date} (dihitung dalam hari kerja)."
        ).format(date=short_date(row.deadline))
    return translate("ClaimsModel", "Batas waktu {date}.").format(date=short_date(row.deadline))


def flags_tip(row: ClaimRow) -> str:
    """The open flags of a claim, one a line."""
    lines = [translate("ClaimsModel", "Perlu diperiksa:")]
    lines += [f"• {flag_text(code)}" for code in row.flag_codes]
    if not row.flag_codes:
        lines.append(
            translate("ClaimsModel", "{count} tanda belum diselesaikan").format(
                count=number(row.flags_open)
            )
        )
    return "\n".join(lines)


def place_text(row: ClaimRow) -> str:
    """ "Kecamatan / Desa", or the village code when the region list does not name it."""
    if row.village_name and row.district_name:
        return f"{row.district_name} / {row.village_name}"
    return row.village_name or row.village_code


def flag_icon() -> QIcon:
    """The warning sign of a flagged claim."""
    style = QApplication.style()
    return style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)


class ClaimsModel(WindowedRowsModel[ClaimRow, str]):
    """Claims in display order, fetched through *rows* (``ClaimService.rows`` for the
    office's actor) a window at a time as the view scrolls."""

    context = CONTEXT
    columns = COLUMNS
    column_tips = COLUMN_TIPS
    sorts = SORTS
    default_sort_column = DEFAULT_SORT_COLUMN

    def __init__(self, rows: RowsFn, parent: QObject | None = None) -> None:
        super().__init__(parent, page_size=PAGE_SIZE, max_pages=MAX_PAGES)
        self._rows = rows
        self._icon: QIcon | None = None
        self._bold: QFont | None = None

    def _fetch(self, rowids: array[int]) -> list[ClaimRow]:
        return self._rows(rowids)

    # ---- state ---------------------------------------------------------------------------

    def set_rows_source(self, rows: RowsFn) -> None:
        """Read rows through *rows* from now on (the office's actor changed)."""
        self._rows = rows
        self._forget()

    # The claim on a row, its window fetched when needed: row_at under the list's own name
    # (data() finds it faster here than on the base class, at every paint).
    claim = WindowedRowsModel.row_at

    # ---- Qt model ------------------------------------------------------------------------

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in _ROLES:
            return None
        c = self.claim(index.row())
        if c is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            texts = self._texts.get(c.rowid) or self.row_texts(c)
            return texts[column] if 0 <= column < len(texts) else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(c, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            if c.overdue:
                return QBrush(OVERDUE_BACKGROUND)
            if c.due_soon:
                return QBrush(DUE_SOON_BACKGROUND)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if c.overdue:
                return QBrush(OVERDUE_TEXT)
            if c.due_soon:
                return QBrush(DUE_SOON_TEXT)
            return None
        if role == Qt.ItemDataRole.FontRole:
            if column == COL_DAYS and (c.overdue or c.due_soon):
                if self._bold is None:
                    self._bold = QFont()
                    self._bold.setBold(True)
                return self._bold
            return None
        if role == Qt.ItemDataRole.DecorationRole:
            if column == COL_FLAGS and c.flags_open:
                if self._icon is None:
                    self._icon = flag_icon()
                return self._icon
            return None
        if role == ObjectRole:
            return c
        return self._sort_value(c, column)

    @staticmethod
    def _display(c: ClaimRow, column: int) -> str | None:
        if column == COL_KIND:
            return kind_short(c.kind)
        if column == COL_NAME:
            return c.name
        if column == COL_PLACE:
            return place_text(c)
        if column == COL_EVENT:
            return short_date(c.event_date)
        if column == COL_STATUS:
            return status_text(c.status)
        if column == COL_DEADLINE:
            return short_date(c.deadline)
        if column == COL_DAYS:
            return days_text(c)
        if column == COL_FLAGS:
            return ""  # the warning sign; the tooltip names the flags
        return None

    @staticmethod
    def _tooltip(c: ClaimRow, column: int) -> str | None:
        if column == COL_KIND:
            return kind_text(c.kind)
        if column == COL_NAME:
            # Masked as the detail shows it until "Tampilkan nomor lengkap" there.
            nik = mask_account(c.nik) if c.nik else "–"
            return translate("ClaimsModel", "{name}\nNIK {nik}").format(name=c.name, nik=nik)
        if column == COL_PLACE:
            parts = [
                translate("ClaimsModel", "Desa {name} ({code})").format(
                    name=c.village_name or "–", code=c.village_code
                ),
                translate("ClaimsModel", "Kecamatan {name}").format(name=c.district_name or "–"),
            ]
            return "\n".join(parts)
        if column == COL_EVENT:
            return translate("ClaimsModel", "Kejadian {event}, dilaporkan desa {reported}").format(
                event=short_date(c.event_date), reported=short_date(c.reported_date)
            )
        if column == COL_STATUS:
            return status_text(c.status)
        if column in (COL_DEADLINE, COL_DAYS):
            return days_tip(c)
        if column == COL_FLAGS:
            return flags_tip(c) if c.flags_open else None
        return None

    @staticmethod
    def _sort_value(c: ClaimRow, column: int) -> Any:
        values: dict[int, Any] = {
            COL_KIND: str(c.kind),
            COL_NAME: c.name.casefold(),
            COL_PLACE: c.village_code,
            COL_EVENT: c.event_date.isoformat(),
            COL_STATUS: str(c.status),
            COL_DEADLINE: c.deadline.isoformat() if c.deadline else "",
            COL_DAYS: c.days_left if c.days_left is not None else 1 << 30,
            COL_FLAGS: c.flags_open,
        }
        return values.get(column)


_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.DecorationRole,
        SortRole,
        ObjectRole,
    }
)
