"""Reading the labelled values of a roster sheet: sub-category, status, funding source,
programmes and declared income.

Sigap's export writes what the screen shows ("Ketua RT", "Meninggal Dunia", "APBD
Kabupaten"); its older exports and other tools write the stored codes ("ketua_rt",
"meninggal", "apbd"). Both are read, in any case, spacing or punctuation. Each reader returns
the value, None for an empty cell, or a :class:`Finding` that says what to write instead.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from enum import StrEnum
from typing import TypeVar

from desktop.domain.categories import (
    Category,
    FundingSource,
    Programme,
    SubCategory,
    WorkerStatus,
    subcategories,
)
from desktop.domain.findings import QT_TRANSLATE_NOOP, Finding
from desktop.spreadsheets.reader import Cell, cell_text

E = TypeVar("E", bound=StrEnum)

# The largest rupiah amount read as a declared income: more is a slip of the keyboard.
MAX_INCOME = 10**12


def choice_key(text: str) -> str:
    """*text* as lower-case words: "Ketua RT/RW" → "ketua rt rw", "ketua_rt" → "ketua rt"."""
    return " ".join(re.split(r"[^0-9a-z]+", text.casefold())).strip()


def _compact(text: str) -> str:
    """*text* with case, spaces and punctuation gone: "Non-aktif" and "nonaktif" are one."""
    return choice_key(text).replace(" ", "")


def _index(members: Iterable[E], extra: Mapping[str, E]) -> dict[str, E]:
    """Each member by its code and by its label, and the *extra* names (see _compact)."""
    found: dict[str, E] = {}
    for member in members:
        found[_compact(member.value)] = member
        found[_compact(member.label)] = member  # type: ignore[attr-defined]
    found.update({_compact(name): member for name, member in extra.items()})
    return found


_SUBCATEGORIES = _index(
    SubCategory,
    {
        "pegawai non asn": SubCategory.PEGAWAI_NON_ASN,
        "gtk": SubCategory.GTK,
        "guru": SubCategory.GTK,
        "kades": SubCategory.KEPALA_DESA,
        "sekdes": SubCategory.SEKRETARIS_DESA,
        "kaur": SubCategory.KEPALA_URUSAN,
        "kasi": SubCategory.KEPALA_SEKSI,
        "kadus": SubCategory.KEPALA_DUSUN,
        "lpm": SubCategory.LPM,
        "lembaga pemberdayaan masyarakat": SubCategory.LPM,
        "linmas": SubCategory.LINMAS,
        "hansip": SubCategory.LINMAS,
        "posyandu": SubCategory.KADER_POSYANDU,
        "marbot": SubCategory.MARBOT,
        "relawan damkar": SubCategory.RELAWAN_DAMKAR,
        "damkar": SubCategory.RELAWAN_DAMKAR,
        "rentan lainnya": SubCategory.RENTAN_LAINNYA,
    },
)
_STATUSES = _index(
    WorkerStatus,
    {
        "meninggal": WorkerStatus.MENINGGAL,
        "wafat": WorkerStatus.MENINGGAL,
        "tidak aktif": WorkerStatus.NONAKTIF,
        "active": WorkerStatus.AKTIF,
        "inactive": WorkerStatus.NONAKTIF,
        "deceased": WorkerStatus.MENINGGAL,
    },
)
_FUNDING = _index(
    FundingSource,
    {
        "apbd kab": FundingSource.APBD,
        "apbd kabupaten": FundingSource.APBD,
        "apb desa": FundingSource.APBDES,
        "dana desa": FundingSource.APBDES,
    },
)
_PROGRAMME_NAMES = (
    ("jaminan kecelakaan kerja", Programme.JKK.value),
    ("jaminan kematian", Programme.JKM.value),
    ("jaminan hari tua", Programme.JHT.value),
)
_PROGRAMME_TOKENS = {p.value: p for p in Programme}
_AND = frozenset({"dan", "and"})
_INCOME = re.compile(
    r"\d{1,3}(?:\.\d{3})+(?:,0{1,2})?"  # 1.500.000 (,00)
    r"|\d{1,3}(?:,\d{3})+(?:\.0{1,2})?"  # 1,500,000 (.00)
    r"|\d+(?:[.,]0{1,2})?"  # 1500000 (,00)
)


def _text(value: Cell) -> str:
    return " ".join(cell_text(value).split())


def parse_subcategory(value: Cell, category: Category | None) -> SubCategory | Finding | None:
    """The sub-category a cell names (its label or code); *category*, when known, lists the
    choices in the message."""
    text = _text(value)
    if not text:
        return None
    found = _SUBCATEGORIES.get(_compact(text))
    if found is not None:
        return found
    if category is not None:
        return Finding.error(
            "import.subcategory_unknown",
            QT_TRANSLATE_NOOP(
                "Finding",
                'Sub-kategori "{text}" tidak dikenali. Untuk kategori {category} pakai salah '
                "satu: {choices}; atau kosongkan.",
            ),
            text=text[:60],
            category=category.label,
            choices=", ".join(s.label for s in subcategories(category)),
        )
    return Finding.error(
        "import.subcategory_unknown",
        QT_TRANSLATE_NOOP(
            "Finding",
            'Sub-kategori "{text}" tidak dikenali. Tulis seperti pada daftar Sigap, mis. '
            "Ketua RT, Kader Posyandu atau Guru Ngaji; atau kosongkan.",
        ),
        text=text[:60],
    )


def subcategory_mismatch(sub: SubCategory, category: Category) -> Finding:
    """The error of a sub-category that is not one of its row's category."""
    return Finding.error(
        "import.subcategory_category",
        QT_TRANSLATE_NOOP(
            "Finding",
            "Sub-kategori {subcategory} bukan bagian dari kategori {category}, melainkan "
            "{own}. Perbaiki kolom Kategori atau Sub-kategori.",
        ),
        subcategory=sub.label,
        category=category.label,
        own=sub.category.label,
    )


def parse_status(value: Cell) -> WorkerStatus | Finding | None:
    """The status a cell names: Aktif, Nonaktif, Meninggal Dunia (or their codes)."""
    text = _text(value)
    if not text:
        return None
    found = _STATUSES.get(_compact(text))
    if found is not None:
        return found
    return Finding.error(
        "import.status_unknown",
        QT_TRANSLATE_NOOP(
            "Finding",
            'Status "{text}" tidak dikenali. Tulis {choices}; atau kosongkan untuk peserta aktif.',
        ),
        text=text[:40],
        choices=", ".join(s.label for s in WorkerStatus),
    )


def parse_funding(value: Cell) -> FundingSource | Finding | None:
    """The funding source a cell names: APBD Kabupaten, APBDes, Mandiri, Lainnya (or codes)."""
    text = _text(value)
    if not text:
        return None
    found = _FUNDING.get(_compact(text))
    if found is not None:
        return found
    return Finding.error(
        "import.funding_unknown",
        QT_TRANSLATE_NOOP(
            "Finding", 'Sumber dana "{text}" tidak dikenali. Pakai salah satu: {choices}.'
        ),
        text=text[:40],
        choices=", ".join(f.label for f in FundingSource),
    )


def parse_programmes(value: Cell) -> str | Finding | None:
    """The programmes a cell names, as stored ("JKK,JKM"): abbreviations or full names,
    separated by commas, spaces, "+" or "dan"."""
    text = _text(value)
    if not text:
        return None
    key = choice_key(text)
    for name, code in _PROGRAMME_NAMES:
        key = key.replace(name, code)
    words = [w for w in key.split() if w not in _AND]
    if words and all(w in _PROGRAMME_TOKENS for w in words):
        chosen = set(words)
        return ",".join(p.abbreviation for p in Programme if p.value in chosen)
    return Finding.error(
        "import.programmes_unknown",
        QT_TRANSLATE_NOOP(
            "Finding",
            'Program "{text}" tidak dikenali. Tulis JKK, JKM dan/atau JHT, dipisah koma.',
        ),
        text=text[:60],
    )


def parse_income(value: Cell) -> int | Finding | None:
    """A declared income in rupiah: a number cell, or text such as "Rp 1.500.000"."""
    if value is None or value == "":
        return None
    amount: int | None = None
    if isinstance(value, bool):
        amount = None
    elif isinstance(value, int):
        amount = value
    elif isinstance(value, float):
        amount = int(value) if value.is_integer() else None
    else:
        text = _text(value)
        if not text:
            return None
        digits = re.sub(r"^rp\.?\s*", "", text.casefold()).replace(" ", "")
        if _INCOME.fullmatch(digits):
            whole = re.split(r"[.,]0{1,2}$", digits)[0]
            amount = int(re.sub(r"[.,]", "", whole))
    if amount is not None and 0 <= amount <= MAX_INCOME:
        return amount
    return Finding.error(
        "import.income",
        QT_TRANSLATE_NOOP(
            "Finding",
            'Penghasilan "{text}" bukan jumlah rupiah yang dikenali. Tulis angka bulat, '
            "mis. 1.500.000.",
        ),
        text=_text(value)[:30],
    )
