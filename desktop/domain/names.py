"""Person names: the search/sort key that ignores case, accents and spacing."""

from __future__ import annotations

import unicodedata


def name_key(name: str) -> str:
    """Return *name* lower-cased, without accents or punctuation, single-spaced."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    cleaned = "".join(ch if ch.isalnum() else " " for ch in plain.casefold())
    return " ".join(cleaned.split())


def clean_name(name: str) -> str:
    """Return *name* trimmed and single-spaced, as typed otherwise."""
    return " ".join(name.split())
