"""Settings every test needs: Qt runs headless unless the caller chose a platform."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "wilayah"


@pytest.fixture(autouse=True)
def user_settings_apart(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Per-user preferences (QSettings: language, window and column sizes) in a folder of
    each test's own, never the real user's, never carried from one test to the next."""
    from PySide6.QtCore import QSettings

    folder = str(tmp_path_factory.mktemp("settings"))
    for kind in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        QSettings.setPath(kind, QSettings.Scope.UserScope, folder)


@pytest.fixture
def wilayah_dir() -> Path:
    """The shared Kemendagri region list; tests that need it skip cleanly without it."""
    if not (SHARED_DATA / "indonesia.csv").exists():
        pytest.skip("the shared region list (../shared/data/wilayah) is not here")
    return SHARED_DATA


@pytest.fixture
def services(tmp_path: Path) -> Iterator["AppServices"]:  # noqa: F821
    """A fresh database set up as the OKI regency hub."""
    from desktop.services.app import AppServices
    from desktop.services.office import OfficeKind

    app = AppServices.open(tmp_path / "sigap.db")
    app.office.set_up(
        kind=OfficeKind.HUB, region="16.02", name="Dinas Sosial Kabupaten Ogan Komering Ilir"
    )
    yield app
    app.close()
