"""Categories, positions, sex and the small enums."""

from __future__ import annotations

import pytest

from desktop.domain.categories import (
    OKI_2025_COUNTS,
    OKI_2025_TOTAL,
    Category,
    FundingSource,
    Programme,
    Sex,
    SubCategory,
    WorkerStatus,
    category_from_label,
    category_from_position,
    parse_sex,
    subcategories,
    subcategory_from_position,
)


def test_category_values_and_labels() -> None:
    assert [c.value for c in Category] == [
        "non_asn_gtk",
        "perangkat_desa",
        "bpd",
        "rt_rw",
        "kelembagaan_desa",
        "pekerja_rentan",
    ]
    assert Category.NON_ASN_GTK.label == "Pegawai Non-ASN dan GTK"
    assert Category.PERANGKAT_DESA.label == "Perangkat Desa"
    assert Category.BPD.label == "BPD"
    assert Category.RT_RW.label == "Ketua RT/RW"
    assert Category.KELEMBAGAAN_DESA.label == "Kelembagaan Desa"
    assert Category.PEKERJA_RENTAN.label == "Pekerja Rentan"


def test_every_subcategory_has_label_and_category() -> None:
    for sub in SubCategory:
        assert sub.label
        assert sub in subcategories(sub.category)
    assert all(subcategories(c) for c in Category)
    assert SubCategory.KADER_POSYANDU.category is Category.KELEMBAGAAN_DESA
    assert SubCategory.GURU_NGAJI.category is Category.PEKERJA_RENTAN
    assert SubCategory.GTK.category is Category.NON_ASN_GTK
    assert subcategories(Category.RT_RW) == (SubCategory.KETUA_RT, SubCategory.KETUA_RW)


def test_oki_counts() -> None:
    assert sum(OKI_2025_COUNTS.values()) == OKI_2025_TOTAL == 119_940
    assert OKI_2025_COUNTS[Category.NON_ASN_GTK] == 4_798
    assert OKI_2025_COUNTS[Category.PERANGKAT_DESA] + OKI_2025_COUNTS[Category.BPD] == 5_302
    assert OKI_2025_COUNTS[Category.KELEMBAGAAN_DESA] == 29_161
    assert OKI_2025_COUNTS[Category.RT_RW] == 5_232
    assert OKI_2025_COUNTS[Category.PEKERJA_RENTAN] == 75_447
    assert set(OKI_2025_COUNTS) == set(Category)
    with pytest.raises(TypeError):
        OKI_2025_COUNTS[Category.BPD] = 0  # type: ignore[index]


@pytest.mark.parametrize(
    ("title", "category", "sub"),
    [
        ("Ketua RT", Category.RT_RW, SubCategory.KETUA_RT),
        ("KETUA RT 003", Category.RT_RW, SubCategory.KETUA_RT),
        ("Ketua RW 02", Category.RT_RW, SubCategory.KETUA_RW),
        ("ketua rt/rw", Category.RT_RW, SubCategory.KETUA_RT),
        ("Ketua Rukun Tetangga", Category.RT_RW, SubCategory.KETUA_RT),
        ("Kepala Desa", Category.PERANGKAT_DESA, SubCategory.KEPALA_DESA),
        ("Kades", Category.PERANGKAT_DESA, SubCategory.KEPALA_DESA),
        ("Pj. Kepala Desa", Category.PERANGKAT_DESA, SubCategory.KEPALA_DESA),
        ("Sekretaris Desa", Category.PERANGKAT_DESA, SubCategory.SEKRETARIS_DESA),
        ("Sekdes", Category.PERANGKAT_DESA, SubCategory.SEKRETARIS_DESA),
        ("Kaur Keuangan", Category.PERANGKAT_DESA, SubCategory.KEPALA_URUSAN),
        ("Kasi Pemerintahan", Category.PERANGKAT_DESA, SubCategory.KEPALA_SEKSI),
        ("Kadus III", Category.PERANGKAT_DESA, SubCategory.KEPALA_DUSUN),
        ("Kepala Dusun 1", Category.PERANGKAT_DESA, SubCategory.KEPALA_DUSUN),
        ("Ketua BPD", Category.BPD, SubCategory.KETUA_BPD),
        ("Anggota BPD", Category.BPD, SubCategory.ANGGOTA_BPD),
        ("Wakil Ketua BPD", Category.BPD, SubCategory.ANGGOTA_BPD),
        ("Kader Posyandu", Category.KELEMBAGAAN_DESA, SubCategory.KADER_POSYANDU),
        ("Ketua LPM", Category.KELEMBAGAAN_DESA, SubCategory.LPM),
        ("Anggota Linmas", Category.KELEMBAGAAN_DESA, SubCategory.LINMAS),
        ("Hansip", Category.KELEMBAGAAN_DESA, SubCategory.LINMAS),
        ("Ketua TP-PKK Desa", Category.KELEMBAGAAN_DESA, SubCategory.PKK),
        ("Ketua Karang Taruna", Category.KELEMBAGAAN_DESA, SubCategory.KARANG_TARUNA),
        ("Ketua Lembaga Adat", Category.KELEMBAGAAN_DESA, SubCategory.LEMBAGA_ADAT),
        ("Guru Ngaji", Category.PEKERJA_RENTAN, SubCategory.GURU_NGAJI),
        ("guru mengaji", Category.PEKERJA_RENTAN, SubCategory.GURU_NGAJI),
        ("Marbot Masjid", Category.PEKERJA_RENTAN, SubCategory.MARBOT),
        ("Relawan Damkar", Category.PEKERJA_RENTAN, SubCategory.RELAWAN_DAMKAR),
        ("Relawan Pemadam Kebakaran", Category.PEKERJA_RENTAN, SubCategory.RELAWAN_DAMKAR),
        ("Petani Sawit", Category.PEKERJA_RENTAN, SubCategory.PETANI_SAWIT),
        ("Guru Honorer", Category.NON_ASN_GTK, SubCategory.GTK),
        ("Tenaga Kependidikan", Category.NON_ASN_GTK, SubCategory.GTK),
        ("Operator Sekolah", Category.NON_ASN_GTK, SubCategory.GTK),
        ("Pegawai Non ASN", Category.NON_ASN_GTK, SubCategory.PEGAWAI_NON_ASN),
        ("Pegawai Non-ASN", Category.NON_ASN_GTK, SubCategory.PEGAWAI_NON_ASN),
        ("Tenaga Honorer", Category.NON_ASN_GTK, SubCategory.PEGAWAI_NON_ASN),
    ],
)
def test_category_from_position(title: str, category: Category, sub: SubCategory) -> None:
    assert category_from_position(title) is category
    assert subcategory_from_position(title) is sub


@pytest.mark.parametrize(
    "title",
    ["", "   ", "Camat", "Petani", "Nelayan", "Sekretaris RT", "Bendahara", "Kartu", "Ortu"],
)
def test_unknown_positions_are_not_guessed(title: str) -> None:
    assert category_from_position(title) is None
    assert subcategory_from_position(title) is None


def test_general_perangkat_desa_has_no_subcategory() -> None:
    assert category_from_position("Perangkat Desa") is Category.PERANGKAT_DESA
    assert subcategory_from_position("Perangkat Desa") is None


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Pegawai Non-ASN dan GTK", Category.NON_ASN_GTK),
        ("non_asn_gtk", Category.NON_ASN_GTK),
        ("NON ASN", Category.NON_ASN_GTK),
        ("perangkat desa", Category.PERANGKAT_DESA),
        ("Perangkat_Desa", Category.PERANGKAT_DESA),
        ("BPD", Category.BPD),
        ("Ketua RT/RW", Category.RT_RW),
        ("rt_rw", Category.RT_RW),
        ("RT/RW", Category.RT_RW),
        ("Kelembagaan Desa", Category.KELEMBAGAAN_DESA),
        ("  pekerja   rentan ", Category.PEKERJA_RENTAN),
    ],
)
def test_category_from_label(text: str, category: Category) -> None:
    assert category_from_label(text) is category


def test_category_from_label_unknown() -> None:
    assert category_from_label("") is None
    assert category_from_label("Nelayan") is None


@pytest.mark.parametrize(
    ("text", "sex"),
    [
        ("L", Sex.MALE),
        ("l", Sex.MALE),
        ("Laki-laki", Sex.MALE),
        ("LAKI LAKI", Sex.MALE),
        ("LK", Sex.MALE),
        ("M", Sex.MALE),
        ("Male", Sex.MALE),
        ("Pria", Sex.MALE),
        ("P", Sex.FEMALE),
        (" p ", Sex.FEMALE),
        ("Perempuan", Sex.FEMALE),
        ("PR", Sex.FEMALE),
        ("F", Sex.FEMALE),
        ("female", Sex.FEMALE),
        ("Wanita", Sex.FEMALE),
    ],
)
def test_parse_sex(text: str, sex: Sex) -> None:
    assert parse_sex(text) is sex


@pytest.mark.parametrize("text", [None, "", "X", "1", "laki-perempuan"])
def test_parse_sex_unknown(text: str | None) -> None:
    assert parse_sex(text) is None


def test_small_enums() -> None:
    assert Sex.MALE.value == "L" and Sex.FEMALE.value == "P"
    assert Sex.MALE.label == "Laki-laki" and Sex.FEMALE.label == "Perempuan"
    assert [s.value for s in WorkerStatus] == ["aktif", "nonaktif", "meninggal"]
    assert WorkerStatus.AKTIF.label == "Aktif"
    assert WorkerStatus.MENINGGAL.label == "Meninggal Dunia"
    assert [p.abbreviation for p in Programme] == ["JKK", "JKM", "JHT"]
    assert Programme.JKM.label == "Jaminan Kematian (JKM)"
    assert [f.value for f in FundingSource] == ["apbd", "apbdes", "mandiri", "lainnya"]
    assert all(f.label for f in FundingSource)
