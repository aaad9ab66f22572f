"""Names the user sees for things the services identify by code (tables, office kinds ...)."""

from __future__ import annotations

from desktop.domain.tables import TABLE_LABELS
from desktop.ui.i18n import translate


def table_label(name: str) -> str:
    """Return the translated name of a database table (the raw name when unknown)."""
    label = TABLE_LABELS.get(name)
    return translate("Table", label) if label else name


def ordered_tables(counts: dict[str, int]) -> list[str]:
    """Return the table names of *counts*, known tables first in their usual order."""
    known = [name for name in TABLE_LABELS if name in counts]
    return known + sorted(name for name in counts if name not in TABLE_LABELS)
