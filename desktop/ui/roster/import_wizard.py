"""The roster import wizard: choose a file, check the columns, look at every row, import.

Every step that reads or writes runs as a :class:`~desktop.ui.jobs.Job` (reading 120,000 rows
takes seconds): the preview when the file is chosen and again when the user corrects a
column, and the import itself, which can be cancelled and then changes nothing. The column
mapping the user confirms is remembered for files with the same header. The pages are in
import_pages, the rows they list in import_rows.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from platformdirs import user_data_dir
from PySide6.QtCore import QSize, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME
from desktop.domain.findings import DomainError
from desktop.services.permissions import Actor
from desktop.services.roster_import import ImportPreview, ImportResult, RosterImportService
from desktop.spreadsheets.columns import ColumnMapping, MappingMemory, mapping_key
from desktop.spreadsheets.report import write_error_report
from desktop.ui import messages
from desktop.ui.i18n import error_text, number
from desktop.ui.jobs import Job, show_error
from desktop.ui.roster.import_pages import (
    DonePage,
    FilePage,
    MappingPage,
    PreviewPage,
    column_letter,
    preview_counts,
)
from desktop.ui.roster.import_rows import (
    COL_NAME,
    COL_NIK,
    COL_REASONS,
    COL_ROW,
    COL_VERDICT,
    COL_VILLAGE,
    PREVIEW_COLUMNS,
    FileRowRole,
    ImportPreviewModel,
    VerdictRole,
    reasons_text,
)
from desktop.ui.widgets import heading_label

__all__ = [
    "COL_NAME",
    "COL_NIK",
    "COL_REASONS",
    "COL_ROW",
    "COL_VERDICT",
    "COL_VILLAGE",
    "MAPPING_FILE",
    "PAGE_DONE",
    "PAGE_FILE",
    "PAGE_MAPPING",
    "PAGE_PREVIEW",
    "PREVIEW_COLUMNS",
    "FileRowRole",
    "ImportPreviewModel",
    "ImportWizard",
    "VerdictRole",
    "column_letter",
    "default_size",
    "mapping_memory_path",
]

MAPPING_FILE = "column-mappings.json"
PAGE_FILE, PAGE_MAPPING, PAGE_PREVIEW, PAGE_DONE = range(4)
SPREADSHEET_SUFFIXES = "*.xlsx *.xls *.ods *.csv"
# The wizard's size on a screen: most of it, leaving room for the window frame (a title bar
# of about 30 px) inside what the taskbar leaves, and never more than is useful.
SCREEN_SHARE = 0.86
FRAME_ROOM = 60
LARGEST = QSize(1600, 1000)
SMALLEST = QSize(860, 560)


def mapping_memory_path() -> Path:
    """Where confirmed column mappings are kept: the user's data directory, not the database."""
    return Path(user_data_dir(APP_NAME, appauthor=False)) / MAPPING_FILE


def default_size(available: QSize) -> QSize:
    """The wizard's first size on a screen whose free area (taskbar left out) is *available*.

    1366×728 (1366×768 less a taskbar) gives 1175×626, a window under 700 px with its frame;
    1920×1040 gives 1600×894.
    """
    width = min(round(available.width() * SCREEN_SHARE), LARGEST.width())
    height = min(round(available.height() * SCREEN_SHARE), LARGEST.height())
    width = min(max(width, SMALLEST.width()), available.width() - FRAME_ROOM // 2)
    height = min(max(height, SMALLEST.height()), available.height() - FRAME_ROOM)
    return QSize(width, height)


class ImportWizard(QDialog):
    """Four pages: file, columns, preview, result. Emits :attr:`imported` after an import."""

    imported = Signal(object)  # ImportResult
    previewReady = Signal()  # a preview (first or after a column change) is shown
    previewFailed = Signal(str)

    def __init__(
        self,
        importer: RosterImportService,
        actor: Actor,
        *,
        memory: MappingMemory | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._importer = importer
        self._actor = actor
        self._memory = memory if memory is not None else MappingMemory(mapping_memory_path())
        self._path: Path | None = None
        self._preview: ImportPreview | None = None
        self._result: ImportResult | None = None
        self._generation = 0
        self._busy = False
        self.setWindowTitle(self.tr("Impor peserta dari berkas"))
        self.resize(default_size(self._available()))

        self.file_page = FilePage()
        self.mapping_page = MappingPage()
        self.preview_page = PreviewPage()
        self.done_page = DonePage()
        self.pages = QStackedWidget()
        for page in (self.file_page, self.mapping_page, self.preview_page, self.done_page):
            self.pages.addWidget(page)
        self.file_page.choose_button.clicked.connect(self.choose_file)
        self.mapping_page.columnChanged.connect(self._column_changed)
        self.done_page.report_button.clicked.connect(self.save_report)
        self._name_parts()

        self.back_button = QPushButton(self.tr("< &Kembali"))
        self.back_button.clicked.connect(self.back)
        self.next_button = QPushButton(self.tr("&Lanjut >"))
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.next)
        self.cancel_button = QPushButton(self.tr("Batal"))
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.next_button)
        buttons.addSpacing(12)
        buttons.addWidget(self.cancel_button)

        self.step_label = heading_label("", 1.3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.step_label)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        self._show_page(PAGE_FILE)

    def _name_parts(self) -> None:
        """The widgets the tab and the tests reach, by the names they always had."""
        self.path_edit = self.file_page.path_edit
        self.choose_button = self.file_page.choose_button
        self.category_combo = self.file_page.category_combo
        self.mapping_hint = self.mapping_page.hint
        self.mapping_table = self.mapping_page.table
        self.mapping_counts = self.mapping_page.counts
        self.counts_label = self.preview_page.counts
        self.preview_rows = self.preview_page.rows
        self.preview_model = self.preview_page.rows.model
        self.preview_table = self.preview_page.rows.table
        self.row_reasons = self.preview_page.rows.details
        self.update_radio = self.preview_page.update_radio
        self.skip_radio = self.preview_page.skip_radio
        self.summary_label = self.done_page.summary
        self.count_labels = self.done_page.count_labels
        self.rejected_rows = self.done_page.rows
        self.report_button = self.done_page.report_button
        self.report_hint = self.done_page.report_hint

    def _available(self) -> QSize:
        parent = self.parentWidget()
        screen = (parent.screen() if parent is not None else None) or self.screen()
        return screen.availableGeometry().size()

    # ---- navigation ----------------------------------------------------------------------

    def _show_page(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        titles = {
            PAGE_FILE: self.tr("Langkah 1 dari 3: pilih berkas"),
            PAGE_MAPPING: self.tr("Langkah 2 dari 3: periksa kolom"),
            PAGE_PREVIEW: self.tr("Langkah 3 dari 3: periksa setiap baris"),
            PAGE_DONE: self.tr("Impor selesai"),
        }
        self.step_label.setText(titles[page])
        if page == PAGE_PREVIEW and self._preview is not None:
            accepted = self._preview.counts.ok + self._preview.counts.warning
            self.next_button.setText(self.tr("&Impor {count} baris").format(count=number(accepted)))
        elif page == PAGE_DONE:
            self.next_button.setText(self.tr("&Selesai"))
        else:
            self.next_button.setText(self.tr("&Lanjut >"))
        self.back_button.setVisible(page in (PAGE_MAPPING, PAGE_PREVIEW))
        self.cancel_button.setVisible(page != PAGE_DONE)
        self._update_buttons()

    def _update_buttons(self) -> None:
        page = self.pages.currentIndex()
        preview = self._preview
        if page == PAGE_FILE:
            ready = self._path is not None
        elif page == PAGE_MAPPING:  # the NIK column must be known to go on
            ready = preview is not None and preview.mapping.get("nik") is not None
        elif page == PAGE_PREVIEW:
            ready = preview is not None and bool(preview.counts.ok + preview.counts.warning)
        else:
            ready = True
        self.next_button.setEnabled(ready and not self._busy)
        self.back_button.setEnabled(not self._busy)
        self.choose_button.setEnabled(not self._busy)

    def back(self) -> None:
        """Go to the previous page."""
        self._show_page(max(PAGE_FILE, self.pages.currentIndex() - 1))

    def next(self) -> None:
        """Go on: read the file, confirm the columns, import, or close at the end."""
        page = self.pages.currentIndex()
        if page == PAGE_FILE:
            self._read_file()
        elif page == PAGE_MAPPING:
            self._remember_mapping()
            self._show_page(PAGE_PREVIEW)
        elif page == PAGE_PREVIEW:
            self._run_import()
        else:
            self.accept()

    # ---- step 1: the file ----------------------------------------------------------------

    def choose_file(self) -> None:
        """Ask for the spreadsheet to import."""
        start = str(self._path.parent) if self._path is not None else str(Path.home())
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Pilih berkas peserta"),
            start,
            self.tr("Lembar kerja ({patterns});;Semua berkas (*)").format(
                patterns=SPREADSHEET_SUFFIXES
            ),
        )
        if name:
            self.set_path(Path(name))

    def set_path(self, path: Path) -> None:
        """Use *path* as the file to import."""
        self._path = path
        self._preview = None
        self.path_edit.setText(str(path))
        self._update_buttons()

    def _read_file(self) -> None:
        assert self._path is not None
        path, category = self._path, self.file_page.category()
        importer, memory = self._importer, self._memory

        def work(_progress: Any, _cancel: Any) -> ImportPreview:
            # need_nik=False: a NIK column with a name we do not know is picked by the user.
            preview = importer.preview(path, category=category, need_nik=False)
            remembered = memory.get(mapping_key(preview.header), preview.header)
            if remembered is not None and remembered != preview.mapping:
                preview = importer.preview(
                    path, category=category, mapping=remembered, need_nik=False
                )
            return preview

        self._start_preview(work, first=True)

    def _start_preview(self, work: Callable[[Any, Any], ImportPreview], *, first: bool) -> None:
        self._generation += 1
        generation = self._generation
        self._busy = True
        self._update_buttons()
        self.mapping_counts.setText(self.tr("Membaca berkas…"))

        def done(preview: ImportPreview) -> None:
            if generation != self._generation:
                return
            self._preview = preview
            self._show_preview(preview)
            if first:
                self._show_page(PAGE_MAPPING)
            self.previewReady.emit()

        def failed(error: BaseException) -> None:
            if generation != self._generation:
                return
            text = error_text(error) if isinstance(error, DomainError) else str(error)
            if first:
                show_error(self, error, title=self.tr("Impor peserta"))
            else:
                self._preview = None
                self.mapping_counts.setText(text)
                self._update_buttons()
            self.previewFailed.emit(text)

        def finished() -> None:
            if generation == self._generation:
                self._busy = False
                self._update_buttons()

        Job(self, work, title=self.tr("Membaca berkas"), cancellable=False).on_done(done).on_error(
            failed
        ).on_finished(finished).start()

    # ---- step 2: the columns -------------------------------------------------------------

    def _show_preview(self, preview: ImportPreview) -> None:
        remembered = (
            self._memory.get(mapping_key(preview.header), preview.header) == preview.mapping
        )
        self.mapping_page.show_preview(preview, remembered=remembered)
        self.preview_page.show_preview(preview)
        self.mapping_counts.setText(preview_counts(preview))
        self._show_page(self.pages.currentIndex())

    def mapping_combo(self, column: int) -> Any:
        """The field chooser of a spreadsheet column (0-based)."""
        return self.mapping_page.combo(column)

    def current_mapping(self) -> ColumnMapping:
        """The mapping the column choosers describe."""
        return self.mapping_page.mapping()

    def _column_changed(self, _column: int) -> None:
        mapping = self.current_mapping()
        if self._path is None:
            return
        path, category, importer = self._path, self.file_page.category(), self._importer
        self._start_preview(
            lambda _p, _c: importer.preview(
                path, category=category, mapping=mapping, need_nik=False
            ),
            first=False,
        )

    def _remember_mapping(self) -> None:
        if self._preview is None:
            return
        self._memory.remember(mapping_key(self._preview.header), self._preview.mapping)
        with contextlib.suppress(OSError):  # remembering is a convenience, never a blocker
            self._memory.save()

    # ---- step 3: import ------------------------------------------------------------------

    def existing_policy(self) -> str:
        """What to do with NIKs already in the database: "update" or "skip"."""
        return self.preview_page.existing_policy()

    def _run_import(self) -> None:
        preview = self._preview
        assert preview is not None
        importer, actor = self._importer, self._actor
        skip = self.skip_radio.isChecked()
        self._busy = True
        self._update_buttons()

        def finished() -> None:
            self._busy = False
            self._update_buttons()

        # Cancel or failure: the Job shows the message ("Dibatalkan. Tidak ada data yang
        # diubah.") and the wizard stays on the preview, ready to try again.
        Job(
            self,
            lambda progress, cancel: importer.run(
                preview,
                actor=actor,
                existing="skip" if skip else "update",
                progress=progress,
                cancel=cancel,
            ),
            title=self.tr("Impor peserta"),
        ).on_done(self._imported).on_finished(finished).start()

    def _imported(self, result: ImportResult) -> None:
        self._result = result
        preview = self._preview
        mapping = preview.mapping if preview is not None else ColumnMapping()
        name = self._path.name if self._path is not None else ""
        self.done_page.show_result(result, mapping, name)
        self._show_page(PAGE_DONE)
        self.imported.emit(result)

    # ---- step 4: the report --------------------------------------------------------------

    def save_report(self) -> None:
        """Write the rejected rows to an XLSX the user can fix and import again."""
        result = self._result
        if result is None or not result.rejected:
            return
        source = self._path or Path.home() / "peserta.xlsx"
        suggested = source.with_name(self.tr("{name}-ditolak.xlsx").format(name=source.stem))
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Simpan laporan baris ditolak"),
            str(suggested),
            self.tr("Buku kerja Excel (*.xlsx)"),
        )
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        title = self.tr("Laporan baris ditolak")
        try:
            write_error_report(path, result.header, result.rejected, reasons=reasons_text)
        except OSError as exc:
            messages.warn(
                self,
                title,
                self.tr("Laporan tidak dapat disimpan ke {file}: {error}").format(
                    file=path, error=exc.strerror or exc
                ),
            )
            return
        messages.inform(
            self,
            title,
            self.tr("{count} baris ditolak disimpan ke {file}.").format(
                count=number(len(result.rejected)), file=path
            ),
        )

    # ---- state for the tab and tests -----------------------------------------------------

    @property
    def preview(self) -> ImportPreview | None:
        """The preview shown, if any."""
        return self._preview

    @property
    def import_result(self) -> ImportResult | None:
        """What the import did, once it has run."""
        return self._result

    @property
    def busy(self) -> bool:
        """True while a preview or the import runs."""
        return self._busy

    def reject(self) -> None:
        """Close, unless work is running (its progress dialog offers Cancel)."""
        if self._busy:
            return
        super().reject()
