"""Settings every test needs: Qt runs headless unless the caller chose a platform."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The user's folders (data, logs, settings, cache) of a run of its own: no test reads or
# writes the real user's files, such as the command line's log.
import atexit  # noqa: E402
import shutil  # noqa: E402
import tempfile  # noqa: E402

_USER_HOME = tempfile.mkdtemp(prefix="sigap-test-user-")
atexit.register(shutil.rmtree, _USER_HOME, ignore_errors=True)
for _name in ("XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"):
    os.environ[_name] = os.path.join(_USER_HOME, _name.lower())

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
