"""Matching the kecamatan and desa a roster row names, by code or by name, within an office's
area: exact names first, then close spelling variants (warned), never a guess between two."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from desktop.domain.findings import QT_TRANSLATE_NOOP, Finding
from desktop.domain.names import name_key

FUZZY_CUTOFF = 0.85
_PLACE_PREFIXES = frozenset({"desa", "ds", "kelurahan", "kel", "kecamatan", "kec"})


def _err(code: str, template: str, /, **params: object) -> Finding:
    return Finding.error(code, template, **params)


def _warn(code: str, template: str, /, **params: object) -> Finding:
    return Finding.warning(code, template, **params)


def place_key(text: str) -> str:
    """A region name for matching: no "Desa"/"Kel."/"Kec." prefix, case, punctuation or spaces."""
    words = name_key(text).split()
    while len(words) > 1 and words[0] in _PLACE_PREFIXES:
        words = words[1:]
    return "".join(words)


def _code_digits(text: str) -> str | None:
    """The digits of a region code typed as 16.02.05.2001 or 1602052001; None for a name."""
    compact = re.sub(r"[\s.\-]+", "", text.strip().lstrip("'"))
    return compact if compact.isdigit() else None


def _dotted(digits: str) -> str | None:
    widths = {6: (2, 2, 2), 10: (2, 2, 2, 4)}.get(len(digits))
    if widths is None:
        return None
    parts, at = [], 0
    for width in widths:
        parts.append(digits[at : at + width])
        at += width
    return ".".join(parts)


@dataclass(frozen=True)
class _Match:
    code: str | None
    findings: tuple[Finding, ...] = ()


class RegionMaster:
    """The districts and villages an office may enrol workers in, matched by code or name.

    Results are cached per distinct text: a 120,000-row file names a few hundred villages.
    """

    def __init__(
        self,
        scope: str,
        districts: Iterable[tuple[str, str]],
        villages: Iterable[tuple[str, str]],
    ) -> None:
        self.scope = scope
        self.district_names: dict[str, str] = dict(districts)
        self.village_names: dict[str, str] = dict(villages)
        self._districts_by_key: dict[str, list[str]] = {}
        for code, name in self.district_names.items():
            self._districts_by_key.setdefault(place_key(name), []).append(code)
        self._villages_by_key: dict[str, list[str]] = {}
        for code, name in self.village_names.items():
            self._villages_by_key.setdefault(place_key(name), []).append(code)
        self._district_cache: dict[str, _Match] = {}
        self._village_cache: dict[tuple[str, str | None], _Match] = {}

    def _in_scope(self, code: str) -> bool:
        return not self.scope or code == self.scope or code.startswith(self.scope + ".")

    def district(self, text: str) -> _Match:
        """The district code a cell names (code or name), with findings."""
        found = self._district_cache.get(text)
        if found is None:
            found = self._district_cache[text] = self._find_district(text)
        return found

    def _find_district(self, text: str) -> _Match:
        digits = _code_digits(text)
        if digits is not None:
            code = _dotted(digits) if len(digits) == 6 else None
            if code is not None and code in self.district_names:
                return _Match(code)
            return _Match(
                None,
                (
                    _err(
                        "import.district_code",
                        QT_TRANSLATE_NOOP(
                            "Finding",
                            'Kode kecamatan "{text}" tidak ada di daftar wilayah kantor ini '
                            "({scope}). Periksa kodenya, mis. 16.02.05.",
                        ),
                        text=text[:20],
                        scope=self.scope,
                    ),
                ),
            )
        codes, ratio = self._by_name(text, self._districts_by_key)
        if len(codes) == 1:
            code = codes[0]
            if ratio < 1.0:
                return _Match(code, (self._variant("district", text, code),))
            return _Match(code)
        if len(codes) > 1:
            return _Match(
                None,
                (
                    _err(
                        "import.district_ambiguous",
                        QT_TRANSLATE_NOOP(
                            "Finding",
                            'Kecamatan "{text}" cocok dengan lebih dari satu kecamatan: '
                            "{candidates}. Tulis kode kecamatannya.",
                        ),
                        text=text[:60],
                        candidates=self._describe(codes, self.district_names),
                    ),
                ),
            )
        return _Match(
            None,
            (
                _err(
                    "import.district_unknown",
                    QT_TRANSLATE_NOOP(
                        "Finding",
                        'Kecamatan "{text}" tidak ada di daftar wilayah kantor ini ({scope}). '
                        "Periksa ejaannya atau tulis kodenya, mis. 16.02.05.",
                    ),
                    text=text[:60],
                    scope=self.scope,
                ),
            ),
        )

    def village(self, text: str, district: str | None) -> _Match:
        """The village code a cell names (code or name), within *district* when known."""
        key = (text, district)
        found = self._village_cache.get(key)
        if found is None:
            found = self._village_cache[key] = self._find_village(text, district)
        return found

    def _find_village(self, text: str, district: str | None) -> _Match:
        digits = _code_digits(text)
        if digits is not None:
            code = _dotted(digits) if len(digits) == 10 else None
            if code is None or code not in self.village_names:
                return _Match(
                    None,
                    (
                        _err(
                            "import.village_code",
                            QT_TRANSLATE_NOOP(
                                "Finding",
                                'Kode desa/kelurahan "{text}" tidak ada di daftar wilayah kantor '
                                "ini ({scope}). Periksa kodenya, mis. 16.02.05.2001.",
                            ),
                            text=text[:20],
                            scope=self.scope,
                        ),
                    ),
                )
            if district is not None and not code.startswith(district + "."):
                return _Match(None, (self._not_in_district(text, district),))
            return _Match(code)
        index = self._villages_by_key
        if district is not None:
            index = {
                k: kept
                for k, codes in index.items()
                if (kept := [c for c in codes if c.startswith(district + ".")])
            }
        codes, ratio = self._by_name(text, index)
        if len(codes) == 1:
            code = codes[0]
            if ratio < 1.0:
                return _Match(code, (self._variant("village", text, code),))
            return _Match(code)
        if len(codes) > 1:
            return _Match(
                None,
                (
                    _err(
                        "import.village_ambiguous",
                        QT_TRANSLATE_NOOP(
                            "Finding",
                            'Desa/kelurahan "{text}" ada lebih dari satu: {candidates}. '
                            "Isi kolom Kecamatan atau tulis kode desanya.",
                        ),
                        text=text[:60],
                        candidates=self._describe(codes, self.village_names),
                    ),
                ),
            )
        if district is not None and self._by_name(text, self._villages_by_key)[0]:
            return _Match(None, (self._not_in_district(text, district),))
        return _Match(
            None,
            (
                _err(
                    "import.village_unknown",
                    QT_TRANSLATE_NOOP(
                        "Finding",
                        'Desa/kelurahan "{text}" tidak ada di daftar wilayah kantor ini '
                        "({scope}). Periksa ejaannya atau tulis kodenya, mis. 16.02.05.2001.",
                    ),
                    text=text[:60],
                    scope=self.scope,
                ),
            ),
        )

    def other_name(self, kind: str, text: str, code: str) -> tuple[Finding, ...]:
        """A warning when *text*, the name beside a *code* (``kind`` "village" or
        "district"), names another place than the code does: the code is used."""
        if kind == "village":
            names, named = self.village_names, self.village(text, code.rsplit(".", 1)[0]).code
        else:
            names, named = self.district_names, self.district(text).code
        if named == code:
            return ()
        return (
            _warn(
                "import.region_name_code",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    '"{text}" bukan nama wilayah berkode {code} ({name}); dipakai kodenya. '
                    "Periksa kolom nama dan kode wilayahnya.",
                ),
                text=text[:60],
                code=code,
                name=names[code],
            ),
        )

    def _not_in_district(self, text: str, district: str) -> Finding:
        return _err(
            "import.village_district",
            QT_TRANSLATE_NOOP(
                "Finding",
                'Desa/kelurahan "{text}" tidak ada di Kecamatan {district}. '
                "Periksa kolom Desa dan Kecamatan.",
            ),
            text=text[:60],
            district=self.district_names.get(district, district),
        )

    def _variant(self, kind: str, text: str, code: str) -> Finding:
        if kind == "village":
            return _warn(
                "import.village_variant",
                QT_TRANSLATE_NOOP(
                    "Finding",
                    'Desa/kelurahan "{text}" dibaca sebagai {name} ({code}). Periksa bila keliru.',
                ),
                text=text[:60],
                name=self.village_names[code],
                code=code,
            )
        return _warn(
            "import.district_variant",
            QT_TRANSLATE_NOOP(
                "Finding",
                'Kecamatan "{text}" dibaca sebagai {name} ({code}). Periksa bila keliru.',
            ),
            text=text[:60],
            name=self.district_names[code],
            code=code,
        )

    def _describe(self, codes: Sequence[str], names: Mapping[str, str]) -> str:
        parts = []
        for code in sorted(codes)[:5]:
            parent = code.rsplit(".", 1)[0]
            where = self.district_names.get(parent)
            parts.append(f"{names[code]} ({code}{', Kec. ' + where if where else ''})")
        return "; ".join(parts)

    @staticmethod
    def _by_name(text: str, index: Mapping[str, list[str]]) -> tuple[list[str], float]:
        """Codes whose name matches *text* exactly, else the closest spelling variants."""
        key = place_key(text)
        if not key:
            return [], 0.0
        exact = index.get(key)
        if exact:
            return list(exact), 1.0
        best: list[str] = []
        best_ratio = 0.0
        matcher = difflib.SequenceMatcher(b=key, autojunk=False)
        for candidate, codes in index.items():
            matcher.set_seq1(candidate)
            if matcher.real_quick_ratio() < FUZZY_CUTOFF or matcher.quick_ratio() < FUZZY_CUTOFF:
                continue
            ratio = matcher.ratio()
            if ratio < FUZZY_CUTOFF:
                continue
            if ratio > best_ratio:
                best, best_ratio = list(codes), ratio
            elif ratio == best_ratio:
                best.extend(codes)
        return best, best_ratio
