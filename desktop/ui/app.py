"""Starting the GUI: the application object, its language, the database and the main window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QFileDialog

from desktop import APP_NAME, __version__
from desktop.domain.findings import DomainError
from desktop.services.app import AppServices
from desktop.services.paths import default_db_path
from desktop.ui import messages
from desktop.ui.i18n import chosen_language, error_text, install_translator, translate
from desktop.ui.resources import resource_path

ORGANIZATION = "Sigap"


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
    install_translator(app, chosen_language())
    return app


def open_services(path: Path) -> AppServices | None:
    """Open *path*; when it cannot be used, say why and offer another file (None: give up)."""
    while True:
        try:
            return AppServices.open(path, create=True)
        except DomainError as exc:
            again = messages.ask(
                None,
                translate("App", "Sigap"),
                error_text(exc),
                yes=translate("App", "Pilih berkas lain…"),
                no=translate("App", "Keluar"),
            )
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
    window.show()
    if services.office.info() is None:
        QTimer.singleShot(0, window.show_welcome)
    return app.exec()
