"""Every sync dialog fits a 1366×768 screen with a taskbar and opens roomy on 1920×1080
(issue 18, item 6): Sinkronisasi with each of its tabs, Daftarkan kecamatan, Bergabung."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QScreen
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from desktop.services.app import AppServices
from desktop.ui.jobs import Job
from desktop.ui.sync import JoinDialog, SyncDialog, drives
from desktop.ui.sync.enroll import PAGE_CODE, EnrollDialog
from desktop.ui.sync.join import PAGE_DONE
from tests.gui.fit import assert_fits, assert_nothing_cut
from tests.integration.sync_helpers import (
    Office,
    device_of,
    district_of,
    districts_with_workers,
    join_kecamatan,
    make_hub,
)
from tests.integration.test_sync_adversarial import worker_of
from tests.integration.test_sync_duplicates import _made_twice_at_the_hub

JOB_TIMEOUT = 20_000
# The free area of each screen: the taskbar (40 px) left out.
SCREENS = {"1366x768": QRect(0, 0, 1366, 728), "1920x1080": QRect(0, 0, 1920, 1040)}


@pytest.fixture(params=list(SCREENS))
def screen(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> QRect:
    area = SCREENS[request.param]
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _self: QRect(area))
    return area


@pytest.fixture(autouse=True)
def a_stick(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    folder = tmp_path / "FLASHDISK"
    folder.mkdir()
    plugged = [drives.Drive(folder, "FLASHDISK", 7_300 * 1024**2, 7_450 * 1024**2)]
    monkeypatch.setattr(drives, "removable_drives", lambda: list(plugged))


@pytest.fixture
def network(tmp_path: Path) -> Iterator[tuple[Office, Office]]:
    hub = make_hub(tmp_path / "net", workers=40)
    [district] = districts_with_workers(hub, 1)
    laptop = join_kecamatan(hub, tmp_path / "net", district, "kec-a")
    yield hub, laptop
    laptop.close()
    hub.close()


def _fits(widget: SyncDialog | EnrollDialog | JoinDialog, screen: QRect) -> None:
    if screen.width() < 1920:
        assert_fits(widget)  # 1366×700: what is left of 768 px under a title bar and taskbar
    else:
        assert_fits(widget, screen.width(), screen.height())
    assert_nothing_cut(widget)
    if screen.width() >= 1920 and isinstance(widget, SyncDialog):
        # Roomy where there is room.
        assert widget.width() >= 1100 and widget.height() >= 760, widget.size()


def test_sinkronisasi_fits_with_every_tab(
    qtbot: QtBot, network: tuple[Office, Office], screen: QRect, monkeypatch: pytest.MonkeyPatch
) -> None:
    hub, laptop = network
    worker = worker_of(laptop)
    laptop.app.workers.update(laptop.actor, worker, {"phone": "081111111111"})
    hub.app.workers.update(hub.actor, worker, {"phone": "082222222222"})
    _made_twice_at_the_hub(hub, district_of(laptop))
    bundle = hub.export(peer=device_of(laptop))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bundle), ""))
    dialog = SyncDialog(laptop.app)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    _fits(dialog, screen)

    tab = dialog.exchange_tab
    qtbot.mouseClick(tab.choose_bundle_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(tab.summary.isVisible, timeout=JOB_TIMEOUT)
    _fits(dialog, screen)
    qtbot.mouseClick(tab.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: not Job.running() and bool(tab.import_result.text()), timeout=JOB_TIMEOUT
    )
    _fits(dialog, screen)
    for name in ("conflicts", "duplicates"):
        dialog.show_tab(name)
        _fits(dialog, screen)

    hub_dialog = SyncDialog(hub.app)
    qtbot.addWidget(hub_dialog)
    hub_dialog.show()
    for name in ("exchange", "conflicts", "duplicates", "devices"):
        hub_dialog.show_tab(name)
        _fits(hub_dialog, screen)


def test_enrolment_fits_on_both_pages(
    qtbot: QtBot, network: tuple[Office, Office], screen: QRect
) -> None:
    hub, _laptop = network
    dialog = SyncDialog(hub.app)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.devices_tab is not None
    dialog.devices_tab.enroll()
    enroll = dialog.devices_tab.enroll_dialog
    assert isinstance(enroll, EnrollDialog)
    qtbot.waitExposed(enroll)
    _fits(enroll, screen)
    qtbot.mouseClick(enroll.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: enroll.pages.currentIndex() == PAGE_CODE, timeout=JOB_TIMEOUT)
    qtbot.waitUntil(lambda: not Job.running(), timeout=JOB_TIMEOUT)
    _fits(enroll, screen)
    enroll.accept()


def test_joining_fits_with_an_error_and_when_done(
    qtbot: QtBot,
    services: AppServices,
    tmp_path: Path,
    screen: QRect,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    hub = make_hub(tmp_path / "hub", workers=30)
    try:
        [district] = districts_with_workers(hub, 1)
        enrolment = hub.app.sync.enroll(hub.actor, district=district, out=hub.stick / "e.sigap")
    finally:
        hub.close()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(enrolment.path), ""))
    join = JoinDialog(services)
    qtbot.addWidget(join)
    join.show()
    qtbot.waitExposed(join)
    _fits(join, screen)
    qtbot.mouseClick(join.choose_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(join.code_edit, "ABCD-EFGH-JKLM")
    qtbot.mouseClick(join.join_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(join.error_label.isVisible, timeout=JOB_TIMEOUT)
    qtbot.waitUntil(lambda: not Job.running(), timeout=JOB_TIMEOUT)
    _fits(join, screen)
    join.code_edit.selectAll()
    qtbot.keyClicks(join.code_edit, enrolment.code)
    qtbot.mouseClick(join.join_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: join.pages.currentIndex() == PAGE_DONE, timeout=JOB_TIMEOUT)
    qtbot.waitUntil(lambda: not Job.running(), timeout=JOB_TIMEOUT)
    _fits(join, screen)
    join.accept()
