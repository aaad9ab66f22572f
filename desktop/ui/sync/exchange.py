"""Kirim & Terima: write a bundle to a stick, and check then apply a bundle from one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.services.office import OfficeInfo, OfficeKind
from desktop.services.permissions import Actor
from desktop.services.progress import CancelToken, ProgressFn
from desktop.services.sync import (
    ExportResult,
    ImportResult,
    ReceivedBundle,
    SyncService,
    SyncStatus,
)
from desktop.ui.i18n import number
from desktop.ui.jobs import Job
from desktop.ui.labels import ordered_tables, table_label
from desktop.ui.sync import drives
from desktop.ui.sync.outcome import (
    applied_lines,
    error_message,
    export_lines,
    fit_height,
    preview_notes,
    review_line,
)
from desktop.ui.sync.text import file_size, local_time, stage_progress
from desktop.ui.widgets import HintLabel, compact_rows, read_only_table

BUNDLE_SUFFIX = ".sigap"
OK_STYLE = "color: #1b6e20;"
ERROR_STYLE = "color: #b3261e;"
WARNING_STYLE = "color: #8a5a00;"
PathRole = Qt.ItemDataRole.UserRole + 1
ALL_PEERS = "*"


class ExchangeTab(QWidget):
    """Sending (export) on the left, receiving (preview, then import) on the right."""

    imported = Signal(object)  # ImportResult, after a bundle was applied
    exported = Signal(object)  # list[ExportResult]
    reviewRequested = Signal(str)  # "conflicts" or "duplicates"

    def __init__(
        self, sync: SyncService, actor: Actor, office: OfficeInfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._sync = sync
        self._actor = actor
        self._office = office
        self._pinned: dict[str, bool] = {}
        self._peer_names: dict[str, str] = {}
        self._bundle: Path | None = None
        self._preview: ImportResult | None = None
        # The previewed bundle, staged: applying it does not read and decrypt it again.
        self._received: ReceivedBundle | None = None
        self._busy = False
        self.last_exports: list[ExportResult] = []
        # What the last applied bundle's result says (the lines that do not change), and
        # whether it brought conflicts or duplicates: the line about those follows the
        # queues as they are settled (see set_status).
        self._result_head: list[str] = []
        self._result_tail: list[str] = []
        self._brought_review = False
        self._review_tab = "conflicts"
        body = QWidget()
        columns = QHBoxLayout(body)
        columns.setContentsMargins(12, 12, 12, 12)
        columns.setSpacing(14)
        columns.addWidget(self._build_send(), 1)
        columns.addWidget(self._build_receive(), 1)
        # On a small screen the tab scrolls rather than making the dialog taller than it.
        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("exchangeScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll_area)
        self.refresh_drives()
        self._update_buttons()

    # ---- building ------------------------------------------------------------------------

    def _build_send(self) -> QGroupBox:
        box = QGroupBox(self.tr("Kirim paket"))
        if self._office.kind is OfficeKind.HUB:
            intro = self.tr(
                "Paket berisi perubahan yang belum diterima kecamatan tujuan: satu berkas "
                "untuk tiap kecamatan. Bawa flashdisk ke kecamatan dan impor di sana."
            )
        else:
            intro = self.tr(
                "Paket berisi perubahan kantor ini yang belum diterima kantor kabupaten. "
                "Bawa flashdisk ke kantor kabupaten dan impor di sana."
            )
        self.peer_combo = QComboBox()
        self.peer_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.peer_combo.setMinimumContentsLength(20)
        self.peer_combo.currentIndexChanged.connect(lambda _i: self._update_buttons())
        # With one possible peer (a laptop sends to its hub only) a label says who it is.
        self.peer_label = QLabel()
        self.peer_label.setObjectName("peerLabel")
        self.peer_label.setWordWrap(True)
        peer_row = QHBoxLayout()
        peer_row.setContentsMargins(0, 0, 0, 0)
        peer_row.addWidget(self.peer_combo, 1)
        peer_row.addWidget(self.peer_label, 1)
        self.drive_list = QListWidget()
        self.drive_list.setObjectName("driveList")
        self.drive_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.drive_list.setMinimumHeight(90)
        self.drive_list.setMaximumHeight(170)
        self.drive_list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.choose_folder_button = QPushButton(self.tr("Pilih &folder…"))
        self.choose_folder_button.clicked.connect(self.choose_folder)
        self.refresh_drives_button = QPushButton(self.tr("&Muat ulang daftar"))
        self.refresh_drives_button.setToolTip(
            self.tr("Pasang flashdisk, lalu tekan ini agar flashdisk muncul di daftar.")
        )
        self.refresh_drives_button.clicked.connect(self.refresh_drives)
        self.export_button = QPushButton(self.tr("&Kirim paket"))
        self.export_button.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_DialogSaveButton)
        )
        self.export_button.clicked.connect(self.export)
        drive_buttons = QHBoxLayout()
        drive_buttons.addWidget(self.choose_folder_button)
        drive_buttons.addWidget(self.refresh_drives_button)
        drive_buttons.addStretch(1)
        drive_buttons.addWidget(self.export_button)
        self.export_result = QLabel()
        self.export_result.setObjectName("exportResult")
        self.export_result.setWordWrap(True)
        self.export_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.export_result.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.export_result.setVisible(False)
        self.export_waiting = QLabel()
        self.export_waiting.setObjectName("exportWaiting")
        self.export_waiting.setWordWrap(True)
        self.export_waiting.setStyleSheet(WARNING_STYLE)
        self.export_waiting.setVisible(False)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        peer_caption = QLabel(self.tr("T&ujuan:"))
        peer_caption.setBuddy(self.peer_combo)
        form.addRow(peer_caption, peer_row)
        layout = QVBoxLayout(box)
        layout.setSpacing(8)
        layout.addWidget(HintLabel(intro))
        layout.addLayout(form)
        where = QLabel(self.tr("&Simpan ke flashdisk atau folder:"))
        where.setBuddy(self.drive_list)
        layout.addWidget(where)
        layout.addWidget(self.drive_list)
        layout.addLayout(drive_buttons)
        layout.addSpacing(6)
        layout.addWidget(self.export_result)
        layout.addWidget(self.export_waiting)
        layout.addStretch(1)
        return box

    def _build_receive(self) -> QGroupBox:
        box = QGroupBox(self.tr("Terima paket"))
        self.bundle_edit = QLineEdit()
        self.bundle_edit.setReadOnly(True)
        self.bundle_edit.setPlaceholderText(self.tr("Belum ada paket dipilih"))
        self.choose_bundle_button = QPushButton(self.tr("Pilih &paket…"))
        self.choose_bundle_button.clicked.connect(self.choose_bundle)
        file_row = QHBoxLayout()
        file_row.addWidget(self.bundle_edit, 1)
        file_row.addWidget(self.choose_bundle_button)

        self.summary = QFrame()
        self.summary.setObjectName("previewSummary")
        self.summary.setFrameShape(QFrame.Shape.StyledPanel)
        self.source_label = QLabel()
        self.source_label.setObjectName("previewSource")
        self.source_label.setWordWrap(True)
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(4)
        self.count_labels: dict[str, QLabel] = {}
        figures = (
            ("new_rows", self.tr("Ditambahkan")),
            ("changed_rows", self.tr("Diperbarui")),
            ("unchanged_rows", self.tr("Tidak berubah")),
            ("already_known", self.tr("Sudah diterima sebelumnya")),
            ("soft_merges", self.tr("Digabung (kolom berbeda)")),
            ("conflicts", self.tr("Konflik")),
            ("duplicates", self.tr("Kemungkinan data ganda")),
        )
        for index, (key, caption) in enumerate(figures):
            value = QLabel("–")
            value.setObjectName(f"count_{key}")
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            font = value.font()
            font.setBold(True)
            value.setFont(font)
            self.count_labels[key] = value
            row, column = index % 4, (index // 4) * 2
            grid.addWidget(QLabel(caption), row, column)
            grid.addWidget(value, row, column + 1)
        grid.setColumnStretch(1, 0)
        grid.setColumnMinimumWidth(2, 24)
        grid.setColumnStretch(4, 1)
        self.per_table = QTableWidget(0, 3)
        self.per_table.setObjectName("perTable")
        self.per_table.setHorizontalHeaderLabels(
            [self.tr("Jenis data"), self.tr("Ditambahkan"), self.tr("Diperbarui")]
        )
        self.per_table.setAlternatingRowColors(True)
        compact_rows(self.per_table)
        read_only_table(self.per_table)
        header = self.per_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.preview_note = QLabel()
        self.preview_note.setObjectName("previewNote")
        self.preview_note.setWordWrap(True)
        summary_layout = QVBoxLayout(self.summary)
        summary_layout.addWidget(self.source_label)
        summary_layout.addLayout(grid)
        summary_layout.addWidget(self.per_table)
        summary_layout.addWidget(self.preview_note)
        self.summary.setVisible(False)

        self.apply_button = QPushButton(self.tr("&Terapkan"))
        self.apply_button.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_DialogApplyButton)
        )
        self.apply_button.clicked.connect(self.apply)
        self.review_button = QPushButton(self.tr("Tin&jau konflik"))
        self.review_button.clicked.connect(self._review)
        self.review_button.setVisible(False)
        self.backups_button = QPushButton(self.tr("Buka folder &cadangan"))
        self.backups_button.setToolTip(str(self._sync.backup_dir))
        self.backups_button.clicked.connect(self.open_backups)
        self.backups_button.setVisible(False)
        apply_row = QHBoxLayout()
        apply_row.addWidget(self.review_button)
        apply_row.addWidget(self.backups_button)
        apply_row.addStretch(1)
        apply_row.addWidget(self.apply_button)
        self.import_result = QLabel()
        self.import_result.setObjectName("importResult")
        self.import_result.setWordWrap(True)
        self.import_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        layout = QVBoxLayout(box)
        layout.addWidget(
            HintLabel(
                self.tr(
                    "Pilih berkas paket (.sigap) dari flashdisk. Sigap memeriksa paket dan "
                    "menunjukkan isinya lebih dulu; data di sini baru berubah setelah Anda menekan "
                    "Terapkan."
                )
            )
        )
        layout.addLayout(file_row)
        layout.addWidget(self.summary)
        layout.addLayout(apply_row)
        layout.addWidget(self.import_result)
        layout.addStretch(1)
        return box

    # ---- state ---------------------------------------------------------------------------

    def set_status(self, status: SyncStatus) -> None:
        """Fill the peer list from the office's devices."""
        self._pinned = {d.device_id: d.pinned for d in status.devices if d.revoked_at is None}
        wanted = "kecamatan" if self._office.kind is OfficeKind.HUB else "hub"
        peers = [d for d in status.devices if d.revoked_at is None and d.office_kind == wanted]
        chosen = self.peer_combo.currentData()
        self.peer_combo.clear()
        if self._office.kind is OfficeKind.HUB and len(peers) > 1:
            ready = sum(1 for d in peers if d.pinned)
            self.peer_combo.addItem(
                self.tr("Semua kecamatan terdaftar ({count})").format(count=number(ready)),
                ALL_PEERS,
            )
        for device in peers:
            text = device.name
            if device.office_kind == "kecamatan":
                text = self.tr("{name} ({code})").format(name=device.name, code=device.region_code)
            if not device.pinned:
                text = self.tr("{peer} — menunggu paket pertamanya").format(peer=text)
            self.peer_combo.addItem(text, device.device_id)
        if not peers:
            self.peer_combo.addItem(self.tr("(belum ada kantor tujuan)"), None)
        index = self.peer_combo.findData(chosen)
        self.peer_combo.setCurrentIndex(max(index, 0))
        self._peer_names = {d.device_id: d.name for d in peers}
        single = len(peers) <= 1
        self.peer_combo.setVisible(not single)
        self.peer_label.setVisible(single)
        self.peer_label.setText(self.peer_combo.currentText())
        self.peer_label.setToolTip(self.peer_combo.currentText())
        self._show_review(status.open_conflicts, status.open_duplicates)
        self._update_buttons()

    def _show_review(self, conflicts: int, duplicates: int) -> None:
        """After a bundle that brought conflicts or duplicates: say how many still wait for
        a decision, or that all are settled (the result text follows the queues)."""
        if not self._brought_review:
            return
        now = review_line(conflicts, duplicates)
        if conflicts or duplicates:
            self.review_button.setText(
                self.tr("Tin&jau konflik") if conflicts else self.tr("Tin&jau data ganda")
            )
            self._review_tab = "conflicts" if conflicts else "duplicates"
        self.review_button.setVisible(bool(conflicts or duplicates))
        self.import_result.setText("\n".join([*self._result_head, now, *self._result_tail]))

    def _update_buttons(self) -> None:
        idle = not self._busy
        has_target = self.target() is not None
        has_peer = self.peer_combo.currentData() is not None
        self.export_button.setEnabled(idle and has_target and has_peer)
        self.choose_folder_button.setEnabled(idle)
        self.refresh_drives_button.setEnabled(idle)
        self.choose_bundle_button.setEnabled(idle)
        preview = self._preview
        self.apply_button.setEnabled(
            idle
            and self._received is not None
            and preview is not None
            and not preview.replayed
            and not preview.applied
        )

    @property
    def busy(self) -> bool:
        """True while a bundle is being written, checked or applied."""
        return self._busy

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_buttons()

    # ---- sending -------------------------------------------------------------------------

    @Slot()
    def refresh_drives(self) -> None:
        """List the drives that look like sticks again (keeping a chosen folder)."""
        chosen = self.target()
        folders = [
            self.drive_list.item(i)
            for i in range(self.drive_list.count())
            if self.drive_list.item(i).data(Qt.ItemDataRole.UserRole) == "folder"
        ]
        kept = [(item.text(), item.data(PathRole)) for item in folders]
        self.drive_list.clear()
        drive_icon = self.style().standardIcon(QStyle.StandardPixmap.SP_DriveHDIcon)
        for drive in drives.removable_drives():
            item = QListWidgetItem(
                drive_icon,
                self.tr("{name} ({root}) — kosong {free} dari {total}").format(
                    name=drive.label,
                    root=str(drive.root),
                    free=file_size(drive.free),
                    total=file_size(drive.total),
                ),
            )
            item.setData(PathRole, str(drive.root))
            item.setToolTip(item.text())
            self.drive_list.addItem(item)
        for text, path in kept:
            self._add_folder_item(text, Path(path))
        if self.drive_list.count() == 0:
            placeholder = QListWidgetItem(
                self.tr("Tidak ada flashdisk terpasang. Pasang flashdisk atau pilih folder.")
            )
            placeholder.setFlags(Qt.ItemFlag.NoItemFlags)
            self.drive_list.addItem(placeholder)
        self._select_target(chosen)
        self._update_buttons()

    def _add_folder_item(self, text: str, path: Path) -> QListWidgetItem:
        item = QListWidgetItem(self.style().standardIcon(QStyle.StandardPixmap.SP_DirIcon), text)
        item.setData(PathRole, str(path))
        item.setData(Qt.ItemDataRole.UserRole, "folder")
        item.setToolTip(str(path))
        self.drive_list.addItem(item)
        return item

    def _select_target(self, path: Path | None) -> None:
        selectable = [
            self.drive_list.item(i)
            for i in range(self.drive_list.count())
            if self.drive_list.item(i).data(PathRole)
        ]
        for item in selectable:
            if path is not None and Path(item.data(PathRole)) == path:
                self.drive_list.setCurrentItem(item)
                return
        if len(selectable) == 1:
            self.drive_list.setCurrentItem(selectable[0])

    @Slot()
    def choose_folder(self) -> None:
        """Pick any folder as the place to write the bundle to."""
        start = self.target() or Path.home()
        name = QFileDialog.getExistingDirectory(
            self, self.tr("Pilih folder tujuan paket"), str(start)
        )
        if not name:
            return
        path = Path(name)
        for i in range(self.drive_list.count()):
            item = self.drive_list.item(i)
            if item.data(PathRole) and Path(item.data(PathRole)) == path:
                self.drive_list.setCurrentItem(item)
                return
        for i in reversed(range(self.drive_list.count())):
            if not self.drive_list.item(i).data(PathRole):
                self.drive_list.takeItem(i)  # the "no stick" placeholder
        item = self._add_folder_item(self.tr("Folder {path}").format(path=str(path)), path)
        self.drive_list.setCurrentItem(item)

    def target(self) -> Path | None:
        """The drive or folder chosen to write to."""
        item = self.drive_list.currentItem()
        if item is None or not item.data(PathRole):
            return None
        return Path(item.data(PathRole))

    @Slot()
    def export(self) -> None:
        """Write the bundle(s) in the background, then say whether the stick may be removed."""
        target = self.target()
        peer = self.peer_combo.currentData()
        if target is None or peer is None:
            return
        sync, actor = self._sync, self._actor
        if peer == ALL_PEERS:
            ready = [p for p, pinned in self._pinned.items() if pinned and p in self._peer_ids()]
            waiting = [self._peer_name(p) for p in self._peer_ids() if not self._pinned.get(p)]
        else:
            ready, waiting = [str(peer)], []

        def work(progress: ProgressFn, cancel: CancelToken) -> list[ExportResult]:
            results: list[ExportResult] = []
            for device in ready:
                results.extend(
                    sync.export(
                        actor,
                        target,
                        peer=device,
                        progress=stage_progress(progress, "export"),
                        cancel=cancel,
                    )
                )
            return results

        self.export_result.setVisible(False)
        self.export_waiting.setVisible(False)
        self._set_busy(True)
        job = Job(self, work, title=self.tr("Kirim paket"))
        job.on_done(lambda results: self._exported(results, waiting))
        job.on_error(self._export_failed)
        job.on_finished(lambda: self._set_busy(False))
        job.start()

    def _peer_ids(self) -> list[str]:
        return [
            str(self.peer_combo.itemData(i))
            for i in range(self.peer_combo.count())
            if self.peer_combo.itemData(i) not in (None, ALL_PEERS)
        ]

    def _peer_name(self, device: str) -> str:
        return self._peer_names.get(device, device[-8:])

    def _exported(self, results: list[ExportResult], waiting: list[str]) -> None:
        self.last_exports = results
        if results:
            lines = export_lines(results)
            self.export_result.setStyleSheet(OK_STYLE)
            self.export_result.setText("\n".join(lines))
            self.export_result.setToolTip(str(results[0].path.parent))
        else:
            self.export_result.setStyleSheet(WARNING_STYLE)
            self.export_result.setText(self.tr("Tidak ada paket yang ditulis."))
        self.export_result.setVisible(True)
        if waiting:
            self.export_waiting.setText(
                self.tr(
                    "Kantor berikut belum dapat dikirimi paket karena paket pertamanya belum "
                    "diterima di sini: {peers}."
                ).format(peers=", ".join(waiting))
            )
        self.export_waiting.setVisible(bool(waiting))
        self.exported.emit(results)

    def _export_failed(self, error: BaseException) -> None:
        self.export_result.setStyleSheet(ERROR_STYLE)
        self.export_result.setText(error_message(error))
        self.export_result.setToolTip("")
        self.export_result.setVisible(True)
        self.export_waiting.setVisible(False)

    # ---- receiving -----------------------------------------------------------------------

    @Slot()
    def choose_bundle(self) -> None:
        """Ask for a bundle file, then check it and show what importing it would do."""
        start = self._bundle.parent if self._bundle is not None else self.target() or Path.home()
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Pilih paket sinkronisasi"),
            str(start),
            self.tr("Paket Sigap (*.sigap);;Semua berkas (*)"),
        )
        if name:
            self.preview(Path(name))

    def preview(self, path: Path) -> None:
        """Check *path* in the background and show its summary (nothing is changed)."""
        self.release()
        self._bundle = path
        self._preview = None
        self.bundle_edit.setText(str(path))
        self.bundle_edit.setToolTip(str(path))
        self.summary.setVisible(False)
        self.review_button.setVisible(False)
        self.backups_button.setVisible(False)
        self.import_result.clear()
        self._brought_review = False
        sync = self._sync
        self._set_busy(True)

        def work(progress: ProgressFn, cancel: CancelToken) -> tuple[ReceivedBundle, ImportResult]:
            received = sync.receive(path)
            try:
                result = sync.preview(
                    received, progress=stage_progress(progress, "check"), cancel=cancel
                )
            except BaseException:
                received.close()
                raise
            return received, result

        job = Job(self, work, title=self.tr("Memeriksa paket"))
        job.on_done(self._previewed)
        job.on_error(self._preview_failed)
        job.on_finished(lambda: self._set_busy(False))
        job.start()

    def release(self) -> None:
        """Let go of the staged bundle (its local copy and staging file are deleted)."""
        if self._received is not None:
            self._received.close()
            self._received = None

    def _previewed(self, outcome: tuple[ReceivedBundle, ImportResult]) -> None:
        self._received, result = outcome
        self._preview = result
        self._show_summary(result)
        summary = result.summary
        if result.replayed:
            self.preview_note.setStyleSheet(WARNING_STYLE)
            self.preview_note.setText(
                self.tr("Paket ini sudah pernah diimpor. Mengimpornya lagi tidak mengubah apa pun.")
            )
        else:
            notes, warning = preview_notes(summary)
            self.preview_note.setStyleSheet(WARNING_STYLE if warning else "")
            self.preview_note.setText(notes)
        self.preview_note.setVisible(True)
        self.summary.setVisible(True)
        self._update_buttons()
        if not result.replayed:
            self.apply_button.setFocus()

    def _show_summary(self, result: ImportResult) -> None:
        summary = result.summary
        self.source_label.setText(
            self.tr("Dari {sender} · dibuat {time} · {count} perubahan").format(
                sender=result.sender_name,
                time=local_time(result.created_at),
                count=number(summary.received),
            )
        )
        for key, label in self.count_labels.items():
            label.setText(number(int(getattr(summary, key))))
        for key in ("conflicts", "duplicates"):
            value = int(getattr(summary, key))
            self.count_labels[key].setStyleSheet(WARNING_STYLE if value else "")
        tables = ordered_tables(dict.fromkeys(summary.per_table, 0))
        self.per_table.setRowCount(len(tables))
        for row, name in enumerate(tables):
            new, changed = (list(summary.per_table[name]) + [0, 0])[:2]
            cells = [table_label(name), number(int(new)), number(int(changed))]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.per_table.setItem(row, column, item)
        self.per_table.setVisible(bool(tables))
        fit_height(self.per_table)

    def _preview_failed(self, error: BaseException) -> None:
        self._preview = None
        self.summary.setVisible(False)
        self.import_result.setStyleSheet(ERROR_STYLE)
        self.import_result.setText(error_message(error))
        self._update_buttons()

    @Slot()
    def apply(self) -> None:
        """Back up the database and merge the previewed bundle into it, in the background."""
        received = self._received
        if received is None or self._preview is None:
            return
        sync, actor = self._sync, self._actor
        self._set_busy(True)
        job = Job(
            self,
            lambda progress, cancel: sync.import_bundle(
                actor, received, progress=stage_progress(progress, "check"), cancel=cancel
            ),
            title=self.tr("Menerapkan paket"),
        )
        job.on_done(self._applied)
        job.on_error(self._apply_failed)
        job.on_finished(lambda: self._set_busy(False))
        job.start()

    def _applied(self, result: ImportResult) -> None:
        # Applied: nothing more to do with the staged bundle. (After a refusal or a cancel
        # it is kept, so that Terapkan can be tried again.)
        self.release()
        self._preview = result
        self._show_summary(result)
        summary = result.summary
        if result.replayed:
            self.import_result.setStyleSheet(WARNING_STYLE)
            self.import_result.setText(
                self.tr("Paket ini sudah pernah diimpor; tidak ada yang berubah.")
            )
        else:
            head, lines = applied_lines(result, kept=self._sync.backups_kept())
            self.backups_button.setVisible(result.backup is not None)
            self.import_result.setStyleSheet(OK_STYLE)
            self.import_result.setText("\n".join([*head, *lines]))
            self.import_result.setToolTip(str(result.backup or ""))
            self.preview_note.setVisible(False)
            self._result_head, self._result_tail = head, lines
            self._brought_review = result.needs_review
            # Until the dialog reads the queues again: what the bundle brought is waiting.
            self._show_review(summary.conflicts, summary.duplicates)
        self._update_buttons()
        self.imported.emit(result)

    @Slot()
    def open_backups(self) -> None:
        """Show the folder of the backups made before each import in the file manager."""
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._sync.backup_dir)))

    def _apply_failed(self, error: BaseException) -> None:
        self.import_result.setStyleSheet(ERROR_STYLE)
        self.import_result.setText(error_message(error))
        self._update_buttons()

    def _review(self) -> None:
        self.reviewRequested.emit(self._review_tab)
