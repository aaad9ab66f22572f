"""Starting the GUI: the application object, its language, the database and the main window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from desktop import APP_NAME, __version__
from desktop.domain.findings import DomainError
from desktop.services.app import AppServices
from desktop.services.paths import default_db_path
from desktop.ui import messages
from desktop.ui.i18n import (
    chosen_language,
    error_text,
    finding_text,
    install_translator,
    translate,
)
from desktop.ui.jobs import Job
from desktop.ui.resources import resource_path
from desktop.ui.settings import ORGANIZATION, saved_language


def application(argv: list[str]) -> QApplication:
    """Return the QApplication, creating and configuring it on first use."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    app = QApplication(argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("sigap")
    app.setStyle("Fusion")
    icon = resource_path("icons", "sigap.svg")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    install_translator(app, startup_language())
    return app


def startup_language() -> str:
    """The language to start in: ``$SIGAP_LANG``, else Pengaturan → Bahasa, else the
    system's."""
    return chosen_language(saved=saved_language())


def open_with_progress(path: Path, *, create: bool, parent: QWidget | None) -> AppServices:
    """Open *path*; a database on an older schema is backed up and migrated in the
    background under a progress dialog (minutes for a big file), the window live meanwhile.

    Raises what :meth:`AppServices.open` raises (a :class:`DomainError` for an unusable file).
    """
    if not AppServices.needs_upgrade(path):
        return AppServices.open(path, create=create)
    loop = QEventLoop()
    job = Job(
        parent,
        lambda progress, _cancel: AppServices.open(path, create=create, progress=progress),
        title=translate("App", "Memperbarui basis data {file}").format(file=path.name),
        cancellable=False,  # one transaction: stopping half-way would only undo it
    )
    job.on_error(lambda _error: None)  # raised to the caller below
    job.on_finished(loop.quit)
    job.start()
    if job.is_running:
        loop.exec()
    if job.error is not None:
        raise job.error
    services = job.result
    assert isinstance(services, AppServices)
    return services


def accept_read_only(services: AppServices, parent: QWidget | None) -> bool:
    """Say why the database just opened can only be read; True to look at it anyway,
    False to choose another file."""
    assert services.read_only is not None
    return messages.ask(
        parent,
        translate("App", "Basis data hanya-baca"),
        translate("App", "{reason}\n\nLihat datanya saja, atau pilih berkas lain?").format(
            reason=finding_text(services.read_only)
        ),
        yes=translate("App", "Lihat saja (hanya-baca)"),
        no=translate("App", "Pilih berkas lain…"),
    )


def open_services(path: Path) -> AppServices | None:
    """Open *path*; when it cannot be used, say why and offer another file (None: give up).
    A database that can only be read is offered for viewing, or another file."""
    while True:
        try:
            services = open_with_progress(path, create=True, parent=None)
        except DomainError as exc:
            again = messages.ask(
                None,
                translate("App", "Sigap"),
                error_text(exc),
                yes=translate("App", "Pilih berkas lain…"),
                no=translate("App", "Keluar"),
            )
        else:
            if services.read_only is None or accept_read_only(services, None):
                return services
            services.close()
            again = True
        if not again:
            return None
        chosen, _filter = QFileDialog.getOpenFileName(
            None,
            translate("App", "Buka basis data"),
            str(path.parent),
            translate("App", "Basis data Sigap (*.db);;Semua berkas (*)"),
        )
        if not chosen:
            return None
        path = Path(chosen)


def run_gui(db_path: Path | None, argv: list[str]) -> int:
    """Run the desktop application on *db_path* (the default database when None)."""
    app = application(argv)
    services = open_services(db_path or default_db_path())
    if services is None:
        return 1
    # Imported here so that a refused database is reported before the heavier window loads.
    from desktop.ui.main_window import MainWindow

    window = MainWindow(services)
    window.show_on_screen()
    if services.office.info() is None and services.read_only is None:
        QTimer.singleShot(0, window.show_welcome)
    return app.exec()
