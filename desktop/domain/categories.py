"""Worker categories, positions, sex, status, programmes and funding sources."""

from __future__ import annotations

import re
from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType

from desktop.domain.findings import QT_TRANSLATE_NOOP


class Sex(StrEnum):
    """Sex as written on the KTP: L (laki-laki) or P (perempuan)."""

    MALE = "L"
    FEMALE = "P"

    @property
    def label(self) -> str:
        """Indonesian label."""
        return _SEX_LABELS[self]


_SEX_LABELS: Mapping[Sex, str] = MappingProxyType(
    {
        Sex.MALE: QT_TRANSLATE_NOOP("Sex", "Laki-laki"),
        Sex.FEMALE: QT_TRANSLATE_NOOP("Sex", "Perempuan"),
    }
)

_SEX_WORDS: Mapping[str, Sex] = MappingProxyType(
    {
        **dict.fromkeys(
            ("l", "lk", "laki", "lakilaki", "laki2", "m", "male", "pria", "man"), Sex.MALE
        ),
        **dict.fromkeys(
            ("p", "pr", "perempuan", "f", "female", "wanita", "woman", "w"), Sex.FEMALE
        ),
    }
)


def parse_sex(text: str | None) -> Sex | None:
    """Read a sex from L/P, Laki-laki/Perempuan, LK/PR, M/F, Male/Female, Pria/Wanita."""
    if text is None:
        return None
    key = re.sub(r"[\s\-._/]+", "", text).casefold()
    return _SEX_WORDS.get(key)


class Category(StrEnum):
    """The groups of workers whose protection the regency pays."""

    NON_ASN_GTK = "non_asn_gtk"
    PERANGKAT_DESA = "perangkat_desa"
    BPD = "bpd"
    RT_RW = "rt_rw"
    KELEMBAGAAN_DESA = "kelembagaan_desa"
    PEKERJA_RENTAN = "pekerja_rentan"

    @property
    def label(self) -> str:
        """Indonesian label."""
        return _CATEGORY_LABELS[self]


_CATEGORY_LABELS: Mapping[Category, str] = MappingProxyType(
    {
        Category.NON_ASN_GTK: QT_TRANSLATE_NOOP("Category", "Pegawai Non-ASN dan GTK"),
        Category.PERANGKAT_DESA: QT_TRANSLATE_NOOP("Category", "Perangkat Desa"),
        Category.BPD: QT_TRANSLATE_NOOP("Category", "BPD"),
        Category.RT_RW: QT_TRANSLATE_NOOP("Category", "Ketua RT/RW"),
        Category.KELEMBAGAAN_DESA: QT_TRANSLATE_NOOP("Category", "Kelembagaan Desa"),
        Category.PEKERJA_RENTAN: QT_TRANSLATE_NOOP("Category", "Pekerja Rentan"),
    }
)


class SubCategory(StrEnum):
    """A finer group inside a category (the position or kind of work)."""

    PEGAWAI_NON_ASN = "pegawai_non_asn"
    GTK = "gtk"
    KEPALA_DESA = "kepala_desa"
    SEKRETARIS_DESA = "sekretaris_desa"
    KEPALA_URUSAN = "kepala_urusan"
    KEPALA_SEKSI = "kepala_seksi"
    KEPALA_DUSUN = "kepala_dusun"
    KETUA_BPD = "ketua_bpd"
    ANGGOTA_BPD = "anggota_bpd"
    KETUA_RT = "ketua_rt"
    KETUA_RW = "ketua_rw"
    LPM = "lpm"
    LEMBAGA_ADAT = "lembaga_adat"
    LINMAS = "linmas"
    PKK = "pkk"
    KARANG_TARUNA = "karang_taruna"
    KADER_POSYANDU = "kader_posyandu"
    GURU_NGAJI = "guru_ngaji"
    MARBOT = "marbot"
    RELAWAN_DAMKAR = "relawan_damkar"
    PETANI_SAWIT = "petani_sawit"
    RENTAN_LAINNYA = "rentan_lainnya"

    @property
    def label(self) -> str:
        """Indonesian label."""
        return _SUBCATEGORY_INFO[self][0]

    @property
    def category(self) -> Category:
        """The category this sub-category belongs to."""
        return _SUBCATEGORY_INFO[self][1]


_SUBCATEGORY_INFO: Mapping[SubCategory, tuple[str, Category]] = MappingProxyType(
    {
        SubCategory.PEGAWAI_NON_ASN: (
            QT_TRANSLATE_NOOP("SubCategory", "Pegawai Pemerintah Non-ASN"),
            Category.NON_ASN_GTK,
        ),
        SubCategory.GTK: (
            QT_TRANSLATE_NOOP("SubCategory", "Guru dan Tenaga Kependidikan"),
            Category.NON_ASN_GTK,
        ),
        SubCategory.KEPALA_DESA: (
            QT_TRANSLATE_NOOP("SubCategory", "Kepala Desa"),
            Category.PERANGKAT_DESA,
        ),
        SubCategory.SEKRETARIS_DESA: (
            QT_TRANSLATE_NOOP("SubCategory", "Sekretaris Desa"),
            Category.PERANGKAT_DESA,
        ),
        SubCategory.KEPALA_URUSAN: (
            QT_TRANSLATE_NOOP("SubCategory", "Kepala Urusan"),
            Category.PERANGKAT_DESA,
        ),
        SubCategory.KEPALA_SEKSI: (
            QT_TRANSLATE_NOOP("SubCategory", "Kepala Seksi"),
            Category.PERANGKAT_DESA,
        ),
        SubCategory.KEPALA_DUSUN: (
            QT_TRANSLATE_NOOP("SubCategory", "Kepala Dusun"),
            Category.PERANGKAT_DESA,
        ),
        SubCategory.KETUA_BPD: (QT_TRANSLATE_NOOP("SubCategory", "Ketua BPD"), Category.BPD),
        SubCategory.ANGGOTA_BPD: (QT_TRANSLATE_NOOP("SubCategory", "Anggota BPD"), Category.BPD),
        SubCategory.KETUA_RT: (QT_TRANSLATE_NOOP("SubCategory", "Ketua RT"), Category.RT_RW),
        SubCategory.KETUA_RW: (QT_TRANSLATE_NOOP("SubCategory", "Ketua RW"), Category.RT_RW),
        SubCategory.LPM: (
            QT_TRANSLATE_NOOP("SubCategory", "Lembaga Pemberdayaan Masyarakat (LPM)"),
            Category.KELEMBAGAAN_DESA,
        ),
        SubCategory.LEMBAGA_ADAT: (
            QT_TRANSLATE_NOOP("SubCategory", "Lembaga Adat"),
            Category.KELEMBAGAAN_DESA,
        ),
        SubCategory.LINMAS: (
            QT_TRANSLATE_NOOP("SubCategory", "Linmas/Hansip"),
            Category.KELEMBAGAAN_DESA,
        ),
        SubCategory.PKK: (QT_TRANSLATE_NOOP("SubCategory", "PKK"), Category.KELEMBAGAAN_DESA),
        SubCategory.KARANG_TARUNA: (
            QT_TRANSLATE_NOOP("SubCategory", "Karang Taruna"),
            Category.KELEMBAGAAN_DESA,
        ),
        SubCategory.KADER_POSYANDU: (
            QT_TRANSLATE_NOOP("SubCategory", "Kader Posyandu"),
            Category.KELEMBAGAAN_DESA,
        ),
        SubCategory.GURU_NGAJI: (
            QT_TRANSLATE_NOOP("SubCategory", "Guru Ngaji"),
            Category.PEKERJA_RENTAN,
        ),
        SubCategory.MARBOT: (
            QT_TRANSLATE_NOOP("SubCategory", "Marbot Masjid"),
            Category.PEKERJA_RENTAN,
        ),
        SubCategory.RELAWAN_DAMKAR: (
            QT_TRANSLATE_NOOP("SubCategory", "Relawan Pemadam Kebakaran"),
            Category.PEKERJA_RENTAN,
        ),
        SubCategory.PETANI_SAWIT: (
            QT_TRANSLATE_NOOP("SubCategory", "Petani Sawit"),
            Category.PEKERJA_RENTAN,
        ),
        SubCategory.RENTAN_LAINNYA: (
            QT_TRANSLATE_NOOP("SubCategory", "Pekerja Rentan Lainnya"),
            Category.PEKERJA_RENTAN,
        ),
    }
)


def subcategories(category: Category) -> tuple[SubCategory, ...]:
    """The sub-categories of a category, in declaration order."""
    return tuple(sub for sub in SubCategory if sub.category is category)


# OKI 2025 protected workers by category (PRODUCT.md, from the 2025 news sources).
# The sources give perangkat desa and BPD together (5,302); the 4,100 / 1,202 split
# below is an illustrative assumption, not a published figure. Pekerja rentan is the
# remainder of the 119,940 total: 119,940 - (4,798 + 5,302 + 29,161 + 5,232) = 75,447.
OKI_2025_TOTAL = 119_940
OKI_2025_COUNTS: Mapping[Category, int] = MappingProxyType(
    {
        Category.NON_ASN_GTK: 4_798,
        Category.PERANGKAT_DESA: 4_100,
        Category.BPD: 1_202,
        Category.RT_RW: 5_232,
        Category.KELEMBAGAAN_DESA: 29_161,
        Category.PEKERJA_RENTAN: OKI_2025_TOTAL - (4_798 + 5_302 + 29_161 + 5_232),
    }
)


def _words(text: str) -> str:
    """Lower-case text with every run of non-alphanumerics turned into one space."""
    return " ".join(re.split(r"[^0-9a-z]+", text.casefold())).strip()


# Position titles, tried in order; the first pattern found (as whole words) wins.
# Order matters: "guru ngaji" before "guru", "ketua bpd" is caught by "bpd" before RT/RW.
_POSITION_RULES: tuple[tuple[re.Pattern[str], Category, SubCategory | None], ...] = tuple(
    (re.compile(rf"\b(?:{pattern})\b"), category, sub)
    for pattern, category, sub in (
        (r"bpd|badan permusyawaratan desa", Category.BPD, None),
        (
            r"guru (?:ngaji|mengaji|tpa|tpq|alquran|al quran)|ustadz?|ustadzah",
            Category.PEKERJA_RENTAN,
            SubCategory.GURU_NGAJI,
        ),
        (r"marbot|marbut|garin|penjaga masjid", Category.PEKERJA_RENTAN, SubCategory.MARBOT),
        (
            r"relawan (?:damkar|pemadam(?: kebakaran)?|kebakaran)|redkar",
            Category.PEKERJA_RENTAN,
            SubCategory.RELAWAN_DAMKAR,
        ),
        (
            r"(?:petani|pekebun) (?:kelapa )?sawit",
            Category.PEKERJA_RENTAN,
            SubCategory.PETANI_SAWIT,
        ),
        (r"pekerja rentan", Category.PEKERJA_RENTAN, SubCategory.RENTAN_LAINNYA),
        (r"kader posyandu|posyandu", Category.KELEMBAGAAN_DESA, SubCategory.KADER_POSYANDU),
        (r"lpm|lembaga pemberdayaan masyarakat", Category.KELEMBAGAAN_DESA, SubCategory.LPM),
        (
            r"lembaga adat|pemangku adat|ketua adat",
            Category.KELEMBAGAAN_DESA,
            SubCategory.LEMBAGA_ADAT,
        ),
        (
            r"linmas|satlinmas|hansip|perlindungan masyarakat",
            Category.KELEMBAGAAN_DESA,
            SubCategory.LINMAS,
        ),
        (
            r"pkk|tp pkk|pemberdayaan kesejahteraan keluarga",
            Category.KELEMBAGAAN_DESA,
            SubCategory.PKK,
        ),
        (r"karang taruna", Category.KELEMBAGAAN_DESA, SubCategory.KARANG_TARUNA),
        (r"^(?:ketua )?(?:rt|rukun tetangga)", Category.RT_RW, SubCategory.KETUA_RT),
        (r"^(?:ketua )?(?:rw|rukun warga)", Category.RT_RW, SubCategory.KETUA_RW),
        (
            r"kepala desa|kades|pj kades|penjabat kepala desa",
            Category.PERANGKAT_DESA,
            SubCategory.KEPALA_DESA,
        ),
        (r"sekretaris desa|sekdes", Category.PERANGKAT_DESA, SubCategory.SEKRETARIS_DESA),
        (r"kaur|kepala urusan", Category.PERANGKAT_DESA, SubCategory.KEPALA_URUSAN),
        (r"kasi|kepala seksi", Category.PERANGKAT_DESA, SubCategory.KEPALA_SEKSI),
        (r"kadus|kepala dusun", Category.PERANGKAT_DESA, SubCategory.KEPALA_DUSUN),
        (r"perangkat desa|aparatur desa", Category.PERANGKAT_DESA, None),
        (
            r"guru|gtk|tenaga kependidikan|tendik|operator sekolah|operator dapodik|"
            r"tata usaha sekolah|penjaga sekolah|pustakawan sekolah",
            Category.NON_ASN_GTK,
            SubCategory.GTK,
        ),
        (
            r"non asn|nonasn|honorer|tenaga honorer|ptt|pegawai tidak tetap|thl|"
            r"tenaga harian lepas|tenaga kontrak daerah",
            Category.NON_ASN_GTK,
            SubCategory.PEGAWAI_NON_ASN,
        ),
    )
)


def _classify_position(text: str) -> tuple[Category, SubCategory | None] | None:
    words = _words(text)
    if not words:
        return None
    for pattern, category, sub in _POSITION_RULES:
        if pattern.search(words):
            return category, sub
    return None


def category_from_position(text: str) -> Category | None:
    """The category a position title belongs to, or None when the title is not known."""
    found = _classify_position(text)
    return found[0] if found else None


def subcategory_from_position(text: str) -> SubCategory | None:
    """The sub-category of a position title, or None when it is unknown or too general."""
    found = _classify_position(text)
    if found is None:
        return None
    category, sub = found
    if sub is None and category is Category.BPD:
        words = _words(text)
        is_chair = words.startswith("ketua") and not words.startswith("ketua rt")
        return SubCategory.KETUA_BPD if is_chair else SubCategory.ANGGOTA_BPD
    return sub


_CATEGORY_ALIASES: Mapping[str, Category] = MappingProxyType(
    {
        **{_words(c.value): c for c in Category},
        **{_words(c.label): c for c in Category},
        "non asn": Category.NON_ASN_GTK,
        "gtk": Category.NON_ASN_GTK,
        "non asn gtk": Category.NON_ASN_GTK,
        "non asn dan gtk": Category.NON_ASN_GTK,
        "pegawai non asn": Category.NON_ASN_GTK,
        "pegawai pemerintah non asn dan gtk": Category.NON_ASN_GTK,
        "perangkat": Category.PERANGKAT_DESA,
        "aparatur desa": Category.PERANGKAT_DESA,
        "badan permusyawaratan desa": Category.BPD,
        "rt rw": Category.RT_RW,
        "rt": Category.RT_RW,
        "rw": Category.RT_RW,
        "ketua rt": Category.RT_RW,
        "ketua rw": Category.RT_RW,
        "kelembagaan": Category.KELEMBAGAAN_DESA,
        "lembaga desa": Category.KELEMBAGAAN_DESA,
        "lembaga kemasyarakatan desa": Category.KELEMBAGAAN_DESA,
        "lkd": Category.KELEMBAGAAN_DESA,
        "rentan": Category.PEKERJA_RENTAN,
    }
)


def category_from_label(text: str) -> Category | None:
    """The category named by its label or value, in any case and spacing; else None."""
    return _CATEGORY_ALIASES.get(_words(text))


class WorkerStatus(StrEnum):
    """Whether a worker is currently protected."""

    AKTIF = "aktif"
    NONAKTIF = "nonaktif"
    MENINGGAL = "meninggal"

    @property
    def label(self) -> str:
        """Indonesian label."""
        return _STATUS_LABELS[self]


_STATUS_LABELS: Mapping[WorkerStatus, str] = MappingProxyType(
    {
        WorkerStatus.AKTIF: QT_TRANSLATE_NOOP("WorkerStatus", "Aktif"),
        WorkerStatus.NONAKTIF: QT_TRANSLATE_NOOP("WorkerStatus", "Nonaktif"),
        WorkerStatus.MENINGGAL: QT_TRANSLATE_NOOP("WorkerStatus", "Meninggal Dunia"),
    }
)


class Programme(StrEnum):
    """BPJS Ketenagakerjaan programmes a worker can be enrolled in."""

    JKK = "jkk"
    JKM = "jkm"
    JHT = "jht"

    @property
    def label(self) -> str:
        """Indonesian full name."""
        return _PROGRAMME_LABELS[self]

    @property
    def abbreviation(self) -> str:
        """The usual upper-case abbreviation, e.g. "JKK"."""
        return self.value.upper()


_PROGRAMME_LABELS: Mapping[Programme, str] = MappingProxyType(
    {
        Programme.JKK: QT_TRANSLATE_NOOP("Programme", "Jaminan Kecelakaan Kerja (JKK)"),
        Programme.JKM: QT_TRANSLATE_NOOP("Programme", "Jaminan Kematian (JKM)"),
        Programme.JHT: QT_TRANSLATE_NOOP("Programme", "Jaminan Hari Tua (JHT)"),
    }
)


class FundingSource(StrEnum):
    """Who pays a worker's contributions."""

    APBD = "apbd"
    APBDES = "apbdes"
    MANDIRI = "mandiri"
    LAINNYA = "lainnya"

    @property
    def label(self) -> str:
        """Indonesian label."""
        return _FUNDING_LABELS[self]


_FUNDING_LABELS: Mapping[FundingSource, str] = MappingProxyType(
    {
        FundingSource.APBD: QT_TRANSLATE_NOOP("FundingSource", "APBD Kabupaten"),
        FundingSource.APBDES: QT_TRANSLATE_NOOP("FundingSource", "APBDes"),
        FundingSource.MANDIRI: QT_TRANSLATE_NOOP("FundingSource", "Mandiri"),
        FundingSource.LAINNYA: QT_TRANSLATE_NOOP("FundingSource", "Lainnya"),
    }
)
