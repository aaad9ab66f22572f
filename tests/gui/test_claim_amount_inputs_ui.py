"""The amount inputs in the claim detail, as a clerk records them: a child heir's school
level (open for a child only) and the particulars dialog opened from the subject."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.services.app import AppServices
from desktop.ui.claims.heir_dialog import HeirDialog
from desktop.ui.claims.particulars_dialog import ParticularsDialog
from tests.gui import test_claim_detail as base
from tests.gui.mnemonics import clashes, window_mnemonics
from tests.gui.test_claim_detail import a_worker, joined, open_view, santunan
from tests.gui.worker_form_steps import type_into

# The claim detail tests' demo hub (60 workers, no claims) and service on their day.
template = base.template
app = base.app
LEFT = Qt.MouseButton.LeftButton


def test_a_child_heirs_school_level_is_recorded_and_shown(
    qtbot: QtBot, app: AppServices
) -> None:
    admin = app.office.local_actor()
    worker = a_worker(app)
    app.workers.update(admin, worker, {"coverage_start": date(2020, 1, 1)})
    claim = app.claims.open_claim(admin, "jkm", worker_id=worker, event_date=date(2026, 10, 20))
    before = app.claims.detail(admin, claim).amount
    view = open_view(qtbot, app, claim, [admin])
    qtbot.mouseClick(view.add_heir_button, LEFT)
    dialog = view.dialog
    assert isinstance(dialog, HeirDialog)
    assert clashes(window_mnemonics(dialog)) == {}
    type_into(qtbot, dialog.name_edit, "Anak Sulung")
    dialog.relationship_combo.setCurrentIndex(dialog.relationship_combo.findData("istri"))
    assert not dialog.school_combo.isEnabled()  # a spouse has no school level
    dialog.relationship_combo.setCurrentIndex(dialog.relationship_combo.findData("anak"))
    assert dialog.school_combo.isEnabled()
    dialog.school_combo.setCurrentIndex(dialog.school_combo.findData("smp"))
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert not dialog.isVisible(), dialog.message.text()

    assert "Bersekolah: SMP" in joined(view.heirs_section)
    assert "Beasiswa anak ke-1 (SMP)" in joined(view.amount_section)
    after = app.claims.detail(admin, claim).amount
    assert before is not None and after is not None and after.total > before.total

    # Changed to a spouse, the level goes with it (the service refuses one on a spouse).
    heir = app.claims.detail(admin, claim).heirs[0]
    dialog = view.edit_heir(heir)
    assert dialog.school_combo.currentData() == "smp"
    dialog.relationship_combo.setCurrentIndex(dialog.relationship_combo.findData("istri"))
    assert dialog.school_combo.currentData() is None
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert not dialog.isVisible(), dialog.message.text()
    assert "Bersekolah" not in joined(view.heirs_section)


def test_the_particulars_are_edited_from_the_subject_and_the_detail_follows(
    qtbot: QtBot, app: AppServices
) -> None:
    admin = app.office.local_actor()
    claim = santunan(app, admin, decile=None)
    view = open_view(qtbot, app, claim, [admin])
    assert "belum dicatat" in joined(view.subject_section)
    changed: list[str] = []
    view.claimChanged.connect(changed.append)
    assert view.particulars_button.isEnabled()
    qtbot.mouseClick(view.particulars_button, LEFT)
    dialog = view.dialog
    assert isinstance(dialog, ParticularsDialog) and dialog.isVisible()
    dialog.decile_combo.setCurrentIndex(dialog.decile_combo.findData(3))
    qtbot.mouseClick(dialog.save_button, LEFT)
    assert not dialog.isVisible()
    assert changed == [claim]
    assert "3" in joined(view.subject_section)
    assert "flag.decile_missing" not in {f.code for f in view.detail.flags}  # type: ignore[union-attr]


def test_the_stmb_days_off_show_in_the_subject(qtbot: QtBot, app: AppServices) -> None:
    admin = app.office.local_actor()
    claim = app.claims.open_claim(
        admin, "jkk_stmb", worker_id=a_worker(app), event_date=date(2026, 10, 20)
    )
    view = open_view(qtbot, app, claim, [admin])
    assert "Tidak mampu bekerja:" in joined(view.subject_section)
    app.claims.update_particulars(admin, claim, days_off=45)
    view.refresh()
    assert "45 hari" in joined(view.subject_section)
