"""Hypothesis properties of the domain layer."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.claims import ClaimEventView, ClaimKind, ClaimStatus, derive_status
from desktop.domain.money import format_rupiah, parse_rupiah, rupiah_in_words
from desktop.domain.nik import PROVINCE_CODES, Sex, check_nik, make_nik
from desktop.domain.regions import RegionCode

TODAY = date(2025, 9, 2)

provinces = st.sampled_from(sorted(PROVINCE_CODES))
two_digits = st.integers(min_value=1, max_value=99).map(lambda n: f"{n:02d}")
four_digits = st.integers(min_value=1, max_value=9999).map(lambda n: f"{n:04d}")
# The NIK keeps two digits of the year: dates from 99 years back to today round-trip.
birth_dates = st.dates(min_value=date(TODAY.year - 99, 1, 1), max_value=TODAY)


@given(
    province=provinces,
    regency=two_digits,
    district=two_digits,
    birth=birth_dates,
    sex=st.sampled_from(Sex),
    serial=st.integers(min_value=1, max_value=9999),
)
def test_make_nik_round_trips(
    province: str, regency: str, district: str, birth: date, sex: Sex, serial: int
) -> None:
    code = f"{province}.{regency}.{district}"
    nik = make_nik(code, birth, sex, serial)
    result = check_nik(nik, today=TODAY)
    assert result.ok, result.errors
    assert result.warnings == ()
    info = result.info
    assert info is not None
    assert (info.nik, info.district_code, info.birth_date, info.sex, info.serial) == (
        nik,
        code,
        birth,
        sex,
        serial,
    )
    assert info.regency_code == f"{province}.{regency}"
    assert info.province_code == province


@given(st.text(max_size=24))
def test_check_nik_never_crashes(text: str) -> None:
    result = check_nik(text, today=TODAY)
    assert result.ok == (result.info is not None)
    assert all(f.message for f in result.findings)


region_codes = st.builds(
    lambda segments, depth: ".".join(segments[:depth]),
    st.tuples(two_digits, two_digits, two_digits, four_digits),
    st.integers(min_value=1, max_value=4),
)


@given(region_codes)
def test_region_code_round_trips(dotted: str) -> None:
    code = RegionCode.parse(dotted)
    assert code.format() == dotted
    assert RegionCode.parse(code.format(dotted=False)) == code
    assert RegionCode.parse(f"  {code.undotted} ") == code
    assert code.undotted == dotted.replace(".", "")
    if code.parent is not None:
        assert code.parent.contains(code)
        assert code.parent < code


amounts = st.integers(min_value=-(10**15), max_value=10**15)


@given(amounts, st.booleans())
def test_format_parse_rupiah_round_trip(amount: int, cents: bool) -> None:
    assert parse_rupiah(format_rupiah(amount, cents=cents)) == amount


@given(st.integers(min_value=0, max_value=10**18 - 1))
def test_rupiah_in_words_has_no_digits(amount: int) -> None:
    words = rupiah_in_words(amount)
    assert not any(ch.isdigit() for ch in words)
    assert words.endswith(" rupiah")
    assert "  " not in words


statuses = st.sampled_from(ClaimStatus)
events = st.lists(
    st.builds(
        ClaimEventView,
        status=statuses,
        at=st.integers(min_value=0, max_value=50).map(
            lambda m: datetime(2025, 9, 2, tzinfo=UTC) + timedelta(minutes=m)
        ),
        key=st.text(alphabet="abcdef", min_size=1, max_size=3),
    ),
    max_size=15,
)


@given(events, st.randoms(use_true_random=False), st.sampled_from([None, *ClaimKind]))
def test_derive_status_ignores_input_order(
    items: list[ClaimEventView], rnd: random.Random, kind: ClaimKind | None
) -> None:
    shuffled = list(items)
    rnd.shuffle(shuffled)
    assert derive_status(items, kind=kind) == derive_status(shuffled, kind=kind)
    # Merging by union: a duplicated event changes nothing.
    assert derive_status(items + shuffled, kind=kind) == derive_status(items, kind=kind)
