"""The claim detail in a real window, 600×700 as it stands beside the claim list at 1366×768:
a flagged claim of the demo data with heirs, documents and a few steps, photographed at the
top, scrolled to its file and to its timeline, and with the heir dialog open.

Run on Xvfb:
    Xvfb :93 -screen 0 1366x768x24 &
    DISPLAY=:93 QT_QPA_PLATFORM=xcb .venv/bin/pytest tests/e2e/test_claim_detail_screens.py
the PNGs land in docs/screenshots/claim-detail*.png.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop.services.app import AppServices
from desktop.ui.claims.detail import ClaimDetailView
from desktop.ui.claims.heir_dialog import HeirDialog
from tests.e2e.screens import OUT, REAL_DISPLAY
from tests.gui.fit import assert_fits, assert_nothing_cut

pytestmark = REAL_DISPLAY


def save(qtbot: QtBot, widget: QWidget, name: str) -> Path:
    """Let *widget*'s window paint, then photograph it."""
    qtbot.wait(300)
    QApplication.processEvents()
    OUT.mkdir(parents=True, exist_ok=True)
    target = OUT / f"{name}.png"
    assert widget.window().grab().save(str(target))
    return target


def a_full_claim(services: AppServices) -> str:
    """A flagged claim under way with heirs, documents received and a running clock."""
    admin = services.office.local_actor()
    rows = services.claims.rows(
        admin, services.claims.ids(admin, services.claims.criteria(flagged=True))
    )
    best: tuple[int, str] | None = None
    for row in rows:
        detail = services.claims.detail(admin, row.id)
        if not detail.allowed_steps:
            continue  # a claim still under way, its buttons shown
        score = (
            len(detail.timeline)
            + 3 * bool(detail.heirs)
            + 3 * (detail.days_left is not None)
            + 2 * any(d.note for d in detail.documents)
        )
        if best is None or score > best[0]:
            best = (score, row.id)
    assert best is not None, "the demo data holds no flagged claim"
    return best[1]


def test_the_claim_detail_in_a_real_window(
    qtbot: QtBot, qapp: QApplication, tmp_path: Path
) -> None:
    services = AppServices.open(tmp_path / "sigap.db")
    services.demo.generate(workers=300, seed=7)
    claim = a_full_claim(services)
    view = ClaimDetailView(services)
    qtbot.addWidget(view)
    view.setWindowTitle("Sigap – rincian klaim")
    view.resize(600, 700)
    view.move(20, 20)
    view.show()
    qtbot.waitExposed(view)
    view.show_claim(claim)
    assert view.detail is not None
    save(qtbot, view, "claim-detail")
    assert_nothing_cut(view)
    bar = view.scroll_area.verticalScrollBar()
    view.scroll_area.ensureWidgetVisible(view.documents_section)
    save(qtbot, view, "claim-detail-file")
    assert_nothing_cut(view)
    bar.setValue(bar.maximum())
    save(qtbot, view, "claim-detail-timeline")

    dialog = view.edit_heir(view.detail.heirs[0] if view.detail.heirs else None)
    assert isinstance(dialog, HeirDialog)
    qtbot.waitExposed(dialog)
    assert_fits(dialog)
    assert_nothing_cut(dialog)
    save(qtbot, dialog, "claim-detail-heir")
    dialog.done(0)

    steps = list(view.step_buttons)
    asked = view.take_step(next((s for s in steps if s.needs_reason), steps[0]))
    assert asked is not None
    qtbot.waitExposed(asked)
    assert_fits(asked)
    assert_nothing_cut(asked)
    save(qtbot, asked, "claim-detail-step")
    asked.done(0)
    services.close()
