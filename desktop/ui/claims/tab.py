"""The Klaim tab: the claim list with its filters on the left, the chosen claim's detail on
the right.

Built like the Peserta tab, of the same pieces (desktop.ui.windowed): the list holds only
the ids of the matching claims, queried on a pool thread (so typing in the search box never
freezes the window); the model fetches rows by rowid, a window at a time, as the view paints
them.
"""

from __future__ import annotations

from array import array
from collections.abc import Mapping
from functools import partial

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.domain.findings import DomainError
from desktop.domain.settings import CLAIM_DUE_SOON_DAYS, parse_setting
from desktop.services.app import AppServices
from desktop.services.claims import ClaimRow, ClaimService
from desktop.services.permissions import Actor, Permission, can
from desktop.ui.claims.columns import ClaimColumns
from desktop.ui.claims.detail import ClaimDetailView
from desktop.ui.claims.filters import ClaimFilter, ClaimFilters
from desktop.ui.claims.model import ClaimsModel
from desktop.ui.claims.new_claim import NewClaimDialog
from desktop.ui.i18n import error_text, finding_text, number
from desktop.ui.remembered_sizes import RememberedSplitter
from desktop.ui.widgets import EmptyMessage, HintLabel, heading_label
from desktop.ui.windowed import (
    BackgroundIds,
    ObjectRole,
    select_row,
    shown_search,
    windowed_table,
)

SPLITTER_KEY = "claims/splitter"
# The list takes this share of the tab until the user moves the splitter; the detail the
# rest, at first at least DETAIL_ROOM (its two columns of facts whole on a 1366 px laptop,
# where the list keeps every column at its narrowest), never less than DETAIL_MIN.
LIST_SHARE = 0.62
LIST_MIN, DETAIL_MIN, DETAIL_ROOM = 420, 360, 525


def claim_ids(
    claims: ClaimService,
    actor: Actor,
    flt: ClaimFilter,
    sort: str,
    descending: bool,
    count_all: bool,
) -> tuple[array[int], int]:
    """The sorted ids of the matching claims, and every claim in all (-1: not counted; a
    filtered list counts them only when *count_all*, unless known already). On a pool
    thread."""
    criteria = claims.criteria(
        kinds=(flt.kind,) if flt.kind else (),
        statuses=(flt.status,) if flt.status else (),
        district_code=flt.district_code,
        village_code=flt.village_code,
        overdue=flt.overdue,
        due_within=flt.due_within,
        flagged=flt.flagged,
        search=flt.text,
    )
    ids = claims.ids(actor, criteria, sort=sort, descending=descending)
    total = len(ids)
    if flt.filtered:
        total = claims.count(actor) if count_all else -1
    return ids, total


class ClaimsTab(QWidget):
    """Claims: search, filters, the list on the clock, and the chosen claim's detail."""

    idsLoaded = Signal(int)  # rows shown
    claimsChanged = Signal(str)  # a claim was opened or changed here; the window refreshes

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = self._local_actor()
        self._region_count = -1
        self._select_rowid: int | None = None  # to select once the ids come (show_claim)
        self._keep_detail = False  # a reload after the detail's own change keeps it
        self._shown: tuple[str, int] | None = None  # the detail's claim: id, rowid
        self._resetting = False
        self._total: int | None = None  # every claim, known until the data changes
        self.last_query_seconds = 0.0
        self._ids_query = BackgroundIds(self.reload, self)
        self._ids_query.ready.connect(self._ids_ready)
        self._ids_query.failed.connect(self._ids_failed)

        self.count_label = QLabel()
        self.count_label.setObjectName("claimCount")
        self.total_label = HintLabel()
        self.total_label.setObjectName("claimTotal")
        self.total_label.setWordWrap(False)
        self.new_button = QPushButton(self.tr("Kla&im baru…"))
        self.new_button.setObjectName("newClaim")
        self.new_button.clicked.connect(self.open_new_claim)
        self.filters = ClaimFilters(services.regions.children)
        self.filters.changed.connect(self.reload)
        self._build_table()
        self.detail = ClaimDetailView(services, self)
        self.detail.setMinimumWidth(DETAIL_MIN)
        self.detail.claimChanged.connect(self._claim_changed)

        splitter = RememberedSplitter(
            SPLITTER_KEY, [(self.table, 1), (self.detail, 1)], self._splitter_sizes
        )
        splitter.setObjectName("claimsSplitter")
        self.splitter = splitter

        top = QHBoxLayout()
        top.addWidget(heading_label(self.tr("Klaim")))
        top.addSpacing(16)
        top.addWidget(self.count_label)
        top.addWidget(self.total_label)
        top.addStretch(1)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.filters)
        layout.addWidget(splitter, 1)
        QShortcut(
            QKeySequence(QKeySequence.StandardKey.Find), self, self.filters.search_edit.setFocus
        )

        self._load_districts()
        self._apply_permissions()

    # ---- building ------------------------------------------------------------------------

    def _build_table(self) -> None:
        self.model = ClaimsModel(self._rows, self)
        self.model.sortRequested.connect(self.reload)
        self.model.modelReset.connect(self._model_reset)
        table = windowed_table(self.model)
        table.setObjectName("claimTable")
        selection = table.selectionModel()
        selection.currentRowChanged.connect(self._current_changed)
        table.setMinimumWidth(LIST_MIN)
        self.table = table
        self.columns = ClaimColumns(table)
        self.columns.apply()
        self.empty_message = EmptyMessage(table, self.tr("Hapus filter"))
        self.empty_message.actionClicked.connect(self.clear_filters)

    @staticmethod
    def _splitter_sizes(width: int) -> list[int]:
        """The width shared between the list and the detail (until the user chooses)."""
        detail = max(DETAIL_ROOM, width - max(LIST_MIN, round(width * LIST_SHARE)))
        detail = max(DETAIL_MIN, min(detail, width - LIST_MIN))
        return [max(0, width - detail), detail]

    # ---- the office ----------------------------------------------------------------------

    def _local_actor(self) -> Actor | None:
        try:
            return self._services.office.local_actor()
        except DomainError:
            return None

    def _rows(self, rowids: array[int]) -> list[ClaimRow]:
        if self._actor is None:
            return []
        return self._services.claims.rows(self._actor, rowids)

    def _apply_permissions(self) -> None:
        actor = self._actor = self._local_actor()
        self.model.set_rows_source(self._rows)
        may_propose = actor is not None and can(actor, Permission.PROPOSE_CLAIMS)
        self.new_button.setEnabled(may_propose)
        if actor is None:
            why = self.tr("Siapkan kantor dulu (Berkas → Siapkan kantor…).")
        elif actor.read_only is not None:
            why = finding_text(actor.read_only)
        elif not may_propose:
            why = self.tr("Peran Anda tidak berhak mencatat klaim baru.")
        else:
            why = self.tr("Catat klaim JKM, JKK atau santunan kematian yang dilaporkan desa")
        self.new_button.setToolTip(why)
        if actor is not None:
            try:
                settings = self._services.office.settings(actor)
            except DomainError:
                settings = {}
            self.filters.set_due_default(parse_setting(CLAIM_DUE_SOON_DAYS, settings))

    def _load_districts(self) -> None:
        self.filters.fill_districts(self._services.regions.office_districts())

    # ---- filters -------------------------------------------------------------------------

    def current_filter(self) -> ClaimFilter:
        """The filter the row describes."""
        return self.filters.current()

    @Slot()
    def clear_filters(self) -> None:
        """Show every claim again."""
        self.filters.clear()
        self.filters.search_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_clock(self, *, overdue: bool) -> None:
        """Only the overdue claims (or those due within the office's due-soon days), every
        other filter cleared, as the status bar's clock counts them."""
        self.filters.clear()
        (self.filters.overdue_check if overdue else self.filters.due_check).setChecked(True)

    # ---- querying ------------------------------------------------------------------------

    def data_changed(self) -> None:
        """The claims changed (a step, a new claim, a merge): forget the fetched rows and
        query the ids again, once."""
        self._total = None
        self.model.refresh_rows()
        self._ids_query.reload_soon()  # once, for several changes in one go

    @Slot()
    def reload(self) -> None:
        """Query the matching ids again (in the background); stale answers are dropped."""
        if self._actor is None:
            self._ids_query.drop_answers()
            self._set_ids(array("q"))
            self._show_total(0, False)
            self._show_empty(0, 0)
            self.idsLoaded.emit(0)
            return
        self._ids_query.start(
            partial(
                claim_ids,
                self._services.claims,
                self._actor,
                self.current_filter(),
                self.model.sort_key,
                self.model.descending,
                self._total is None,
            )
        )

    def _set_ids(self, ids: array[int]) -> None:
        self._resetting = True
        try:
            self.model.set_ids(ids)
        finally:
            self._resetting = False

    @Slot(object, int, float)
    def _ids_ready(self, ids: array[int], total: int, seconds: float) -> None:
        self.last_query_seconds = seconds
        if total >= 0:
            self._total = total
        elif self._total is None:
            assert self._actor is not None
            self._total = self._services.claims.count(self._actor)
        total = self._total
        current = self.model.data(self.table.currentIndex(), ObjectRole)
        wanted = self._select_rowid
        if wanted is None and current is not None:
            wanted = current.rowid
        elif wanted is None and self._shown is not None:
            wanted = self._shown[1]
        keep_detail, self._keep_detail = self._keep_detail, False
        self._set_ids(ids)
        flt = self.current_filter()
        self._show_total(total, flt.filtered)
        self._show_empty(len(ids), total)
        row = self.model.row_of(wanted) if wanted is not None else -1
        if row >= 0:
            self._select_rowid = None
            select_row(self.table, row)
        elif self._select_rowid is not None and flt.filtered:
            # show_claim: the claim is hidden by the filters; show every claim.
            self.filters.clear()
            return
        else:
            asked, self._select_rowid = self._select_rowid is not None, None
            if self._shown is not None and not (keep_detail or asked):
                self._show_detail(None)
        self.idsLoaded.emit(len(ids))

    @Slot(object)
    def _ids_failed(self, error: object) -> None:
        text = error_text(error) if isinstance(error, DomainError) else str(error)
        self.count_label.setText(
            self.tr("Daftar klaim tidak dapat dibaca: {error}").format(error=text)
        )

    @Slot()
    def _model_reset(self) -> None:
        self.count_label.setText(
            self.tr("{count} klaim").format(count=number(self.model.rowCount()))
        )

    def _show_total(self, total: int, filtered: bool) -> None:
        self.total_label.setText(
            self.tr("dari {total} tercatat").format(total=number(total)) if filtered else ""
        )
        self.total_label.setVisible(filtered)

    def _show_empty(self, shown: int, total: int) -> None:
        """Say why the list is empty, and offer the way back to every claim."""
        if shown:
            self.empty_message.hide()
            return
        flt = self.current_filter()
        text = shown_search(flt.text)
        others = flt.has_filters
        if self._actor is None:
            message = self.tr(
                "Belum ada klaim. Siapkan kantor dulu (Berkas → Siapkan kantor…), atau pilih "
                "Berkas → Buka data contoh… untuk mencoba Sigap."
            )
        elif not total and self.new_button.isEnabled():
            message = self.tr(
                "Belum ada klaim di basis data ini. Catat klaim yang dilaporkan desa dengan "
                "Klaim baru…, atau dari baris peserta di tab Peserta."
            )
        elif not total:
            message = self.tr("Belum ada klaim di basis data ini.")
        elif text and others:
            message = self.tr(
                "Tidak ada klaim yang cocok dengan pencarian “{text}” dan filter yang dipilih."
            ).format(text=text)
        elif text:
            message = self.tr("Tidak ada klaim yang cocok dengan pencarian “{text}”.").format(
                text=text
            )
        else:
            message = self.tr("Tidak ada klaim yang cocok dengan filter yang dipilih.")
        action = self._actor is not None and bool(total) and flt.filtered
        self.empty_message.show_message(message, action=action)

    def wait_for_queries(self, timeout_ms: int = 10_000) -> bool:
        """Wait until no background query runs (tests, closing)."""
        return self._ids_query.wait(timeout_ms)

    # ---- the detail ----------------------------------------------------------------------

    @Slot(QModelIndex, QModelIndex)
    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._resetting or not current.isValid():
            return
        claim = self.model.claim(current.row())
        if claim is not None and (self._shown is None or self._shown[0] != claim.id):
            self._show_detail((claim.id, claim.rowid))

    def _show_detail(self, shown: tuple[str, int] | None) -> None:
        self._shown = shown
        self.detail.show_claim(shown[0] if shown is not None else None)

    def shown_claim(self) -> str | None:
        """The id of the claim the detail shows."""
        return self._shown[0] if self._shown is not None else None

    def show_claim(self, claim_id: str) -> None:
        """Show one claim: select it in the list (showing every claim when the filters hide
        it) and open its detail."""
        rowid = self._rowid_of(claim_id)
        if rowid is None:
            self.detail.show_claim(claim_id)
            return
        self._show_detail((claim_id, rowid))
        row = self.model.row_of(rowid)
        if row >= 0:
            select_row(self.table, row)
        # Read again either way: a claim just opened is not in the ids yet. The detail was
        # just read: the main window's refresh that follows need not read it again.
        self._select_rowid = rowid
        self._keep_detail = True
        self.data_changed()

    def _rowid_of(self, claim_id: str) -> int | None:
        """The list's rowid of a claim: searched by its subject's NIK (an indexed range)."""
        actor = self._actor
        if actor is None:
            return None
        claims = self._services.claims
        try:
            nik = claims.detail(actor, claim_id).subject_nik
            ids = claims.ids(actor, claims.criteria(search=nik))
            found = [row for row in claims.rows(actor, ids) if row.id == claim_id]
        except DomainError:
            return None
        return found[0].rowid if found else None

    @Slot(str)
    def _claim_changed(self, claim_id: str) -> None:
        """The detail wrote to its claim: read the list again, keeping the claim shown."""
        self._keep_detail = True
        self.data_changed()
        self.claimsChanged.emit(claim_id)

    # ---- opening a claim -----------------------------------------------------------------

    @Slot()
    def open_new_claim(self) -> NewClaimDialog | None:
        """Klaim baru…: the dialog that opens a claim; the new claim is shown once saved."""
        if not self.new_button.isEnabled():
            return None
        dialog = NewClaimDialog(self._services, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.claimOpened.connect(self._claim_opened)
        dialog.open()
        return dialog

    @Slot(str)
    def _claim_opened(self, claim_id: str) -> None:
        self.show_claim(claim_id)
        self.claimsChanged.emit(claim_id)

    # ---- from the main window ------------------------------------------------------------

    def update_counts(self, counts: Mapping[str, int]) -> None:
        """The data changed somewhere (the main window's refresh): the office, its regions
        and the claims are read again."""
        regions = counts.get("region", 0)
        if regions != self._region_count:
            self._region_count = regions
            self._load_districts()
        self._apply_permissions()
        self.data_changed()
        if self._shown is not None and not self._keep_detail:
            # A change made elsewhere (a sync import, the holiday list, a setting) may have
            # moved the claim shown: its status, steps and deadline are read again (the
            # detail's own write read it already).
            self.detail.refresh()

    def save_settings(self) -> None:
        """Remember the splitter and the column widths the user chose (per user)."""
        self.splitter.save()
        self.columns.save()
