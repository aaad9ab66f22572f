"""The admin reads a kecamatan's late claim edit in the Konflik tab, named by its claim and
field, each side explained, and takes the kecamatan's heir with one click."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.ui.sync import SyncDialog
from desktop.ui.sync.outcome import preview_notes
from tests.integration.sync_helpers import Office, districts_with_workers, join_kecamatan, make_hub
from tests.integration.test_sync_claim_stale import (
    SUBJECT,
    laptop_edits_offline,
    regency_takes_it_on,
    shared_claim,
    value,
)


@pytest.fixture
def network(tmp_path: Path) -> Iterator[tuple[Office, Office]]:
    hub = make_hub(tmp_path / "net", workers=40)
    [district] = districts_with_workers(hub, 1)
    laptop = join_kecamatan(hub, tmp_path / "net", district, "kec-a")
    yield hub, laptop
    laptop.close()
    hub.close()


def test_a_late_heir_is_shown_as_the_kecamatans_and_taken(
    qtbot: QtBot, network: tuple[Office, Office]
) -> None:
    hub, laptop = network
    claim = shared_claim(hub, laptop)
    regency_takes_it_on(hub, claim)
    heir = laptop_edits_offline(laptop, claim)
    bundle = laptop.export()
    notes, warning = preview_notes(hub.app.sync.preview(bundle).summary)
    assert "3 data klaim diubah kecamatan ketika berkasnya masih di kecamatan" in notes
    assert "tab Konflik" in notes and not warning
    assert hub.receive(bundle).applied
    dialog = SyncDialog(hub.app)
    qtbot.addWidget(dialog)
    dialog.show()
    tab = dialog.conflicts_tab
    dialog.tabs.setCurrentIndex(dialog.tab_index("conflicts"))
    rows = {
        tab.proxy.index(row, 0).data(): row
        for row in range(tab.proxy.rowCount())
        if tab.proxy.index(row, 1).data() == "Dihapus"
    }
    [(record, row)] = rows.items()
    assert record.startswith("Ahli waris: Ahli waris Anak Kedua")
    assert f"klaim Santunan Kematian {SUBJECT}" in record
    kinds = {tab.proxy.index(r, 1).data() for r in range(tab.proxy.rowCount())}
    assert "No. akta kematian" in kinds and "Tanggal diterima" in kinds
    tab.table.selectRow(row)
    assert tab.detail_title.text().endswith("— kolom Dihapus")
    assert tab.winner_card.value_label.text() == "dihapus"
    assert tab.loser_card.value_label.text() == "ada (tidak dihapus)"
    assert "sudah memproses klaim ini" in tab.winner_card.note.text()
    assert "ketika berkas masih di kecamatan" in tab.loser_card.note.text()
    assert tab.loser_card.office_label.text() == laptop.app.office.require_info().name

    with qtbot.waitSignal(dialog.dataChanged):
        qtbot.mouseClick(tab.loser_card.keep_button, Qt.MouseButton.LeftButton)

    assert value(hub, "heir", heir, "deleted") == 0
    assert all(
        "Ahli waris" not in tab.proxy.index(r, 0).data() for r in range(tab.proxy.rowCount())
    )
