"""A claim's file, its clock, and its state derived from events and documents."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from desktop.domain.calendar import DayCount, Holidays
from desktop.domain.claim_state import (
    ClockRules,
    clock_rules,
    clock_stops,
    deadline_for,
    derive_claim_state,
    is_due_soon,
    is_overdue,
)
from desktop.domain.claims import ClaimEventView, ClaimKind, ClaimStatus, event_day
from desktop.domain.documents import (
    DocumentCondition,
    DocumentItem,
    DocumentState,
    checklist,
    completed_on,
    missing_documents,
    required_documents,
)
from desktop.domain.heirs import HeirView, document_conditions

S = ClaimStatus
K = ClaimKind
D = DocumentItem
T0 = datetime(2025, 9, 15, 2, 0, tzinfo=UTC)  # 09:00 WIB
OPERATOR = "operator_kecamatan"
ADMIN = "admin_kabupaten"


def ev(status: S, day: int, role: str | None = None, on: date | None = None) -> ClaimEventView:
    return ClaimEventView(status, T0 + timedelta(days=day), f"e{day:03d}{status}", on, role)


def santunan_docs(last: date | None = date(2025, 9, 16)) -> list[DocumentState]:
    docs = [DocumentState(item, date(2025, 9, 15)) for item in checklist("santunan_kematian")]
    docs[-1] = DocumentState(docs[-1].item, last)
    return docs


# --- documents ---


def test_conditional_items_are_required_only_in_their_circumstance() -> None:
    assert D.BUKU_NIKAH in required_documents("jkm")
    assert D.BUKU_NIKAH not in required_documents("jkm", [])
    assert D.BUKU_NIKAH in required_documents("jkm", [DocumentCondition.SPOUSE_HEIR])
    assert D.LAPORAN_POLISI not in required_documents("jkk_stmb", [])
    assert D.LAPORAN_POLISI in required_documents("jkk_stmb", [DocumentCondition.TRAFFIC_ACCIDENT])
    assert required_documents("santunan_kematian", []) == checklist("santunan_kematian")
    wife = HeirView("Ani", "istri")
    assert document_conditions([wife, HeirView("Dodi", "anak")]) == {DocumentCondition.SPOUSE_HEIR}
    assert document_conditions([HeirView("Dodi", "anak")], traffic_accident=True) == {
        DocumentCondition.TRAFFIC_ACCIDENT
    }


def test_the_file_is_complete_on_the_day_the_last_required_item_came() -> None:
    docs = santunan_docs()
    assert missing_documents("santunan_kematian", docs) == ()
    assert completed_on("santunan_kematian", docs) == date(2025, 9, 16)
    # An item that is not required does not date the file.
    extra = [*docs, DocumentState(D.KARTU_BPJS, date(2025, 10, 1))]
    assert completed_on("santunan_kematian", extra) == date(2025, 9, 16)


def test_missing_items_are_listed_in_checklist_order_and_the_file_is_not_complete() -> None:
    docs = santunan_docs(last=None)
    docs[0] = DocumentState(docs[0].item, None, note="SKTM masih di desa")
    assert missing_documents("santunan_kematian", docs) == (D.SKTM, D.BUKU_TABUNGAN)
    assert completed_on("santunan_kematian", docs) is None
    assert missing_documents("santunan_kematian", []) == checklist("santunan_kematian")


# --- clock ---


def test_clock_rules_come_from_the_rule_set_and_the_settings() -> None:
    santunan = clock_rules(K.SANTUNAN, date(2025, 9, 10), "16.02", {})
    assert santunan == ClockRules(7, DayCount.CALENDAR, Holidays(), 2)
    # The santunan's days are its rule set's, whatever the JKM/JKK setting says.
    stored = {"claim.deadline_days": "14", "claim.working_days": "1", "claim.due_soon_days": "3"}
    holidays = Holidays.of([(date(2025, 12, 25), "Natal")])
    assert clock_rules(K.SANTUNAN, date(2025, 9, 10), "16.02", stored, holidays) == ClockRules(
        7, DayCount.WORKING, holidays, 3
    )
    assert clock_rules(K.JKM, date(2025, 9, 10), "16.02", stored).days == 14
    assert clock_rules(K.JKM, date(2025, 9, 10), "16.02", {}).days == 7
    # A value this Sigap cannot read falls back to the default.
    assert clock_rules(K.JKM, date(2025, 9, 10), "16.02", {"claim.working_days": "2"}).count is (
        DayCount.CALENDAR
    )


def test_the_deadline_runs_from_the_later_of_completion_and_verification() -> None:
    assert deadline_for(date(2025, 9, 16), date(2025, 9, 18)) == date(2025, 9, 25)
    assert deadline_for(date(2025, 9, 20), date(2025, 9, 18)) == date(2025, 9, 27)
    assert deadline_for(None, date(2025, 9, 18)) is None
    assert deadline_for(date(2025, 9, 16), None) is None
    working = ClockRules(7, DayCount.WORKING)
    assert deadline_for(date(2025, 9, 16), date(2025, 9, 19), working) == date(2025, 9, 30)


def test_due_soon_and_overdue() -> None:
    deadline = date(2025, 9, 25)
    rules = ClockRules()
    assert not is_due_soon(deadline, date(2025, 9, 22), rules)
    assert is_due_soon(deadline, date(2025, 9, 23), rules)
    assert is_due_soon(deadline, deadline, rules)
    assert not is_overdue(deadline, deadline, rules)
    assert is_overdue(deadline, date(2025, 9, 26), rules)
    assert not is_due_soon(deadline, date(2025, 9, 26), rules)
    assert not is_overdue(None, date(2030, 1, 1), rules)
    # In working days a Monday deadline is one day away on the Friday before.
    monday = date(2025, 9, 29)
    working = ClockRules(7, DayCount.WORKING, due_soon_days=1)
    assert is_due_soon(monday, date(2025, 9, 26), working)
    assert not is_due_soon(monday, date(2025, 9, 26), ClockRules(due_soon_days=1))


# --- derived state ---


def test_a_claim_walked_to_payment() -> None:
    events = [
        ev(S.DIUSULKAN, 0, OPERATOR),
        ev(S.DIREKOMENDASIKAN, 1, OPERATOR),
        ev(S.DIVERIFIKASI, 3, ADMIN),
        ev(S.DISETUJUI, 5, ADMIN),
        ev(S.DICAIRKAN, 8, ADMIN),
    ]
    state = derive_claim_state(K.SANTUNAN, events, santunan_docs())
    assert state.status is S.DICAIRKAN
    assert state.completed_on == date(2025, 9, 16)
    assert state.verified_on == date(2025, 9, 18)
    assert state.deadline == date(2025, 9, 25)
    assert state.stopped_on == date(2025, 9, 23)
    assert not state.was_late and state.is_stopped
    assert state.days_left(date(2025, 9, 30)) is None
    assert not state.is_overdue(date(2025, 9, 30))
    assert [e.status for e in state.events] == [e.status for e in events]


def test_an_open_claim_counts_down_and_goes_overdue() -> None:
    events = [ev(S.DIUSULKAN, 0), ev(S.DIREKOMENDASIKAN, 1), ev(S.DIVERIFIKASI, 3)]
    state = derive_claim_state(K.SANTUNAN, events, santunan_docs())
    assert state.status is S.DIVERIFIKASI and state.stopped_on is None
    assert state.days_left(date(2025, 9, 23)) == 2
    assert state.is_due_soon(date(2025, 9, 23))
    assert state.is_overdue(date(2025, 9, 26)) and state.days_left(date(2025, 9, 26)) == -1


def test_no_deadline_until_verified_or_while_a_document_is_missing() -> None:
    proposed = derive_claim_state(K.SANTUNAN, [ev(S.DIUSULKAN, 0)], santunan_docs())
    assert proposed.deadline is None and proposed.completed_on == date(2025, 9, 16)
    verified = [ev(S.DIUSULKAN, 0), ev(S.DIREKOMENDASIKAN, 1), ev(S.DIVERIFIKASI, 3)]
    withdrawn = derive_claim_state(K.SANTUNAN, verified, santunan_docs(last=None))
    assert withdrawn.deadline is None and withdrawn.missing == (D.BUKU_TABUNGAN,)
    # The document back on a later day dates the clock anew.
    back = derive_claim_state(K.SANTUNAN, verified, santunan_docs(last=date(2025, 9, 22)))
    assert back.deadline == date(2025, 9, 29)


def test_the_verification_day_is_the_recorded_one_else_the_office_day() -> None:
    late_evening = ClaimEventView(S.DIVERIFIKASI, datetime(2025, 9, 17, 18, tzinfo=UTC), "k")
    assert event_day(late_evening) == date(2025, 9, 18)  # 01:00 WIB the next day
    recorded = ClaimEventView(S.DIVERIFIKASI, T0, "k", on=date(2025, 9, 12))
    assert event_day(recorded) == date(2025, 9, 12)
    events = [
        ev(S.DIUSULKAN, 0),
        ev(S.DIREKOMENDASIKAN, 1),
        ev(S.DIVERIFIKASI, 3, on=date(2025, 9, 19)),
    ]
    assert derive_claim_state(K.SANTUNAN, events, santunan_docs()).verified_on == date(2025, 9, 19)


def test_a_bpjs_claims_clock_stops_when_filed_with_bpjs() -> None:
    assert S.DIAJUKAN_BPJS in clock_stops(K.JKM) and S.DIAJUKAN_BPJS not in clock_stops(K.SANTUNAN)
    docs = [DocumentState(item, date(2025, 9, 15)) for item in checklist("jkm")]
    events = [
        ev(S.DIUSULKAN, 0),
        ev(S.DIREKOMENDASIKAN, 1),
        ev(S.DIVERIFIKASI, 2),
        ev(S.DISETUJUI, 4),
        ev(S.DIAJUKAN_BPJS, 12),
    ]
    state = derive_claim_state(K.JKM, events, docs)
    assert state.deadline == date(2025, 9, 24)
    assert state.stopped_on == date(2025, 9, 27) and state.was_late
    assert not state.is_overdue(date(2025, 10, 1))


def test_steps_by_a_role_that_may_not_take_them_are_skipped() -> None:
    # The kecamatan withdrew offline after the regency had verified: not applied.
    events = [
        ev(S.DIUSULKAN, 0, OPERATOR),
        ev(S.DIREKOMENDASIKAN, 1, OPERATOR),
        ev(S.DIVERIFIKASI, 2, ADMIN),
        ev(S.DIBATALKAN, 3, OPERATOR),
    ]
    assert derive_claim_state(K.SANTUNAN, events).status is S.DIVERIFIKASI
    # A kecamatan cannot approve; a viewer cannot do anything.
    events = [ev(S.DIUSULKAN, 0, "pemantau"), ev(S.DIUSULKAN, 1, OPERATOR)]
    state = derive_claim_state(K.SANTUNAN, events)
    assert [e.role for e in state.events] == [OPERATOR]
    # Old events without a role are taken as they come.
    assert derive_claim_state(K.SANTUNAN, [ev(S.DIUSULKAN, 0), ev(S.DIKEMBALIKAN, 1)]).status is (
        S.DIKEMBALIKAN
    )


def test_the_state_is_the_same_for_any_order_of_the_events() -> None:
    events = [
        ev(S.DIUSULKAN, 0, OPERATOR),
        ev(S.DIKEMBALIKAN, 1, ADMIN),
        ev(S.DIUSULKAN, 2, OPERATOR),
        ev(S.DIREKOMENDASIKAN, 3, OPERATOR),
        ev(S.DIVERIFIKASI, 4, ADMIN),
    ]
    first = derive_claim_state(K.SANTUNAN, events, santunan_docs())
    assert derive_claim_state(K.SANTUNAN, reversed(events), santunan_docs()) == first
    assert derive_claim_state(K.SANTUNAN, events + events, santunan_docs()) == first


def test_the_claim_settings_are_registered_with_their_limits() -> None:
    from desktop.domain.settings import SETTINGS, setting_named

    for key, default in (
        ("claim.deadline_days", 7),
        ("claim.working_days", 0),
        ("claim.due_soon_days", 2),
        ("claim.early_death_days", 30),
    ):
        assert key in SETTINGS and setting_named(key).default == default
    assert setting_named("claim.working_days").parse("1") == 1
