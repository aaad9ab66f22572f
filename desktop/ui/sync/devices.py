"""Perangkat (hub only): the enrolled kecamatan laptops, enrolment and revocation."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.findings import DomainError
from desktop.services.office import OfficeInfo
from desktop.services.permissions import Actor, Permission, can
from desktop.services.regions import RegionService
from desktop.services.sync import DeviceStatus, SyncService, SyncStatus
from desktop.ui import messages
from desktop.ui.i18n import error_text, number
from desktop.ui.sync.enroll import EnrollDialog
from desktop.ui.sync.models import DeviceModel, ObjectRole
from desktop.ui.sync.text import grouped_fingerprint
from desktop.ui.sync.views import list_view, sortable
from desktop.ui.widgets import HintLabel


class DevicesTab(QWidget):
    """Every kecamatan device: key fingerprint, state, last bundle and how far behind."""

    changed = Signal()  # a device was enrolled or revoked

    def __init__(
        self,
        sync: SyncService,
        regions: RegionService,
        actor: Actor,
        office: OfficeInfo,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._sync = sync
        self._regions = regions
        self._actor = actor
        self._office = office
        self._allowed = can(actor, Permission.MANAGE_OFFICE)
        self.enroll_dialog: EnrollDialog | None = None
        self.model = DeviceModel(self)
        self.proxy = sortable(self.model, self)
        self.table = list_view(self.proxy)
        self.table.setObjectName("deviceTable")
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        for column in range(self.model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # Names and fingerprints whole; the refusal (its whole message is the tooltip) takes
        # the room left, and is elided when there is too little.
        header.setSectionResizeMode(self.model.columnCount() - 1, QHeaderView.ResizeMode.Stretch)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.enroll_button = QPushButton(self.tr("&Daftarkan kecamatan…"))
        self.enroll_button.clicked.connect(self.enroll)
        self.enroll_button.setEnabled(self._allowed)
        self.revoke_button = QPushButton(self.tr("&Cabut perangkat…"))
        self.revoke_button.clicked.connect(self.revoke)
        buttons = QHBoxLayout()
        buttons.addWidget(self.enroll_button)
        buttons.addStretch(1)
        buttons.addWidget(self.revoke_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(
            HintLabel(
                self.tr(
                    'Laptop kecamatan yang terdaftar di kantor ini. "Tertinggal" menghitung '
                    "perubahan di kantor ini yang belum dikonfirmasi diterima laptop itu "
                    "(pengakuan ikut di paket berikutnya dari laptop itu). Sidik kunci laptop "
                    "tampil sesudah paket pertamanya diimpor: cocokkan dengan layar "
                    "Sinkronisasi laptop itu. Pendaftaran yang belum mengirim paket pertama "
                    "kedaluwarsa sesudah {days} hari, dan dibatalkan bila kecamatan itu "
                    "didaftarkan ulang. Cabut perangkat yang hilang, tidak dipakai lagi, atau "
                    'sidik kuncinya tidak cocok: paketnya akan ditolak. "Paket ditolak" '
                    "menunjukkan paket terakhir perangkat itu yang ditolak di sini dan sebabnya "
                    "(arahkan tetikus ke sana untuk pesan lengkapnya)."
                ).format(days=number(self._sync.enrolment_valid_days()))
            )
        )
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._update_buttons()

    def set_status(self, status: SyncStatus) -> None:
        """Show the devices of *status*."""
        chosen = self.current()
        self.model.set_rows([d for d in status.devices if d.office_kind == "kecamatan"])
        for row in range(self.proxy.rowCount()):
            device = self.proxy.index(row, 0).data(ObjectRole)
            if chosen is not None and device.device_id == chosen.device_id:
                self.table.selectRow(row)
        self._update_buttons()

    def current(self) -> DeviceStatus | None:
        """The selected device."""
        indexes = self.table.selectionModel().selectedRows()
        if not indexes:
            return None
        device = indexes[0].data(ObjectRole)
        return device if isinstance(device, DeviceStatus) else None

    @Slot(QItemSelection, QItemSelection)
    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_buttons()

    def _update_buttons(self) -> None:
        device = self.current()
        self.revoke_button.setEnabled(
            self._allowed and device is not None and device.revoked_at is None
        )

    def enrolled_districts(self) -> dict[str, str]:
        """Kecamatan that already have an active device (or an enrolment still valid):
        code → office name."""
        return {
            self.model.row_object(row).region_code: self.model.row_object(row).name
            for row in range(self.model.rowCount())
            if self.model.row_object(row).revoked_at is None
            and not self.model.row_object(row).expired
        }

    @Slot()
    def enroll(self) -> None:
        """Open the enrolment dialog (non-blocking); reload the list after an enrolment."""
        dialog = EnrollDialog(
            self._sync,
            self._regions,
            self._actor,
            self._office,
            enrolled_districts=self.enrolled_districts(),
            parent=self,
        )
        dialog.enrolled.connect(lambda _enrollment: self.changed.emit())
        dialog.finished.connect(lambda _result: self._enroll_closed(dialog))
        self.enroll_dialog = dialog
        dialog.open()

    def _enroll_closed(self, dialog: EnrollDialog) -> None:
        if self.enroll_dialog is dialog:
            self.enroll_dialog = None
        dialog.deleteLater()

    @Slot()
    def revoke(self) -> None:
        """Ask, then refuse every later bundle of the selected device."""
        device = self.current()
        if device is None or device.revoked_at is not None:
            return
        if not messages.ask(
            self,
            self.tr("Cabut perangkat"),
            self.tr(
                "Cabut perangkat {name} ({code}, sidik kunci {fingerprint})?\n\n"
                "Semua paket dari perangkat ini akan ditolak, juga paket yang belum diimpor. "
                "Bila laptop itu dipakai lagi, daftarkan ulang kecamatannya."
            ).format(
                name=device.name,
                code=device.region_code,
                fingerprint=grouped_fingerprint(device.fingerprint),
            ),
            yes=self.tr("Cabut perangkat"),
            default_no=True,
        ):
            return
        try:
            self._sync.revoke(self._actor, device.device_id)
        except DomainError as exc:
            messages.warn(self, self.tr("Cabut perangkat"), error_text(exc))
        self.changed.emit()
