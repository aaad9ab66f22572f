"""The main window: menus, the three tabs and the status bar, assembled over one database."""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QTabWidget, QWidget

from desktop import __version__
from desktop.domain.findings import DomainError
from desktop.services.app import AppServices
from desktop.services.health import HealthReport
from desktop.services.office import OfficeInfo, OfficeKind
from desktop.services.regions import RegionImportResult
from desktop.ui import messages
from desktop.ui.app import accept_read_only, open_with_progress
from desktop.ui.claims import ClaimsTab
from desktop.ui.dialogs.demo import (
    DEMO_SEED,
    DEMO_WORKERS,
    DemoDialog,
    demo_job,
    demo_path,
    demo_reused_text,
    demo_summary,
)
from desktop.ui.dialogs.health import HealthReportDialog
from desktop.ui.dialogs.holidays import HolidaysDialog
from desktop.ui.dialogs.office_setup import OfficeSetupDialog
from desktop.ui.dialogs.region_import import RegionImportSummaryDialog, region_file_filter
from desktop.ui.dialogs.welcome import WelcomeChoice, WelcomeDialog
from desktop.ui.i18n import (
    LANG_ENV,
    error_text,
    finding_text,
    language_override,
    number,
    translate,
    ui_language,
)
from desktop.ui.jobs import Job
from desktop.ui.reports import ReportsTab
from desktop.ui.roster import RosterTab
from desktop.ui.settings import (
    WINDOW_GEOMETRY_KEY,
    save_bytes,
    save_language,
    saved_bytes,
    saved_language,
)
from desktop.ui.sync import JoinDialog, SyncDialog

log = logging.getLogger(__name__)

STATUS_TIMEOUT_MS = 10_000
OFFICE_NAME_WIDTH = 260  # pixels; a longer office name is cut short, whole in the tooltip
FILE_NAME_WIDTH = 180  # pixels; a longer database file name likewise
DEFAULT_SIZE = QSize(1100, 680)  # before show_on_screen; fits a 1366×768 screen
SCREEN_SHARE = 0.85  # of the screen's free area, for a first start on a big screen
# Below this free area (a 1366×768 laptop with its taskbar) the window opens maximised.
SMALL_SCREEN = QSize(1440, 860)
# The languages of Pengaturan → Bahasa, each named in its own language (never translated).
LANGUAGE_NAMES = (("id", "Bahasa &Indonesia"), ("en", "&English"))


def initial_size(available: QSize) -> tuple[QSize, bool]:
    """The window's size on a first start on a screen with *available* free area, and
    whether to maximise it (a small screen: every pixel counts)."""
    if available.width() < SMALL_SCREEN.width() or available.height() < SMALL_SCREEN.height():
        return available, True
    return (
        QSize(round(available.width() * SCREEN_SHARE), round(available.height() * SCREEN_SHARE)),
        False,
    )


class MainWindow(QMainWindow):
    """Sigap's window over the services of one open database."""

    countsChanged = Signal(dict)  # table name → rows, after any change to the data
    officeChanged = Signal(object)  # OfficeInfo | None
    roster_tab: RosterTab
    claims_tab: ClaimsTab

    def __init__(self, services: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self.welcome_dialog: WelcomeDialog | None = None
        self.sync_dialog: SyncDialog | None = None
        self.join_dialog: JoinDialog | None = None
        self.resize(DEFAULT_SIZE)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.setCentralWidget(self.tabs)
        self._build_actions()
        self._build_menus()
        self._build_status_bar()
        self._build_tabs()
        self.refresh()

    @property
    def services(self) -> AppServices:
        """The services of the open database."""
        return self._services

    # ---- assembly ------------------------------------------------------------------------

    def _action(
        self, text: str, slot: Callable[[], object], shortcut: QKeySequence | str | None = None
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        # Mnemonics: unique within each menu, and the menu titles unique against the tab
        # titles and the buttons of every tab (tests/gui/test_main_window_keys.py).
        self.open_action = self._action(
            self.tr("&Buka basis data…"), self.choose_database, QKeySequence("Ctrl+O")
        )
        self.new_action = self._action(
            self.tr("Basis data ba&ru…"), self.choose_new_database, QKeySequence("Ctrl+N")
        )
        self.set_up_action = self._action(self.tr("&Siapkan kantor…"), self.set_up_office)
        self.demo_action = self._action(self.tr("Buka data &contoh…"), self.load_demo_data)
        self.import_regions_action = self._action(
            self.tr("&Impor data wilayah…"), self.import_regions
        )
        self.check_action = self._action(self.tr("&Periksa basis data"), self.check_database)
        self.sync_action = self._action(
            self.tr("&Sinkronisasi…"), self.open_sync, QKeySequence("Ctrl+Shift+S")
        )
        self.join_action = self._action(
            self.tr("Ber&gabung dengan kantor kabupaten…"), self.join_hub
        )
        self.quit_action = self._action(self.tr("&Keluar"), self.close, QKeySequence("Ctrl+Q"))
        self.about_action = self._action(self.tr("&Tentang Sigap"), self.show_about)
        self.holidays_action = self._action(self.tr("&Hari libur…"), self.edit_holidays)
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        chosen = saved_language() or ui_language()
        for language, name in LANGUAGE_NAMES:
            action = QAction(name, self.language_group)
            action.setCheckable(True)
            action.setChecked(language == chosen)
            action.triggered.connect(lambda _on=False, lang=language: self.choose_language(lang))
            self.language_actions[language] = action

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&Berkas"))
        file_menu.addAction(self.open_action)
        file_menu.addAction(self.new_action)
        file_menu.addSeparator()
        file_menu.addAction(self.set_up_action)
        file_menu.addAction(self.join_action)
        file_menu.addAction(self.demo_action)
        file_menu.addAction(self.import_regions_action)
        file_menu.addSeparator()
        file_menu.addAction(self.check_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        sync_menu = self.menuBar().addMenu(self.tr("Si&nkronisasi"))
        sync_menu.addAction(self.sync_action)
        sync_menu.addSeparator()
        sync_menu.addAction(self.join_action)
        settings_menu = self.menuBar().addMenu(self.tr("Pen&gaturan"))
        language_menu = settings_menu.addMenu(self.tr("&Bahasa"))
        language_menu.addActions(list(self.language_actions.values()))
        settings_menu.addAction(self.holidays_action)
        help_menu = self.menuBar().addMenu(self.tr("B&antuan"))
        help_menu.addAction(self.about_action)

    def _build_status_bar(self) -> None:
        self.db_label = QLabel()
        self.db_label.setObjectName("dbLabel")
        self.office_label = QLabel()
        self.office_label.setObjectName("officeLabel")
        self.device_label = QLabel()
        self.device_label.setObjectName("deviceLabel")
        self.read_only_label = QLabel(self.tr("HANYA-BACA"))
        self.read_only_label.setObjectName("readOnlyLabel")
        self.read_only_label.setStyleSheet("color: #b3261e; font-weight: bold;")
        self.clock_label = QLabel()
        self.clock_label.setObjectName("clockLabel")
        # A link: clicked, the Klaim tab lists the claims it counts.
        self.clock_label.setTextFormat(Qt.TextFormat.RichText)
        self.clock_label.linkActivated.connect(self.show_clock_claims)
        bar = self.statusBar()
        for label in (
            self.clock_label,
            self.read_only_label,
            self.db_label,
            self.office_label,
            self.device_label,
        ):
            label.setContentsMargins(6, 0, 6, 0)
            bar.addPermanentWidget(label)
        # A passing message too long for the room left is cut; the bar's tooltip has it whole.
        bar.messageChanged.connect(lambda text: bar.setToolTip(text))

    def _build_tabs(self) -> None:
        """(Re)create the tabs for the open database and wire them up."""
        current = self.tabs.currentIndex()
        if self.tabs.count():
            self.roster_tab.save_settings()
            self.claims_tab.save_settings()
        while self.tabs.count():
            old = self.tabs.widget(0)
            self.tabs.removeTab(0)
            if old is not None:
                old.deleteLater()
        self.roster_tab = RosterTab(self._services)
        self.claims_tab = ClaimsTab(self._services)
        self.reports_tab = ReportsTab()
        self.tabs.addTab(self.roster_tab, self.tr("&Peserta"))
        self.tabs.addTab(self.claims_tab, self.tr("&Klaim"))
        self.tabs.addTab(self.reports_tab, self.tr("&Laporan"))
        self.tabs.setCurrentIndex(max(current, 0))
        self._connect_signals()

    def _connect_signals(self) -> None:
        """Every connection between the window and its tabs, in one place."""
        for tab in (self.roster_tab, self.claims_tab, self.reports_tab):
            self.countsChanged.connect(tab.update_counts)
        self.roster_tab.importRegionsRequested.connect(self.import_regions)
        self.roster_tab.rosterImported.connect(lambda _result: self.refresh())
        self.roster_tab.workerSaved.connect(lambda _worker_id: self.refresh())
        self.claims_tab.claimsChanged.connect(lambda _claim_id: self.refresh())
        # A claim opened from a worker's row.
        self.roster_tab.claimOpened.connect(self.show_claim)

    # ---- state ---------------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        """Read the office and the row counts again and show them everywhere."""
        info = self._services.office.info()
        self._show_office(info)
        read_only = self._services.read_only
        writable = read_only is None
        self.sync_action.setEnabled(info is not None and writable)
        self.join_action.setEnabled(info is None and writable)
        for action in (self.set_up_action, self.demo_action):
            action.setEnabled(writable)
        # The region list is the regency's: a laptop receives it from the hub.
        self.import_regions_action.setEnabled(
            writable and info is not None and info.kind is OfficeKind.HUB
        )
        self.read_only_label.setVisible(not writable)
        self.read_only_label.setToolTip(finding_text(read_only) if read_only else "")
        self.holidays_action.setEnabled(info is not None)
        self._show_clock()
        self.officeChanged.emit(info)
        self.countsChanged.emit(self._services.health.counts())

    def _show_office(self, info: OfficeInfo | None) -> None:
        path = self._services.path
        file = self.db_label.fontMetrics().elidedText(
            path.name, Qt.TextElideMode.ElideMiddle, FILE_NAME_WIDTH
        )
        self.db_label.setText(self.tr("Basis data: {file}").format(file=file))
        self.db_label.setToolTip(str(path))
        if info is None:
            office = self.tr("kantor belum disiapkan")
            self.office_label.setText(self.tr("Kantor belum disiapkan"))
            self.office_label.setToolTip("")
            self.device_label.setText(self.tr("Perangkat: –"))
            self.device_label.setToolTip("")
        else:
            office = info.name
            kind = translate("OfficeKind", info.kind.label)
            name = self.office_label.fontMetrics().elidedText(
                info.name, Qt.TextElideMode.ElideRight, OFFICE_NAME_WIDTH
            )
            self.office_label.setText(self.tr("{name} · {kind}").format(name=name, kind=kind))
            self.office_label.setToolTip(
                self.tr("{name}\n{kind}, kode wilayah {code}").format(
                    name=info.name, kind=kind, code=info.region_code
                )
            )
            self.device_label.setText(self.tr("Perangkat: {id}").format(id=info.device_short))
            self.device_label.setToolTip(self.tr("ID perangkat: {id}").format(id=info.device_id))
        self.setWindowTitle(self.tr("Sigap — {office}").format(office=office))

    def _show_clock(self) -> None:
        """The claims on the 7-day clock in the status bar: overdue (red) and due soon."""
        try:
            actor = self._services.office.local_actor()
            counts = self._services.claims.clock_counts(actor)
        except DomainError:
            self.clock_label.hide()
            return
        if not counts.overdue and not counts.due_soon:
            self.clock_label.hide()
            return
        text = self.tr("{overdue} klaim lewat batas · {due} jatuh tempo").format(
            overdue=number(counts.overdue), due=number(counts.due_soon)
        )
        color = "#b3261e" if counts.overdue else self.palette().windowText().color().name()
        weight = "bold" if counts.overdue else "normal"
        target = "overdue" if counts.overdue else "due"
        self.clock_label.setText(
            f'<a href="{target}" style="color: {color}; font-weight: {weight}; '
            f'text-decoration: none;">{html.escape(text)}</a>'
        )
        self.clock_label.setToolTip(
            self.tr(
                "Klaim yang batas waktu keputusannya (sesudah berkas lengkap dan diverifikasi) "
                "sudah lewat, dan yang segera jatuh tempo. Klik untuk melihatnya di tab Klaim."
            )
        )
        self.clock_label.show()

    @Slot(str)
    def show_clock_claims(self, which: str) -> None:
        """The status bar's clock clicked: the Klaim tab lists the overdue claims (or,
        with none overdue, those due soon)."""
        self.tabs.setCurrentWidget(self.claims_tab)
        self.claims_tab.show_clock(overdue=which == "overdue")

    def show_claim(self, claim_id: str) -> None:
        """Switch to the Klaim tab and show one claim (opened from a worker's row)."""
        self.tabs.setCurrentWidget(self.claims_tab)
        self.claims_tab.show_claim(claim_id)
        self.refresh()

    def show_status(self, text: str) -> None:
        """Show a passing message in the status bar (the one bridge for status messages)."""
        self.statusBar().showMessage(text, STATUS_TIMEOUT_MS)

    def _busy(self) -> bool:
        if Job.running():
            messages.inform(
                self,
                self.tr("Sigap"),
                self.tr("Tunggu sampai pekerjaan yang sedang berjalan selesai."),
            )
            return True
        return False

    # ---- databases -----------------------------------------------------------------------

    @Slot()
    def choose_database(self) -> None:
        """Berkas → Buka basis data…: open an existing database file."""
        if self._busy():
            return
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Buka basis data"),
            str(self._services.path.parent),
            self.tr("Basis data Sigap (*.db);;Semua berkas (*)"),
        )
        if path:
            self.open_database(Path(path), create=False)
        elif self._services.office.info() is None:
            self.show_welcome()

    @Slot()
    def choose_new_database(self) -> None:
        """Berkas → Basis data baru…: create a database file for another office."""
        if self._busy():
            return
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Basis data baru"),
            str(self._services.path.parent / "sigap-baru.db"),
            self.tr("Basis data Sigap (*.db)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            chosen = Path(path)
            if not chosen.suffix:
                chosen = chosen.with_suffix(".db")
            self.open_database(chosen, create=True)

    def open_database(self, path: Path, *, create: bool, welcome: bool = True) -> bool:
        """Switch to the database at *path*; on failure keep the current one and say why.

        With *welcome*, a database without an office offers the first steps.
        """
        try:
            services = open_with_progress(path, create=create, parent=self)
        except DomainError as exc:
            messages.warn(self, self.tr("Buka basis data"), error_text(exc))
            return False
        if services.read_only is not None and not accept_read_only(services, self):
            services.close()
            QTimer.singleShot(0, self.choose_database)
            return False
        old, self._services = self._services, services
        old.close()
        self._build_tabs()
        self.refresh()
        self.show_status(self.tr("Basis data {file} dibuka.").format(file=path.name))
        if welcome and services.office.info() is None and services.read_only is None:
            self.show_welcome()
        return True

    # ---- first start and office ----------------------------------------------------------

    def show_welcome(self) -> None:
        """Offer the first steps for a database that has no office yet (non-blocking)."""
        if self.welcome_dialog is not None:
            return
        dialog = WelcomeDialog(self._services, self)
        dialog.finished.connect(lambda _result: self._welcome_finished(dialog))
        self.welcome_dialog = dialog
        dialog.open()

    def _welcome_finished(self, dialog: WelcomeDialog) -> None:
        self.welcome_dialog = None
        dialog.deleteLater()
        self.refresh()
        if dialog.choice is WelcomeChoice.SET_UP and dialog.office_info is not None:
            self.show_status(
                self.tr("Kantor {name} sudah disiapkan.").format(name=dialog.office_info.name)
            )
        elif dialog.choice is WelcomeChoice.DEMO:
            self.open_demo_database()
        elif dialog.choice is WelcomeChoice.OPEN_OTHER:
            self.choose_database()
        elif dialog.choice is WelcomeChoice.JOIN:
            self.join_hub(back_to_welcome=True)

    def open_demo_database(self, *, ask: bool = False) -> None:
        """Switch to the demo database, filling it on first use: the one way of both the
        welcome's "Buka data contoh" and Berkas → Buka data contoh….

        Demo data never goes into the database the user opened: that one stays as it is,
        ready for the real office. The demo file is ``<name>-contoh.db`` beside it; with
        *ask* (the menu) the clerk first chooses how many workers, the seed, and may choose
        another file. The status bar names the file opened.
        """
        if self._busy():
            return
        current = self._services.path
        path, workers, seed = demo_path(current), DEMO_WORKERS, DEMO_SEED
        if ask:
            dialog = DemoDialog(self, database=current)
            if not dialog.exec() or dialog.path is None:
                return
            path, workers, seed = dialog.path, dialog.workers, dialog.seed
        if not self.open_database(path, create=True, welcome=False):
            return
        if self._services.health.counts().get("worker", 0):
            self.show_status(demo_reused_text(path.name))  # made on an earlier day
            return
        job = demo_job(self, self._services.demo, workers=workers, seed=seed, file_name=path.name)
        job.on_done(lambda result: self.show_status(demo_summary(result, path.name)))
        job.on_finished(self._after_demo)
        job.start()

    def _after_demo(self) -> None:
        self.refresh()
        if self._services.office.info() is None:
            self.show_welcome()

    @Slot()
    def set_up_office(self) -> None:
        """Berkas → Siapkan kantor…"""
        info = self._services.office.info()
        if info is not None:
            messages.inform(
                self,
                self.tr("Siapkan kantor"),
                self.tr(
                    "Basis data ini sudah disiapkan untuk {name}. Untuk kantor lain, buat "
                    "basis data baru lewat Berkas → Basis data baru…"
                ).format(name=info.name),
            )
            return
        dialog = OfficeSetupDialog(self._services.office, self._services.regions, self)
        if dialog.exec() and dialog.info is not None:
            self.refresh()
            self.show_status(
                self.tr("Kantor {name} sudah disiapkan.").format(name=dialog.info.name)
            )

    # ---- background work -----------------------------------------------------------------

    @Slot()
    def load_demo_data(self) -> None:
        """Berkas → Buka data contoh…: what the welcome's "Buka data contoh" does (the
        separate demo file, made and filled on first use), asking how many workers."""
        self.open_demo_database(ask=True)

    @Slot()
    def import_regions(self) -> None:
        """Berkas → Impor data wilayah…: read a Kemendagri region list in the background."""
        if self._busy():
            return
        try:
            actor = self._services.office.local_actor()
        except DomainError as exc:
            messages.warn(self, self.tr("Impor data wilayah"), error_text(exc))
            return
        name, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Impor data wilayah"),
            str(Path.home()),
            region_file_filter(),
        )
        if not name:
            return
        path = Path(name)
        regions = self._services.regions
        job = Job(
            self,
            lambda progress, cancel: regions.import_file(
                path, actor=actor, progress=progress, cancel=cancel
            ),
            title=self.tr("Impor data wilayah"),
        )
        job.on_done(lambda result: self._regions_imported(result, path))
        job.on_finished(self.refresh)
        job.start()

    def _regions_imported(self, result: RegionImportResult, path: Path) -> None:
        self.show_status(
            self.tr("Impor wilayah selesai: {added} ditambahkan, {rejected} ditolak.").format(
                added=result.added, rejected=len(result.rejected)
            )
        )
        dialog = RegionImportSummaryDialog(result, path.name, self)
        dialog.setObjectName("regionImportSummary")
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    @Slot()
    def check_database(self) -> None:
        """Berkas → Periksa basis data: integrity, schema and counts, in the background."""
        if self._busy():
            return
        health = self._services.health
        job = Job(
            self,
            lambda _progress, _cancel: health.check(),
            title=self.tr("Periksa basis data"),
            cancellable=False,
        )
        job.on_done(self._show_health)
        job.start()

    def _show_health(self, report: HealthReport) -> None:
        dialog = HealthReportDialog(report, self._services.path.name, self)
        dialog.setObjectName("healthReport")
        dialog.finished.connect(dialog.deleteLater)
        dialog.repairRequested.connect(lambda: self._repair_misplaced(dialog))
        dialog.open()

    def _repair_misplaced(self, dialog: HealthReportDialog) -> None:
        """Remove from this laptop the workers it created in another kecamatan, after
        asking; say who they were, so the clerk can enter them where they belong."""
        if not messages.ask(
            self,
            self.tr("Perbaiki basis data"),
            self.tr(
                "Peserta yang dibuat di laptop ini dengan desa di kecamatan lain akan dihapus "
                "dari laptop ini, agar pekerjaan lain dapat dikirim ke kantor kabupaten. "
                "Catat namanya untuk didaftarkan lagi di kecamatan yang benar. Lanjutkan?"
            ),
            yes=self.tr("Hapus dan perbaiki"),
        ):
            return
        try:
            names = self._services.workers.repair_misplaced(self._services.office.local_actor())
        except DomainError as exc:
            messages.warn(self, self.tr("Perbaiki basis data"), error_text(exc))
            return
        dialog.accept()
        self.refresh()
        messages.inform(
            self,
            self.tr("Perbaiki basis data"),
            self.tr(
                "Dihapus dari laptop ini; daftarkan lagi di kecamatan yang benar:\n\n{names}"
            ).format(names="\n".join(names)),
        )
        self.check_database()

    # ---- sync ----------------------------------------------------------------------------

    @Slot()
    def open_sync(self) -> None:
        """Sinkronisasi → Sinkronisasi…: send and receive bundles, settle the queues."""
        if self.sync_dialog is not None:  # it is window-modal: only reached by code
            self.sync_dialog.activateWindow()
            return
        if self._busy():
            return
        try:
            dialog = SyncDialog(self._services, self)
        except DomainError as exc:
            messages.warn(self, self.tr("Sinkronisasi"), error_text(exc))
            return
        dialog.dataChanged.connect(self.refresh)
        dialog.finished.connect(lambda _result: self._sync_closed(dialog))
        self.sync_dialog = dialog
        dialog.open()

    def _sync_closed(self, dialog: SyncDialog) -> None:
        self.sync_dialog = None
        dialog.deleteLater()
        self.refresh()

    @Slot()
    def join_hub(self, *, back_to_welcome: bool = False) -> None:
        """Berkas → Bergabung dengan kantor kabupaten…: a new laptop joins from its file.

        With *back_to_welcome* (opened from the welcome dialog), closing without joining
        shows the welcome dialog again.
        """
        if self._busy():
            return
        info = self._services.office.info()
        if info is not None:
            messages.inform(
                self,
                self.tr("Bergabung dengan kantor kabupaten"),
                self.tr(
                    "Basis data ini sudah menjadi milik {name}. Untuk bergabung, buat dulu "
                    "basis data baru lewat Berkas → Basis data baru…"
                ).format(name=info.name),
            )
            return
        dialog = JoinDialog(self._services, self)
        dialog.joined.connect(lambda _result: self._joined())
        dialog.finished.connect(lambda _result: self._join_closed(dialog, back_to_welcome))
        self.join_dialog = dialog
        dialog.open()

    def _joined(self) -> None:
        self.refresh()
        info = self._services.office.info()
        if info is not None:
            self.show_status(self.tr("Bergabung sebagai {name}.").format(name=info.name))

    def _join_closed(self, dialog: JoinDialog, back_to_welcome: bool) -> None:
        self.join_dialog = None
        dialog.deleteLater()
        if back_to_welcome and self._services.office.info() is None:
            self.show_welcome()

    # ---- settings ------------------------------------------------------------------------

    def choose_language(self, language: str) -> None:
        """Pengaturan → Bahasa: remember the language for the next start and say so."""
        save_language(language)
        self.language_actions[language].setChecked(True)
        name = dict(LANGUAGE_NAMES)[language].replace("&", "")
        forced = language_override()
        if forced is not None and forced != language:
            text = self.tr(
                "Bahasa {language} disimpan, tetapi variabel lingkungan {variable} di komputer "
                "ini memilih bahasa lain. Hapus variabel itu agar pilihan ini berlaku."
            ).format(language=name, variable=LANG_ENV)
        elif language == ui_language():
            self.show_status(self.tr("Sigap sudah memakai {language}.").format(language=name))
            return
        else:
            text = self.tr(
                "Sigap akan memakai {language} setelah ditutup dan dibuka lagi."
            ).format(language=name)
        messages.inform(self, self.tr("Bahasa"), text)

    def show_on_screen(self) -> None:
        """Show the window where and as large as it was last closed; on a first start, at
        a share of the screen (maximised on a small one)."""
        geometry = saved_bytes(WINDOW_GEOMETRY_KEY)
        if geometry is not None and self.restoreGeometry(geometry):
            self.show()
            return
        screen = self.screen() or QGuiApplication.primaryScreen()
        available = screen.availableGeometry()
        size, maximise = initial_size(available.size())
        if maximise:
            self.showMaximized()
            return
        self.resize(size)
        frame = self.frameGeometry()
        frame.moveCenter(available.center())
        self.move(frame.topLeft())
        self.show()

    def save_settings(self) -> None:
        """Remember the window's place and size and the roster's columns (per user)."""
        save_bytes(WINDOW_GEOMETRY_KEY, self.saveGeometry())
        self.roster_tab.save_settings()
        self.claims_tab.save_settings()

    @Slot()
    def edit_holidays(self) -> None:
        """Pengaturan → Hari libur…: the holidays the claim clock skips in working days."""
        dialog = HolidaysDialog(self._services, self)
        dialog.setObjectName("holidays")
        # The running claims' deadlines were recomputed (a holiday added or removed): the
        # refresh reads the claims again (the tabs' update_counts) and the status-bar clock.
        dialog.deadlines_moved = self.refresh
        dialog.finished.connect(lambda _result: self._holidays_closed(dialog))
        dialog.open()

    def _holidays_closed(self, dialog: HolidaysDialog) -> None:
        dialog.deleteLater()
        self.refresh()

    # ---- help and closing ----------------------------------------------------------------

    @Slot()
    def show_about(self) -> None:
        """Bantuan → Tentang Sigap."""
        messages.inform(
            self,
            self.tr("Tentang Sigap"),
            self.tr("Sigap {version}").format(version=__version__),
            self.tr(
                "Perlindungan BPJS Ketenagakerjaan bagi pekerja desa dan pekerja rentan, "
                "klaim dan santunan kematian kabupaten — bekerja tanpa internet."
            ),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        """Stop running work (asking first) and close the database."""
        if Job.running():
            if not messages.ask(
                self,
                self.tr("Keluar"),
                self.tr(
                    "Sebuah pekerjaan masih berjalan. Batalkan pekerjaan itu lalu tutup "
                    "Sigap? Data yang sedang diproses tidak akan disimpan."
                ),
                yes=self.tr("Batalkan dan tutup"),
                no=self.tr("Lanjutkan bekerja"),
            ):
                event.ignore()
                return
            Job.cancel_all_and_wait()
        self.save_settings()
        self._services.close()
        event.accept()
