"""GUI fixtures: a fresh database per test, message boxes read instead of shown."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QMessageBox

from desktop.services.app import AppServices
from desktop.services.office import OfficeKind
from desktop.ui import messages
from desktop.ui.jobs import Job

OFFICE_NAME = "Dinas Sosial Kabupaten Ogan Komering Ilir"

@dataclass
class ShownMessage:
    """A message box the application showed."""

    icon: QMessageBox.Icon
    title: str
    text: str
    details: str
    buttons: list[str]


@dataclass
class MessageBoxes:
    """Every message box shown during a test; `answer` is the button role "pressed"."""

    shown: list[ShownMessage] = field(default_factory=list)
    answer: QMessageBox.ButtonRole = QMessageBox.ButtonRole.AcceptRole

    def run(self, box: QMessageBox) -> QMessageBox.ButtonRole:
        self.shown.append(
            ShownMessage(
                box.icon(),
                box.windowTitle(),
                box.text(),
                box.informativeText(),
                [button.text() for button in box.buttons()],
            )
        )
        box.deleteLater()
        return self.answer

    @property
    def texts(self) -> list[str]:
        return [m.text for m in self.shown]


@pytest.fixture(autouse=True)
def message_boxes(monkeypatch: pytest.MonkeyPatch) -> MessageBoxes:
    """Record message boxes instead of blocking on them."""
    boxes = MessageBoxes()
    monkeypatch.setattr(messages, "run_box", boxes.run)
    return boxes


@pytest.fixture(autouse=True)
def indonesian_locale() -> Iterator[None]:
    """Numbers formatted as the Indonesian UI formats them ("2.000")."""
    QLocale.setDefault(QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia))
    yield
    QLocale.setDefault(QLocale.c())


@pytest.fixture(autouse=True)
def no_job_left_running() -> Iterator[None]:
    """Stop background work a test leaves behind before its database goes away."""
    yield
    assert Job.cancel_all_and_wait(10_000)


@pytest.fixture
def services(tmp_path: Path) -> Iterator[AppServices]:
    """A fresh database with no office yet, made by the app's own migrations."""
    opened = AppServices.open(tmp_path / "x.db")
    yield opened
    opened.close()


@pytest.fixture
def office_services(services: AppServices) -> AppServices:
    """A fresh database set up for the OKI regency hub."""
    services.office.set_up(kind=OfficeKind.HUB, region="16.02", name=OFFICE_NAME)
    return services
