"""Loading demo data: the parameters dialog and the background job shared by every caller."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.services.demo import DemoResult, DemoService
from desktop.ui.i18n import number, translate
from desktop.ui.jobs import Job
from desktop.ui.widgets import HintLabel

if TYPE_CHECKING:
    from desktop.services.permissions import Actor

DEMO_WORKERS = 2_000
DEMO_SEED = 1
MAX_DEMO_WORKERS = 1_000_000


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
) -> Job:
    """Return a (not yet started) job that fills the database with demo data."""
    return Job(
        parent,
        lambda progress, cancel: demo.generate(
            actor=actor, workers=workers, seed=seed, progress=progress, cancel=cancel
        ),
        title=translate("DemoDialog", "Memuat data contoh"),
    )


def demo_summary(result: DemoResult) -> str:
    """One sentence saying what the demo generator wrote."""
    return translate(
        "DemoDialog", "Data contoh dimuat: {workers} peserta dan {claims} klaim."
    ).format(workers=number(result.workers), claims=number(result.claims))


class DemoDialog(QDialog):
    """Asks how many demo workers to make, and with which seed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Muat data contoh"))
        self.setMinimumWidth(460)
        intro = HintLabel(
            self.tr(
                "Sigap akan membuat peserta, target cakupan dan klaim rekaan untuk latihan. "
                "Data contoh hanya dimuat ke basis data yang belum berisi peserta; semua "
                "nama dan nomor di dalamnya rekaan."
            )
        )
        self.workers_spin = QSpinBox()
        self.workers_spin.setRange(1, MAX_DEMO_WORKERS)
        self.workers_spin.setSingleStep(1_000)
        self.workers_spin.setGroupSeparatorShown(True)
        self.workers_spin.setValue(DEMO_WORKERS)
        self.seed_spin = QSpinBox()
        self.seed_spin.setRange(0, 999_999)
        self.seed_spin.setValue(DEMO_SEED)
        self.seed_spin.setToolTip(
            self.tr("Benih yang sama menghasilkan data contoh yang sama persis.")
        )
        form = QFormLayout()
        form.addRow(self.tr("Jumlah &peserta:"), self.workers_spin)
        form.addRow(self.tr("&Benih acak:"), self.seed_spin)
        buttons = QDialogButtonBox()
        ok = buttons.addButton(self.tr("Muat data contoh"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setDefault(True)
        buttons.addButton(self.tr("Batal"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)

    @property
    def workers(self) -> int:
        """The number of demo workers asked for."""
        return self.workers_spin.value()

    @property
    def seed(self) -> int:
        """The seed asked for."""
        return self.seed_spin.value()
