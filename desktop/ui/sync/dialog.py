"""The Sinkronisasi dialog: send and receive bundles, conflicts, duplicates and devices."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.services.app import AppServices
from desktop.services.office import OfficeKind
from desktop.services.sync import SyncStatus
from desktop.ui import messages
from desktop.ui.dialogs.sizing import open_size
from desktop.ui.i18n import number, translate
from desktop.ui.sync.conflicts import ConflictsTab
from desktop.ui.sync.devices import DevicesTab
from desktop.ui.sync.duplicates import DuplicatesTab
from desktop.ui.sync.exchange import ExchangeTab
from desktop.ui.sync.text import grouped_fingerprint, local_time
from desktop.ui.widgets import HintLabel, heading_label

TAB_EXCHANGE, TAB_CONFLICTS, TAB_DUPLICATES, TAB_DEVICES = (
    "exchange",
    "conflicts",
    "duplicates",
    "devices",
)


class SyncDialog(QDialog):
    """One tab per task; every tab is given the services it needs and the acting user.

    Raises the service's DomainError when the database has no office (the menu action is
    disabled then).
    """

    dataChanged = Signal()  # rows changed (an import, a settled conflict, a merge)

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._office = services.office.require_info()
        self._actor = services.office.local_actor()
        self.status: SyncStatus | None = None
        self.setWindowTitle(self.tr("Sinkronisasi"))
        # Small enough for 1366×768 with a taskbar; the tabs scroll or split what is long.
        self.setMinimumSize(760, 480)

        sync = services.sync
        self.exchange_tab = ExchangeTab(sync, self._actor, self._office)
        self.conflicts_tab = ConflictsTab(sync, self._actor)
        self.duplicates_tab = DuplicatesTab(sync, services.regions, self._actor)
        self.devices_tab: DevicesTab | None = None
        self.tabs = QTabWidget()
        self.tabs.addTab(self.exchange_tab, self.tr("Kirim && Terima"))
        self.tabs.addTab(self.conflicts_tab, self.tr("Konflik"))
        self.tabs.addTab(self.duplicates_tab, self.tr("Data ganda"))
        if self._office.kind is OfficeKind.HUB:
            self.devices_tab = DevicesTab(sync, services.regions, self._actor, self._office)
            self.tabs.addTab(self.devices_tab, self.tr("Perangkat"))

        self.title_label = heading_label(self._office.name, 1.3)
        self.title_label.setObjectName("syncTitle")
        self.fact_labels: dict[str, QLabel] = {}
        facts = QGridLayout()
        facts.setHorizontalSpacing(10)
        facts.setVerticalSpacing(2)
        rows = [
            ("office", self.tr("Kantor:"), 0, 0),
            ("fingerprint", self.tr("Sidik kunci perangkat ini:"), 1, 0),
            ("last_export", self.tr("Paket terakhir dikirim:"), 0, 2),
            ("last_import", self.tr("Paket terakhir diterima:"), 1, 2),
        ]
        if self._office.kind is OfficeKind.KECAMATAN:
            rows.append(("hub", self.tr("Kantor kabupaten:"), 2, 0))
        for key, caption, row, column in rows:
            caption_label = HintLabel(caption)
            caption_label.setWordWrap(False)
            value = QLabel()
            value.setObjectName(f"fact_{key}")
            value.setWordWrap(True)  # a long office name wraps, it does not widen the dialog
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fact_labels[key] = value
            facts.addWidget(caption_label, row, column)
            facts.addWidget(value, row, column + 1, 1, 3 if key == "hub" else 1)
        facts.setColumnStretch(1, 1)
        facts.setColumnMinimumWidth(2, 0)
        facts.setColumnStretch(3, 1)
        buttons = QDialogButtonBox()
        self.close_button = buttons.addButton(
            self.tr("Tutup"), QDialogButtonBox.ButtonRole.RejectRole
        )
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.addWidget(self.title_label)
        layout.addLayout(facts)
        layout.addSpacing(4)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        self._connect_signals()
        self.reload()
        # Roomy on a big screen, inside the screen's free area on a small one.
        open_size(self, 1180, 820)

    def _connect_signals(self) -> None:
        """Every connection between the tabs and the dialog, in one place."""
        self.exchange_tab.imported.connect(lambda _result: self._data_changed())
        self.exchange_tab.exported.connect(lambda _results: self.reload())
        self.exchange_tab.reviewRequested.connect(self.show_tab)
        self.conflicts_tab.settled.connect(lambda _id: self._data_changed())
        self.duplicates_tab.decided.connect(lambda _id: self._data_changed())
        if self.devices_tab is not None:
            self.devices_tab.changed.connect(self.reload)

    # ---- state ---------------------------------------------------------------------------

    @Slot()
    def reload(self) -> None:
        """Read the office's sync state, the queues and the devices again."""
        status = self._services.sync.status(self._actor)
        self.status = status
        self.exchange_tab.set_status(status)
        conflicts = self.conflicts_tab.reload()
        duplicates = self.duplicates_tab.reload()
        if self.devices_tab is not None:
            self.devices_tab.set_status(status)
        self.tabs.setTabText(
            self.tab_index(TAB_CONFLICTS), self._counted(self.tr("Konflik"), conflicts)
        )
        self.tabs.setTabText(
            self.tab_index(TAB_DUPLICATES), self._counted(self.tr("Data ganda"), duplicates)
        )
        self._show_facts(status)

    @staticmethod
    def _counted(title: str, count: int) -> str:
        return f"{title} ({number(count)})" if count else title

    def _show_facts(self, status: SyncStatus) -> None:
        kind = translate("OfficeKind", status.office.kind.label)
        never = self.tr("belum ada")
        self.fact_labels["office"].setText(
            self.tr("{kind}, kode {code}").format(kind=kind, code=status.office.region_code)
        )
        self.fact_labels["fingerprint"].setText(grouped_fingerprint(status.fingerprint))
        self.fact_labels["last_export"].setText(
            local_time(status.last_export) if status.last_export else never
        )
        self.fact_labels["last_import"].setText(
            local_time(status.last_import) if status.last_import else never
        )
        if "hub" in self.fact_labels:
            hub = next((d for d in status.devices if d.office_kind == "hub"), None)
            self.fact_labels["hub"].setText(
                self.tr("{name} · sidik kunci {fingerprint}").format(
                    name=hub.name, fingerprint=grouped_fingerprint(hub.fingerprint)
                )
                if hub is not None
                else "–"
            )

    def tab_index(self, name: str) -> int:
        """The index of a tab by its name ("exchange", "conflicts", ...); -1 when absent."""
        widgets = {
            TAB_EXCHANGE: self.exchange_tab,
            TAB_CONFLICTS: self.conflicts_tab,
            TAB_DUPLICATES: self.duplicates_tab,
            TAB_DEVICES: self.devices_tab,
        }
        widget = widgets.get(name)
        return self.tabs.indexOf(widget) if widget is not None else -1

    @Slot(str)
    def show_tab(self, name: str) -> None:
        """Bring a tab to the front (the exchange tab when *name* is not shown here)."""
        self.tabs.setCurrentIndex(max(self.tab_index(name), 0))

    @Slot()
    def _data_changed(self) -> None:
        self.reload()
        self.dataChanged.emit()

    # ---- closing -------------------------------------------------------------------------

    def done(self, result: int) -> None:
        """Close, unless a bundle is being written or read right now."""
        if self.exchange_tab.busy:
            messages.inform(
                self,
                self.tr("Sinkronisasi"),
                self.tr("Tunggu sampai paket selesai ditulis atau dibaca."),
            )
            return
        self.exchange_tab.release()
        super().done(result)
