"""Eligibility: every refusal of a claim, listed all at once."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from desktop.domain.benefits import SantunanRules
from desktop.domain.claim_rules import (
    REFUSAL_CODES,
    ClaimFacts,
    ClaimNotEligible,
    ClaimSubject,
    OtherClaim,
    check_eligibility,
    eligibility_refusals,
    mask_nik,
)
from desktop.domain.claims import ClaimKind, ClaimStatus
from desktop.domain.nik import Sex, make_nik

K = ClaimKind
S = ClaimStatus
TODAY = date(2025, 10, 20)
BORN = date(1980, 3, 4)
NIK = make_nik("16.02.05", BORN, Sex.MALE, 12)
WORKER = ClaimSubject(
    nik=NIK,
    name="Budi Santoso",
    birth_date=BORN,
    village_code="16.02.05.2001",
    worker_id="w-1",
    kk="1602050101100001",
    coverage_start=date(2025, 1, 1),
    coverage_end=date(2025, 12, 31),
    programmes=frozenset({"JKK", "JKM"}),
)
RESIDENT = ClaimSubject(
    nik=make_nik("16.02.05", date(1950, 6, 1), Sex.FEMALE, 3),
    name="Siti Aminah",
    birth_date=None,
    village_code="16.02.05.2001",
    dtsen_decile=2,
)


def facts(
    kind: ClaimKind = K.JKM, event: date = date(2025, 9, 10), filed: date | None = None
) -> ClaimFacts:
    return ClaimFacts(kind, event, filed or TODAY)


def codes(subject: ClaimSubject, claim: ClaimFacts, **kwargs: object) -> list[str]:
    return [f.code for f in eligibility_refusals(subject, claim, today=TODAY, **kwargs)]


def test_a_claim_within_coverage_is_eligible() -> None:
    for kind in (K.JKM, K.JKK_DEATH, K.JKK_TOTAL_DISABILITY, K.JKK_TEMPORARY):
        assert codes(WORKER, facts(kind)) == []
    assert codes(RESIDENT, facts(K.SANTUNAN), regency_code="16.02") == []
    check_eligibility(WORKER, facts(), today=TODAY)


def test_an_event_before_the_coverage_is_refused_naming_the_period() -> None:
    (finding,) = eligibility_refusals(WORKER, facts(event=date(2024, 12, 31)), today=TODAY)
    assert finding.code == "claim.outside_coverage"
    assert finding.message.startswith("Tanggal meninggal 31 Desember 2024 di luar masa")
    assert "1 Januari 2025 sampai 31 Desember 2025" in finding.message
    assert "Budi Santoso" in finding.message


def test_an_event_after_the_coverage_ended_is_refused() -> None:
    subject = replace(WORKER, coverage_end=date(2025, 6, 30))
    (finding,) = eligibility_refusals(
        subject, facts(K.JKK_TEMPORARY, date(2025, 7, 1)), today=TODAY
    )
    assert finding.code == "claim.outside_coverage"
    assert finding.message.startswith("Tanggal kecelakaan 1 Juli 2025")


def test_an_open_ended_coverage_names_its_start() -> None:
    subject = replace(WORKER, coverage_end=None)
    assert codes(subject, facts(event=date(2025, 10, 1))) == []
    (finding,) = eligibility_refusals(subject, facts(event=date(2024, 5, 1)), today=TODAY)
    assert "(mulai 1 Januari 2025)" in finding.message


def test_a_worker_without_coverage_dates_is_refused_until_they_are_filled() -> None:
    subject = replace(WORKER, coverage_start=None, coverage_end=None)
    (finding,) = eligibility_refusals(subject, facts(), today=TODAY)
    assert finding.code == "claim.no_coverage"
    assert "Isi tanggal mulai kepesertaan" in finding.message


def test_an_event_after_the_worker_left_is_refused() -> None:
    subject = replace(WORKER, exit_date=date(2025, 8, 31))
    (finding,) = eligibility_refusals(subject, facts(), today=TODAY)
    assert finding.code == "claim.after_exit"
    assert "31 Agustus 2025" in finding.message
    # The day they left is still covered.
    assert codes(subject, facts(event=date(2025, 8, 31))) == []


def test_a_bpjs_claim_needs_a_roster_worker_enrolled_in_its_programme() -> None:
    assert codes(RESIDENT, facts(K.JKM)) == ["claim.no_worker"]
    only_jkk = replace(WORKER, programmes=frozenset({"jkk"}))
    assert codes(only_jkk, facts(K.JKM)) == ["claim.not_enrolled"]
    assert codes(only_jkk, facts(K.JKK_DEATH)) == []
    unknown = replace(WORKER, programmes=None)
    assert codes(unknown, facts(K.JKM)) == []


def test_a_death_in_the_future_is_refused() -> None:
    tomorrow = date(2025, 10, 21)
    found = codes(WORKER, facts(event=tomorrow, filed=tomorrow))
    assert found == ["claim.event_future"]
    (finding,) = eligibility_refusals(WORKER, facts(event=tomorrow, filed=tomorrow), today=TODAY)
    assert "belum terjadi (hari ini 20 Oktober 2025)" in finding.message


def test_a_death_before_birth_is_refused_also_with_the_birth_from_the_nik() -> None:
    subject = replace(WORKER, coverage_start=date(1970, 1, 1))
    assert codes(subject, facts(event=date(1979, 1, 1))) == ["claim.event_before_birth"]
    # A resident's birth date comes from the NIK when none is recorded.
    # (A death in 1949 also predates the santunan's rule set.)
    found = eligibility_refusals(
        RESIDENT, facts(K.SANTUNAN, date(1949, 1, 1)), today=TODAY, regency_code="16.02"
    )
    assert [f.code for f in found] == ["claim.event_before_birth", "santunan.no_rules"]
    assert "lebih awal dari tanggal lahir Siti Aminah (1 Juni 1950)" in found[0].message


def test_a_claim_filed_before_its_event_is_refused() -> None:
    found = codes(WORKER, facts(event=date(2025, 9, 10), filed=date(2025, 9, 9)))
    assert found == ["claim.filed_before_event"]


def test_every_refusal_is_listed_not_only_the_first() -> None:
    subject = replace(WORKER, exit_date=date(2025, 1, 31), programmes=frozenset({"jkk"}))
    found = codes(subject, facts(K.JKM, date(2026, 2, 1), filed=date(2026, 1, 1)))
    assert found == [
        "claim.event_future",
        "claim.filed_before_event",
        "claim.not_enrolled",
        "claim.outside_coverage",
        "claim.after_exit",
    ]
    with pytest.raises(ClaimNotEligible) as raised:
        check_eligibility(
            subject, facts(K.JKM, date(2026, 2, 1), filed=date(2026, 1, 1)), today=TODAY
        )
    assert [f.code for f in raised.value.findings] == found
    assert raised.value.code == "claim.event_future"
    assert len(str(raised.value).splitlines()) == 5


def test_a_jkk_claim_filed_more_than_five_years_after_the_accident_has_lapsed() -> None:
    subject = replace(WORKER, coverage_start=date(2019, 1, 1), coverage_end=None)
    accident = date(2020, 1, 15)
    assert codes(subject, facts(K.JKK_TEMPORARY, accident, filed=date(2025, 1, 15))) == []
    late = eligibility_refusals(
        subject, facts(K.JKK_TEMPORARY, accident, filed=date(2025, 1, 16)), today=TODAY
    )
    assert [f.code for f in late] == ["claim.jkk_lapsed"]
    assert "lebih dari 5 tahun" in late[0].message and "15 Januari 2025" in late[0].message
    # JKM has no time limit.
    assert codes(subject, facts(K.JKM, accident, filed=date(2025, 6, 1))) == []


def test_a_second_open_or_paid_claim_for_the_same_worker_is_refused() -> None:
    for status in (S.DIUSULKAN, S.DIVERIFIKASI, S.DIBAYAR_BPJS):
        other = OtherClaim("c-1", K.JKM, status, "w-1", None)
        (finding,) = eligibility_refusals(WORKER, facts(), today=TODAY, others=[other])
        assert finding.code == "claim.duplicate"
        assert status.label in finding.message
        assert NIK not in finding.message and mask_nik(NIK) in finding.message
    # A rejected or cancelled claim does not stand in the way.
    for status in (S.DITOLAK, S.DIBATALKAN):
        assert codes(WORKER, facts(), others=[OtherClaim("c-1", K.JKM, status, "w-1", None)]) == []
    # The claim itself, rechecked, is not its own duplicate.
    own = OtherClaim("c-1", K.JKM, S.DIUSULKAN, "w-1", None)
    assert codes(WORKER, facts(), others=[own], claim_id="c-1") == []


def test_the_same_person_is_found_by_nik_across_kecamatan_and_records() -> None:
    # Another record of the same person (another kecamatan) by NIK.
    other = OtherClaim("c-9", K.JKM, S.DIREKOMENDASIKAN, "w-other", NIK)
    assert codes(WORKER, facts(), others=[other]) == ["claim.duplicate"]
    # A santunan for the same resident, by the deceased's NIK.
    again = OtherClaim("c-8", K.SANTUNAN, S.DICAIRKAN, None, RESIDENT.nik)
    found = codes(RESIDENT, facts(K.SANTUNAN), others=[again], regency_code="16.02")
    assert found == ["claim.duplicate"]
    # Someone else is no duplicate.
    stranger = OtherClaim(
        "c-7", K.JKM, S.DIUSULKAN, "w-2", make_nik("16.02.05", BORN, Sex.MALE, 13)
    )
    assert codes(WORKER, facts(), others=[stranger]) == []


def test_kinds_that_exclude_each_other() -> None:
    jkm = OtherClaim("c-1", K.JKM, S.DIUSULKAN, "w-1", NIK)
    # One death, one BPJS death benefit: JKK death after an open JKM is refused ...
    assert codes(WORKER, facts(K.JKK_DEATH), others=[jkm]) == ["claim.duplicate"]
    # ... but the regency's santunan is another benefit.
    assert "claim.duplicate" not in codes(
        replace(WORKER, dtsen_decile=1), facts(K.SANTUNAN), others=[jkm], regency_code="16.02"
    )
    # Temporary inability may recur: another accident day is another claim.
    stmb = OtherClaim("c-2", K.JKK_TEMPORARY, S.DIUSULKAN, "w-1", NIK, date(2025, 3, 1))
    assert codes(WORKER, facts(K.JKK_TEMPORARY, date(2025, 9, 10)), others=[stmb]) == []
    assert codes(WORKER, facts(K.JKK_TEMPORARY, date(2025, 3, 1)), others=[stmb]) == [
        "claim.duplicate"
    ]


def test_a_residents_nik_is_checked_like_a_workers() -> None:
    bad = replace(RESIDENT, nik="1602051234")
    found = codes(bad, facts(K.SANTUNAN), regency_code="16.02")
    assert found and found[0].startswith("nik.")


def test_a_residents_decile_must_be_one_to_ten() -> None:
    for decile in (0, 11):
        found = codes(
            replace(RESIDENT, dtsen_decile=decile), facts(K.SANTUNAN), regency_code="16.02"
        )
        assert found == ["claim.decile_range"]


def test_a_santunan_needs_a_rule_set_in_force() -> None:
    # Perbup OKI 17/2025 covers deaths from 1 September 2025.
    found = codes(RESIDENT, facts(K.SANTUNAN, date(2025, 8, 31)), regency_code="16.02")
    assert found == ["santunan.no_rules"]
    found = codes(RESIDENT, facts(K.SANTUNAN), regency_code="16.03")
    assert found == ["santunan.no_rules"]


def test_a_santunan_filed_after_its_regencys_window_is_refused() -> None:
    pekalongan = SantunanRules(
        key="pekalongan",
        effective_from=date(2024, 1, 1),
        effective_until=None,
        legal_basis="contoh",
        regency_code="33.26",
        amount=1_000_000,
        filing_window_days=40,
    )
    resident = replace(RESIDENT, nik=make_nik("33.26.01", date(1950, 6, 1), Sex.FEMALE, 3))
    resident = replace(resident, village_code="33.26.01.2001")
    death = date(2025, 9, 1)
    ok = eligibility_refusals(
        resident,
        facts(K.SANTUNAN, death, filed=date(2025, 10, 11)),
        today=TODAY,
        santunan_table=[pekalongan],
    )
    assert ok == ()
    (late,) = eligibility_refusals(
        resident,
        facts(K.SANTUNAN, death, filed=date(2025, 10, 12)),
        today=TODAY,
        santunan_table=[pekalongan],
    )
    assert late.code == "claim.santunan_window"
    assert "40 hari" in late.message and "11 Oktober 2025" in late.message


def test_every_refusal_code_is_documented() -> None:
    assert {
        "claim.outside_coverage",
        "claim.after_exit",
        "claim.event_future",
        "claim.event_before_birth",
        "claim.duplicate",
        "claim.jkk_lapsed",
    } <= REFUSAL_CODES
