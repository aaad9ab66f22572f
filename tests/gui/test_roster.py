"""The Peserta tab: search as you type, filters, sorting, and the worker form."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.services.app import AppServices
from desktop.services.roster import RosterFilter
from desktop.ui.roster import RosterTab
from desktop.ui.roster.form_parts import DateField
from desktop.ui.roster.model import COL_KPJ, COL_NAME, COL_NIK, COL_VILLAGE, ObjectRole
from desktop.ui.roster.worker_dialog import StatusDialog, WorkerDialog
from tests.gui.conftest import MessageBoxes


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("roster") / "demo.db"
    made = AppServices.open(path)
    made.demo.generate(workers=300, seed=5)
    made.close()
    return path


@pytest.fixture
def demo(template: Path, tmp_path: Path) -> Iterator[AppServices]:
    path = tmp_path / "demo.db"
    shutil.copy(template, path)
    opened = AppServices.open(path)
    yield opened
    opened.close()


@pytest.fixture
def tab(qtbot: QtBot, demo: AppServices) -> Iterator[RosterTab]:
    widget = RosterTab(demo)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    with qtbot.waitSignal(widget.idsLoaded, timeout=5000):
        widget.update_counts(demo.health.counts())
    yield widget
    widget.wait_for_queries()


def shown(tab: RosterTab) -> int:
    return tab.model.rowCount()


def test_the_table_shows_every_worker_with_the_count(tab: RosterTab, demo: AppServices) -> None:
    assert shown(tab) == 300
    assert tab.count_label.text() == "300 peserta"
    assert tab.workers_card.value_label.text() == "300"
    first = tab.model.index(0, COL_KPJ).data()
    assert first.startswith("•••••••") and len(first) == 11
    tab.full_kpj_check.setChecked(True)
    assert tab.model.index(0, COL_KPJ).data().isdigit()


def test_typing_a_name_finds_its_workers(qtbot: QtBot, tab: RosterTab, demo: AppServices) -> None:
    some = tab.model.index(0, 0).data(ObjectRole)
    word = some.name.split()[0].upper()
    expected = demo.roster.count(RosterFilter(text=word))
    qtbot.keyClicks(tab.search_edit, word)
    qtbot.waitUntil(lambda: shown(tab) == expected, timeout=3000)
    assert tab.count_label.text() == f"{expected} peserta"
    names = {tab.model.index(r, COL_NAME).data().upper() for r in range(shown(tab))}
    assert all(word in name for name in names)


def test_typing_a_nik_prefix(qtbot: QtBot, tab: RosterTab) -> None:
    nik = tab.model.index(5, COL_NIK).data()
    qtbot.keyClicks(tab.search_edit, nik)
    qtbot.waitUntil(lambda: shown(tab) == 1, timeout=3000)
    assert tab.model.index(0, COL_NIK).data() == nik


def test_seventeen_digits_find_no_nik(qtbot: QtBot, tab: RosterTab) -> None:
    """A NIK typed with one digit too many is not cut back to the sixteen it starts with."""
    nik = tab.model.index(5, COL_NIK).data()
    qtbot.keyClicks(tab.search_edit, nik + "7")
    qtbot.waitUntil(lambda: tab.count_label.text() == "0 peserta", timeout=3000)
    assert shown(tab) == 0


def test_kecamatan_then_desa(qtbot: QtBot, tab: RosterTab, demo: AppServices) -> None:
    assert not tab.village_combo.isEnabled()
    tab.district_combo.setCurrentIndex(1)
    district = tab.district_combo.currentData()
    expected = demo.roster.count(RosterFilter(district_code=district))
    qtbot.waitUntil(lambda: shown(tab) == expected, timeout=3000)
    assert tab.village_combo.isEnabled() and tab.village_combo.count() > 1
    busiest = max(
        range(1, tab.village_combo.count()),
        key=lambda i: demo.roster.count(RosterFilter(village_code=tab.village_combo.itemData(i))),
    )
    tab.village_combo.setCurrentIndex(busiest)
    village = tab.village_combo.currentData()
    expected = demo.roster.count(RosterFilter(village_code=village))
    qtbot.waitUntil(lambda: shown(tab) == expected, timeout=3000)
    name = tab.village_combo.currentText()
    assert {tab.model.index(r, COL_VILLAGE).data() for r in range(shown(tab))} == {name}


def test_header_click_sorts_in_sql(qtbot: QtBot, tab: RosterTab, demo: AppServices) -> None:
    header = tab.table.horizontalHeader()
    tab.show()
    qtbot.waitExposed(tab)
    x = header.sectionViewportPosition(COL_NIK) + 10
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    lowest = min(w.nik for w in demo.roster.rows(demo.roster.matching_ids(RosterFilter())))
    qtbot.waitUntil(lambda: tab.model.index(0, COL_NIK).data() == lowest, timeout=3000)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    qtbot.waitUntil(lambda: tab.model.index(shown(tab) - 1, COL_NIK).data() == lowest)


def test_the_model_passes_the_model_tester(tab: RosterTab, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(tab.model)


def open_dialog(qtbot: QtBot, tab: RosterTab, row: int = 0) -> WorkerDialog:
    tab.show()
    qtbot.waitExposed(tab)
    tab.table.setFocus()
    tab.table.setCurrentIndex(tab.model.index(row, 0))
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    dialogs = tab.findChildren(WorkerDialog)
    assert len(dialogs) == 1
    return dialogs[0]


def test_enter_opens_the_worker_and_a_bad_nik_blocks_saving(qtbot: QtBot, tab: RosterTab) -> None:
    worker = tab.model.index(2, 0).data(ObjectRole)
    dialog = open_dialog(qtbot, tab, 2)
    assert dialog.form.name_edit.text() == worker.name
    assert dialog.save_button.isEnabled()
    dialog.form.nik_edit.clear()
    qtbot.keyClicks(dialog.form.nik_edit, "1602 0541")
    assert dialog.form.nik_message.isVisible()
    assert dialog.form.nik_message.text() == "NIK harus 16 angka, bukan 8."
    assert not dialog.save_button.isEnabled()
    qtbot.keyClicks(dialog.form.nik_edit, "07900000")
    assert "0000" in dialog.form.nik_message.text()
    assert not dialog.save_button.isEnabled()


def type_date(qtbot: QtBot, field: DateField, day: date) -> None:
    """Type over a date field as a clerk does: its digits, the dashes are in place."""
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, day.strftime("%d%m%Y"))


def fill_new(qtbot: QtBot, dialog: WorkerDialog, nik: str, name: str, born: date) -> None:
    qtbot.keyClicks(dialog.form.nik_edit, nik)
    qtbot.keyClicks(dialog.form.name_edit, name)
    if dialog.form.birth_date_edit.date() != born:
        type_date(qtbot, dialog.form.birth_date_edit, born)
    dialog.form.district_combo.setCurrentIndex(dialog.form.district_combo.findData("16.02.05"))
    dialog.form.village_combo.setCurrentIndex(0)
    dialog.form.category_combo.setCurrentIndex(
        dialog.form.category_combo.findData("pekerja_rentan")
    )


def test_a_nik_warning_asks_first(
    qtbot: QtBot, tab: RosterTab, demo: AppServices, message_boxes: MessageBoxes
) -> None:
    dialog = tab.add_worker()
    # The NIK says 1 July 1990; the form says 2 July.
    fill_new(qtbot, dialog, "1602054107900003", "Siti Rahma", date(1990, 7, 2))
    assert dialog.save_button.isEnabled()
    assert dialog.form.birth_message.message().startswith("Berbeda dengan NIK (lahir 1 Juli 1990)")
    message_boxes.answer = QMessageBox.ButtonRole.RejectRole
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert message_boxes.shown[-1].title == "Periksa NIK"
    assert demo.roster.count(RosterFilter(text="siti rahma")) == 0
    assert dialog.isVisible() and dialog.form.name_edit.text() == "Siti Rahma"
    message_boxes.answer = QMessageBox.ButtonRole.AcceptRole
    with qtbot.waitSignal(tab.idsLoaded, timeout=3000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert demo.roster.count(RosterFilter(text="siti rahma")) == 1
    assert shown(tab) == 301


def test_a_known_nik_shows_the_other_record(
    qtbot: QtBot, tab: RosterTab, demo: AppServices, message_boxes: MessageBoxes
) -> None:
    other = tab.model.index(0, 0).data(ObjectRole)
    dialog = tab.add_worker()
    fill_new(qtbot, dialog, other.nik, "Orang Baru", other.birth_date)
    assert dialog.form.sex_combo.currentData() == other.sex
    message_boxes.answer = QMessageBox.ButtonRole.RejectRole
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert message_boxes.shown[-1].title == "Mungkin data ganda"
    assert other.name in message_boxes.shown[-1].details
    assert sorted(message_boxes.shown[-1].buttons) == ["Batal", "Buka data itu", "Tetap simpan"]
    assert dialog.isVisible() and dialog.form.nik_edit.text() == other.nik
    assert demo.roster.count(RosterFilter(text=other.nik)) == 1
    message_boxes.answer = QMessageBox.ButtonRole.ActionRole
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    opened = [d for d in tab.findChildren(WorkerDialog) if d is not dialog]
    assert len(opened) == 1 and opened[0].form.name_edit.text() == other.name
    assert dialog.form.name_edit.text() == "Orang Baru"  # nothing typed is lost


def test_status_change_and_history(qtbot: QtBot, tab: RosterTab, demo: AppServices) -> None:
    worker = tab.model.index(1, 0).data(ObjectRole)
    dialog = open_dialog(qtbot, tab, 1)
    dialog.form.name_edit.clear()
    qtbot.keyClicks(dialog.form.name_edit, "Nama Baru Sekali")
    with qtbot.waitSignal(tab.idsLoaded, timeout=3000):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert demo.workers.get(worker.id).name == "Nama Baru Sekali"

    dialog = tab.open_worker(worker.id)
    assert dialog is not None
    table = dialog.history_table
    rows = [[table.item(r, c).text() for c in range(5)] for r in range(table.rowCount())]
    assert ["name", worker.name, "Nama Baru Sekali"] in [r[2:] for r in rows]

    dialog.change_status()
    status = dialog.findChild(StatusDialog)
    status.status_combo.setCurrentIndex(status.status_combo.findData("nonaktif"))
    status.reason_edit.clear()
    assert not status.save_button.isEnabled()
    assert status.reason_line.text() == "Untuk menyimpan, isi Alasan."
    qtbot.keyClicks(status.reason_edit, "Pindah domisili")
    assert status.reason_line.text() == ""
    qtbot.mouseClick(status.save_button, Qt.MouseButton.LeftButton)
    assert demo.workers.get(worker.id).status == "nonaktif"
    assert "Pindah domisili" in dialog.form.status_label.text()

    dialog.change_status()
    status = [s for s in dialog.findChildren(StatusDialog) if s.isVisible()][-1]
    status.status_combo.setCurrentIndex(status.status_combo.findData("meninggal"))
    status.death_date_edit.setDate(date(2026, 3, 2))
    qtbot.mouseClick(status.save_button, Qt.MouseButton.LeftButton)
    record = demo.workers.get(worker.id)
    assert (record.status, record.death_date) == ("meninggal", date(2026, 3, 2))
    assert "Meninggal Dunia, 2 Maret 2026" in dialog.form.status_label.text()
    fields = {dialog.history_table.item(r, 2).text() for r in range(table.rowCount())}
    assert {"status", "death_date"} <= fields


def test_the_kpj_column_cannot_be_sorted_and_says_so(
    qtbot: QtBot, tab: RosterTab, demo: AppServices
) -> None:
    """KPJ has no index to sort a million rows by: a click there leaves order and arrow."""
    header = tab.table.horizontalHeader()
    tab.show()
    qtbot.waitExposed(tab)
    first = tab.model.index(0, COL_NAME).data()
    tab.table.scrollTo(tab.model.index(0, COL_KPJ))
    x = header.sectionViewportPosition(COL_KPJ) + 10
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    qtbot.wait(200)
    assert header.sortIndicatorSection() == COL_NAME
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    assert tab.model.index(0, COL_NAME).data() == first


def test_category_status_and_ending_filters(
    qtbot: QtBot, tab: RosterTab, demo: AppServices
) -> None:
    """Each filter, alone then together, shows exactly what the service counts."""
    category = tab.category_combo.itemData(1)
    tab.category_combo.setCurrentIndex(1)
    expected = demo.roster.count(RosterFilter(category=category))
    qtbot.waitUntil(lambda: tab.count_label.text() == f"{expected} peserta", timeout=3000)
    assert 0 < expected < 300
    assert {tab.model.index(r, 0).data(ObjectRole).category for r in range(shown(tab))} == {
        category
    }

    tab.status_combo.setCurrentIndex(tab.status_combo.findData("aktif"))
    expected = demo.roster.count(RosterFilter(category=category, status="aktif"))
    qtbot.waitUntil(lambda: shown(tab) == expected, timeout=3000)

    assert not tab.ends_spin.isEnabled()
    tab.ends_check.setChecked(True)
    assert tab.ends_spin.isEnabled()
    tab.ends_spin.setValue(400)  # demo coverage ends at the end of the year
    expected = demo.roster.count(
        RosterFilter(category=category, status="aktif", ends_within_days=400)
    )
    qtbot.waitUntil(lambda: shown(tab) == expected, timeout=3000)
    tab.ends_spin.setValue(0)
    expected_today = demo.roster.count(
        RosterFilter(category=category, status="aktif", ends_within_days=0)
    )
    qtbot.waitUntil(lambda: shown(tab) == expected_today, timeout=3000)
    assert expected_today < expected
    assert tab.current_filter() == RosterFilter(
        category=category, status="aktif", ends_within_days=0
    )


def test_typing_fast_runs_one_query(
    qtbot: QtBot, tab: RosterTab, demo: AppServices, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The search waits for a pause in the typing: six keys, one query."""
    asked: list[str] = []
    original = demo.roster.matching_ids

    def counting(flt: RosterFilter, *args: object, **kwargs: object) -> object:
        asked.append(flt.text)
        return original(flt, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(demo.roster, "matching_ids", counting)
    with qtbot.waitSignal(tab.idsLoaded, timeout=3000):
        qtbot.keyClicks(tab.search_edit, "sitiam")
    qtbot.wait(400)
    assert asked == ["sitiam"]


def test_rows_are_fetched_a_page_at_a_time_and_old_pages_dropped(
    qtbot: QtBot, tab: RosterTab, demo: AppServices, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The model holds ids; rows come a page at a time as the view needs them, and only
    the last few pages stay in memory."""
    monkeypatch.setattr(tab.model, "page_size", 10)
    monkeypatch.setattr(tab.model, "max_pages", 3)
    fetched: list[int] = []
    original = demo.roster.rows

    def counting(ids: object) -> object:
        chunk = list(ids)  # type: ignore[call-overload]
        fetched.append(len(chunk))
        return original(chunk)

    monkeypatch.setattr(demo.roster, "rows", counting)
    tab.model.refresh_rows()
    tab.show()
    qtbot.waitExposed(tab)
    qtbot.wait(100)
    first_screen = len(fetched)
    assert 0 < first_screen <= 4 and set(fetched) == {10}  # a screen, not 300 rows
    tab.table.scrollToBottom()
    qtbot.wait(100)
    assert len(fetched) - first_screen <= 4  # the last screen, not everything between
    assert len(tab.model._pages) <= 3
    assert tab.model.index(299, COL_NIK).data() == tab.model.worker(299).nik  # type: ignore[union-attr]
