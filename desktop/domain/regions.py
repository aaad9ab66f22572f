"""Kemendagri region codes: province 16, regency 16.02, district 16.02.05, village 16.02.05.2001."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import IntEnum
from types import MappingProxyType

from desktop.domain.findings import QT_TRANSLATE_NOOP, DomainError

# The 38 provinces in the Kepmendagri 2025 edition (level-1 rows of the shared list).
PROVINCE_CODES: frozenset[str] = frozenset(
    {
        "11", "12", "13", "14", "15", "16", "17", "18", "19", "21",
        "31", "32", "33", "34", "35", "36",
        "51", "52", "53",
        "61", "62", "63", "64", "65",
        "71", "72", "73", "74", "75", "76",
        "81", "82",
        "91", "92", "93", "94", "95", "96",
    }
)  # fmt: skip


class RegionLevel(IntEnum):
    """The depth of a region code."""

    PROVINCE = 1
    REGENCY = 2
    DISTRICT = 3
    VILLAGE = 4

    @property
    def label(self) -> str:
        """Indonesian name of the level."""
        return _LEVEL_LABELS[self]


_LEVEL_LABELS: Mapping[RegionLevel, str] = MappingProxyType(
    {
        RegionLevel.PROVINCE: QT_TRANSLATE_NOOP("RegionLevel", "Provinsi"),
        RegionLevel.REGENCY: QT_TRANSLATE_NOOP("RegionLevel", "Kabupaten/Kota"),
        RegionLevel.DISTRICT: QT_TRANSLATE_NOOP("RegionLevel", "Kecamatan"),
        RegionLevel.VILLAGE: QT_TRANSLATE_NOOP("RegionLevel", "Desa/Kelurahan"),
    }
)

# Widths of the segments: province, regency, district, village.
_WIDTHS = (2, 2, 2, 4)
_UNDOTTED_LENGTHS = {2: 1, 4: 2, 6: 3, 10: 4}
_DOTTED = re.compile(r"[0-9]{2}(?:\.[0-9]{2}(?:\.[0-9]{2}(?:\.[0-9]{4})?)?)?")


def _invalid(text: str) -> DomainError:
    return DomainError.of(
        "region.invalid",
        QT_TRANSLATE_NOOP(
            "Finding",
            "Kode wilayah {text} tidak dikenali. Tulis seperti 16, 16.02, 16.02.05 atau 16.02.05.2001 (boleh tanpa titik).",  # noqa: E501
        ),
        text=text[:40] or "(kosong)",
    )


@dataclass(frozen=True, order=True)
class RegionCode:
    """A canonical dotted Kemendagri code; build it with `RegionCode.parse`."""

    dotted: str

    def __post_init__(self) -> None:
        if not isinstance(self.dotted, str) or not _DOTTED.fullmatch(self.dotted):
            raise _invalid(str(self.dotted))
        if any(int(segment) == 0 for segment in self.dotted.split(".")):
            raise DomainError.of(
                "region.zero",
                QT_TRANSLATE_NOOP("Finding", "Kode wilayah {text} tidak sah (ada bagian 00)."),
                text=self.dotted,
            )

    @classmethod
    def parse(cls, text: str) -> RegionCode:
        """Read a dotted ("16.02.05") or undotted ("160205") code; whitespace is ignored."""
        compact = re.sub(r"\s+", "", text)
        if compact.isascii() and compact.isdigit() and len(compact) in _UNDOTTED_LENGTHS:
            segments: list[str] = []
            start = 0
            for width in _WIDTHS[: _UNDOTTED_LENGTHS[len(compact)]]:
                segments.append(compact[start : start + width])
                start += width
            compact = ".".join(segments)
        if not _DOTTED.fullmatch(compact):
            raise _invalid(text.strip())
        return cls(compact)

    @property
    def segments(self) -> tuple[str, ...]:
        """The code's parts, e.g. ("16", "02", "05")."""
        return tuple(self.dotted.split("."))

    @property
    def level(self) -> RegionLevel:
        """Province, regency, district or village."""
        return RegionLevel(self.dotted.count(".") + 1)

    @property
    def parent(self) -> RegionCode | None:
        """The code one level up, or None for a province."""
        head, dot, _ = self.dotted.rpartition(".")
        return RegionCode(head) if dot else None

    @property
    def undotted(self) -> str:
        """The code without dots, e.g. "1602052001"."""
        return self.dotted.replace(".", "")

    def at_level(self, level: RegionLevel) -> RegionCode | None:
        """This code cut to `level`, or None when this code is above that level."""
        if level > self.level:
            return None
        return RegionCode(".".join(self.segments[:level]))

    @property
    def province(self) -> RegionCode:
        """The province this code lies in (itself for a province)."""
        return RegionCode(self.segments[0])

    @property
    def regency(self) -> RegionCode | None:
        """The regency (kabupaten/kota) this code lies in, or None for a province."""
        return self.at_level(RegionLevel.REGENCY)

    @property
    def district(self) -> RegionCode | None:
        """The district (kecamatan) this code lies in, or None above district level."""
        return self.at_level(RegionLevel.DISTRICT)

    @property
    def is_kelurahan(self) -> bool:
        """True for a village code whose 4-digit part starts with 1 (kelurahan)."""
        return self.level is RegionLevel.VILLAGE and self.segments[3].startswith("1")

    @property
    def is_desa(self) -> bool:
        """True for a village code whose 4-digit part starts with 2 (desa)."""
        return self.level is RegionLevel.VILLAGE and self.segments[3].startswith("2")

    @property
    def is_city(self) -> bool:
        """True when the regency part is 71-99 (kota rather than kabupaten)."""
        return self.level >= RegionLevel.REGENCY and int(self.segments[1]) >= 71

    def ancestors(self) -> tuple[RegionCode, ...]:
        """The codes above this one, province first, excluding this code."""
        return tuple(RegionCode(".".join(self.segments[:n])) for n in range(1, self.level))

    def contains(self, other: RegionCode) -> bool:
        """True when `other` is this region or lies inside it."""
        return other.dotted == self.dotted or other.dotted.startswith(self.dotted + ".")

    def format(self, dotted: bool = True) -> str:
        """The code with or without dots."""
        return self.dotted if dotted else self.undotted

    def __str__(self) -> str:
        return self.dotted


def region_level_of(text: str) -> RegionLevel:
    """The level of a dotted or undotted code (DomainError when it is not a code)."""
    return RegionCode.parse(text).level


def parent_code(text: str) -> str | None:
    """The dotted parent of a code, or None for a province."""
    parent = RegionCode.parse(text).parent
    return parent.dotted if parent else None
