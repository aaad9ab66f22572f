"""Per-user preferences of the interface (language, window and column sizes) in QSettings.

They belong to the person at this computer, not to the database: an INI file in the user's
configuration folder (``~/.config/Sigap/Sigap.ini``, ``%APPDATA%\\Sigap\\Sigap.ini``). Tests
point QSettings at a temporary folder (tests/conftest.py).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from desktop import APP_NAME

ORGANIZATION = "Sigap"

LANGUAGE_KEY = "ui/language"
WINDOW_GEOMETRY_KEY = "window/geometry"
WINDOW_STATE_KEY = "window/state"


def user_settings() -> QSettings:
    """The user's Sigap settings (named explicitly, whatever the application object says)."""
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APP_NAME
    )


def saved_language() -> str | None:
    """The language chosen in Pengaturan → Bahasa ("id" or "en"), None when never chosen."""
    value = user_settings().value(LANGUAGE_KEY)
    return value if value in ("id", "en") else None


def save_language(language: str) -> None:
    """Remember the language to start in next time."""
    settings = user_settings()
    settings.setValue(LANGUAGE_KEY, language)
    settings.sync()


def saved_bytes(key: str) -> QByteArray | None:
    """A blob saved under *key* (window geometry, splitter state), None when absent."""
    value = user_settings().value(key)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def save_bytes(key: str, value: QByteArray) -> None:
    """Save a blob under *key*."""
    user_settings().setValue(key, value)


def saved_widths(key: str) -> dict[str, int]:
    """Column widths the user set by hand, by column name."""
    value = user_settings().value(key)
    if not isinstance(value, dict):
        return {}
    widths = {}
    for name, width in value.items():
        try:
            widths[str(name)] = int(width)
        except (TypeError, ValueError):
            continue
    return widths


def save_widths(key: str, widths: dict[str, int]) -> None:
    """Remember column widths the user set by hand."""
    user_settings().setValue(key, dict(widths))
