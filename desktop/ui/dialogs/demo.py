"""Loading demo data: the parameters dialog and the background job shared by every caller.

Demo data never goes into the database the clerk works in: the welcome dialog and
Berkas → Muat data contoh… both open a separate file (``sigap-contoh.db`` beside the open
one, or another the clerk chooses), fill it when it has no workers yet, and say which file
they opened.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.formatting import file_size
from desktop.services.demo import DemoResult, DemoService
from desktop.ui.dialogs.form_rows import ErrorLine, FormGrid
from desktop.ui.dialogs.sizing import open_size, wide
from desktop.ui.i18n import number, translate, ui_language
from desktop.ui.jobs import Job
from desktop.ui.widgets import HintLabel

if TYPE_CHECKING:
    from desktop.services.permissions import Actor

DEMO_WORKERS = 2_000
DEMO_SEED = 1
MAX_DEMO_WORKERS = 1_000_000
MAX_DEMO_SEED = 999_999


def demo_path(database: Path) -> Path:
    """The separate demo database kept beside *database* (``sigap.db`` → ``sigap-contoh.db``)."""
    return database.with_name(f"{database.stem}-contoh{database.suffix or '.db'}")


def demo_job(
    parent: QWidget,
    demo: DemoService,
    *,
    workers: int = DEMO_WORKERS,
    seed: int = DEMO_SEED,
    actor: Actor | None = None,
    file_name: str | None = None,
) -> Job:
    """Return a (not yet started) job that fills the database with demo data.

    Its progress window offers Batal; with *file_name* its title names the file filled.
    """
    if file_name:
        title = translate("DemoDialog", "Memuat data contoh ke {file}").format(file=file_name)
    else:
        title = translate("DemoDialog", "Memuat data contoh")
    return Job(
        parent,
        lambda progress, cancel: demo.generate(
            actor=actor, workers=workers, seed=seed, progress=progress, cancel=cancel
        ),
        title=title,
    )


def demo_summary(result: DemoResult, file_name: str | None = None) -> str:
    """One sentence saying what the demo generator wrote (and into which file)."""
    if file_name:
        return translate(
            "DemoDialog", "Data contoh dimuat ke {file}: {workers} peserta dan {claims} klaim."
        ).format(file=file_name, workers=number(result.workers), claims=number(result.claims))
    return translate(
        "DemoDialog", "Data contoh dimuat: {workers} peserta dan {claims} klaim."
    ).format(workers=number(result.workers), claims=number(result.claims))


def demo_reused_text(file_name: str) -> str:
    """What the status bar says when the demo file already held demo data and was just opened."""
    return translate(
        "DemoDialog", "Basis data contoh {file} dibuka; data contoh di dalamnya dipakai lagi."
    ).format(file=file_name)


def demo_file_filter() -> str:
    """The file-dialog filter for a demo database."""
    return translate("DemoDialog", "Basis data Sigap (*.db)")


class DemoDialog(QDialog):
    """Asks how many demo workers to make, with which seed and into which file.

    *target* is the file to fill (shown, and the clerk may choose another); *database* is
    the clerk's working database, never filled: given alone, the target is the demo file
    beside it (``<name>-contoh.db``). Given neither, the dialog asks workers and seed only.
    """

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        database: Path | None = None,
        target: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Muat data contoh"))
        self.setMinimumWidth(560)
        self._database = database
        if target is None and database is not None:
            target = demo_path(database)
        self._target = target

        if target is None:
            intro_text = self.tr(
                "Sigap akan membuat peserta, target cakupan dan klaim rekaan untuk latihan. "
                "Semua nama dan nomor di dalam data contoh rekaan."
            )
        elif database is not None and not _same_file(target, database):
            intro_text = self.tr(
                "Sigap akan membuat peserta, target cakupan dan klaim rekaan untuk latihan, "
                "di berkas basis data terpisah. Basis data yang sedang terbuka ({file}) tidak "
                "diubah. Semua nama dan nomor di dalam data contoh rekaan."
            ).format(file=database.name)
        else:
            intro_text = self.tr(
                "Sigap akan membuat peserta, target cakupan dan klaim rekaan untuk latihan, "
                "di berkas di bawah ini. Semua nama dan nomor di dalam data contoh rekaan."
            )
        intro = HintLabel(intro_text)
        intro.setObjectName("demoIntro")

        self.file_label = QLabel()
        self.file_label.setObjectName("demoFile")
        self.file_label.setWordWrap(True)
        self.file_label.setTextFormat(Qt.TextFormat.PlainText)
        self.file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        wide(self.file_label)
        self.choose_button = QPushButton(self.tr("Pilih berkas &lain…"))
        self.choose_button.clicked.connect(self.choose_file)
        # What becomes of the file, or why the one chosen cannot be used: one place, with
        # room for two lines kept.
        self.file_note = HintLabel()
        self.file_note.setObjectName("demoFileNote")
        self.file_note.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.file_error = ErrorLine(lines=2)
        self.file_error.setObjectName("demoFileError")

        self.workers_spin = QSpinBox()
        self.workers_spin.setRange(1, MAX_DEMO_WORKERS)
        self.workers_spin.setSingleStep(1_000)
        self.workers_spin.setGroupSeparatorShown(True)
        self.workers_spin.setValue(DEMO_WORKERS)
        workers_hint = HintLabel(
            self.tr(
                "Berapa peserta rekaan yang dibuat, antara 1 dan {limit}. {default} cukup "
                "untuk latihan; 100.000 atau lebih untuk mencoba Sigap dengan data sebesar "
                "kabupaten (memuatnya lebih lama)."
            ).format(limit=number(MAX_DEMO_WORKERS), default=number(DEMO_WORKERS))
        )
        workers_hint.setObjectName("workersHint")
        self.seed_spin = QSpinBox()
        self.seed_spin.setRange(0, MAX_DEMO_SEED)
        self.seed_spin.setValue(DEMO_SEED)
        seed_hint = HintLabel(
            self.tr(
                "Angka awal pembuat data rekaan. Benih yang sama menghasilkan nama, NIK dan "
                "klaim yang sama persis, sehingga latihan dapat diulang; benih lain "
                "menghasilkan data lain."
            )
        )
        seed_hint.setObjectName("seedHint")
        self.seed_spin.setToolTip(seed_hint.text())

        form = FormGrid()
        if self._target is not None:
            file_row = QHBoxLayout()
            file_row.addWidget(self.file_label, 1)
            file_row.addWidget(self.choose_button, 0, Qt.AlignmentFlag.AlignTop)
            form.add_row(self.tr("Berkas:"), file_row)
            form.add_line(self.file_error, self.file_note)
        else:
            for widget in (self.file_label, self.choose_button, self.file_note):
                widget.setVisible(False)
        form.add_row(self.tr("Jumlah &peserta:"), _left(self.workers_spin), buddy=self.workers_spin)
        form.add_line(workers_hint)
        form.add_row(self.tr("&Benih acak:"), _left(self.seed_spin), buddy=self.seed_spin)
        form.add_line(seed_hint)

        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(
            self.tr("Muat data contoh"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.ok_button.setDefault(True)
        buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(4)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self._show_target()
        self.workers_spin.setFocus()
        open_size(self, 620)

    @property
    def workers(self) -> int:
        """The number of demo workers asked for."""
        return self.workers_spin.value()

    @property
    def seed(self) -> int:
        """The seed asked for."""
        return self.seed_spin.value()

    @property
    def path(self) -> Path | None:
        """The separate file to open and fill (None when the dialog was given no database)."""
        return self._target

    @Slot()
    def choose_file(self) -> None:
        """Let the clerk put the demo data in another file (an existing one is opened)."""
        if self._target is None:
            return
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Berkas data contoh"),
            str(self._target),
            demo_file_filter(),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if not name:
            return
        chosen = Path(name)
        if not chosen.suffix:
            chosen = chosen.with_suffix(".db")
        self.set_path(chosen)

    def set_path(self, path: Path) -> None:
        """Use *path* as the demo file (refused when it is the clerk's working database)."""
        if self._database is not None and _same_file(path, self._database):
            self.file_note.setVisible(False)
            self.file_error.show_error(
                self.tr(
                    "{file} adalah basis data yang sedang terbuka. Data contoh tidak dimuat ke "
                    "basis data kerja; pilih berkas lain."
                ).format(file=path.name)
            )
            return
        self._target = path
        self._show_target()

    def _show_target(self) -> None:
        self.file_error.show_error("")
        target = self._target
        if target is None:
            return
        self.file_label.setText(breakable_path(target))
        self.file_label.setToolTip(str(target))
        if target.exists():
            note = self.tr(
                "Berkas ini sudah ada ({size}). Bila sudah berisi data contoh, Sigap "
                "membukanya tanpa membuat data baru."
            ).format(size=file_size(target.stat().st_size, ui_language()))
        else:
            note = self.tr("Berkas baru; dibuat saat Anda menekan Muat data contoh.")
        self.file_note.setText(note)
        self.file_note.setVisible(True)


def _left(field: QWidget) -> QHBoxLayout:
    """*field* at its natural width, at the left of its column."""
    row = QHBoxLayout()
    row.addWidget(field)
    row.addStretch(1)
    return row


def breakable_path(path: Path) -> str:
    """*path* as text that may wrap after each folder (a long path never widens a dialog)."""
    return str(path).replace("/", "/\u200b").replace("\\", "\\\u200b")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return a.absolute() == b.absolute()
