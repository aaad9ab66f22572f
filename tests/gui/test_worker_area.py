"""The worker form offers only the office's own area, named with codes (issue 17, item 0):
a hub whose region list holds another regency lists only its own regency's kecamatan."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from desktop.services.app import AppServices
from desktop.ui.roster.worker_dialog import WorkerDialog


def test_the_hubs_form_lists_only_its_regencys_kecamatan(
    qtbot: QtBot, office_services: AppServices, tmp_path: Path
) -> None:
    regions = tmp_path / "wilayah.csv"
    regions.write_text(
        "kode,nama\n16,SUMATERA SELATAN\n16.02,OGAN KOMERING ILIR\n16.02.05,Kayu Agung\n"
        "16.02.05.2001,Tanjung Rancing\n16.06,MUSI BANYUASIN\n16.06.01,Kayu Aro\n"
        "16.06.01.2001,Sungai Lilin\n",
        encoding="utf-8",
    )
    actor = office_services.office.local_actor()
    office_services.regions.import_file(regions, actor=actor)
    dialog = WorkerDialog(office_services.workers, office_services.regions, actor)
    qtbot.addWidget(dialog)
    combo = dialog.form.district_combo
    shown = [combo.itemText(i) for i in range(combo.count())]
    assert shown == ["16.02.05 \u2014 Kayu Agung"]


def test_the_region_tree_shows_the_offices_own_area(
    qtbot: QtBot, office_services: AppServices, tmp_path: Path
) -> None:
    from desktop.ui.roster.tab import RosterTab

    regions = tmp_path / "wilayah.csv"
    regions.write_text(
        "kode,nama\n16,SUMATERA SELATAN\n16.02,OGAN KOMERING ILIR\n16.02.05,Kayu Agung\n"
        "16.06,MUSI BANYUASIN\n16.06.01,Kayu Aro\n18,LAMPUNG\n18.01,LAMPUNG BARAT\n",
        encoding="utf-8",
    )
    office_services.regions.import_file(regions, actor=office_services.office.local_actor())
    tab = RosterTab(office_services)
    qtbot.addWidget(tab)
    tab.region_tree.reload()
    tree = tab.region_tree
    assert [tree.topLevelItem(i).text(1) for i in range(tree.topLevelItemCount())] == ["16"]
    province = tree.topLevelItem(0)
    assert [province.child(i).text(1) for i in range(province.childCount())] == ["16.02"]
