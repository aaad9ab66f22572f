"""Claim workflow, derived status and the 7-day clock."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from desktop.domain.claims import (
    FINAL_STATUSES,
    SLA_DAYS,
    TRANSITIONS,
    TRANSITIONS_BY_KIND,
    ClaimEventView,
    ClaimKind,
    ClaimStatus,
    allowed_next,
    check_transition,
    days_left,
    decision_deadline,
    derive_status,
    replay,
)
from desktop.domain.findings import DomainError

S = ClaimStatus
T0 = datetime(2025, 9, 2, 8, 0, tzinfo=UTC)


def ev(status: ClaimStatus, minutes: int, key: str = "") -> ClaimEventView:
    return ClaimEventView(status, T0 + timedelta(minutes=minutes), key or f"e{minutes:04d}")


def test_values_and_labels() -> None:
    assert [k.value for k in ClaimKind] == [
        "jkm",
        "jkk_meninggal",
        "jkk_cacat_total",
        "jkk_stmb",
        "santunan_kematian",
    ]
    assert S.DIAJUKAN_BPJS.value == "diajukan_bpjs"
    assert S.DIBAYAR_BPJS.value == "dibayar_bpjs"
    assert all(s.value == s.name.lower() for s in ClaimStatus)
    assert S.DIAJUKAN_BPJS.label == "Diajukan ke BPJS"
    assert ClaimKind.SANTUNAN.label == "Santunan Kematian"
    assert all(k.label for k in ClaimKind)
    assert not ClaimKind.SANTUNAN.is_bpjs and ClaimKind.JKM.is_bpjs
    assert ClaimKind.JKK_DEATH.is_death and not ClaimKind.JKK_TEMPORARY.is_death


def test_shared_transitions() -> None:
    for kind in ClaimKind:
        assert allowed_next(kind, S.DIUSULKAN) == {S.DIKEMBALIKAN, S.DIREKOMENDASIKAN, S.DIBATALKAN}
        assert allowed_next(kind, S.DIKEMBALIKAN) == {S.DIUSULKAN, S.DIBATALKAN}
        assert allowed_next(kind, S.DIREKOMENDASIKAN) == {
            S.DIVERIFIKASI,
            S.DIKEMBALIKAN,
            S.DIBATALKAN,
        }
        assert allowed_next(kind, S.DIVERIFIKASI) == {S.DISETUJUI, S.DITOLAK, S.DIBATALKAN}
        for final in (S.DITOLAK, S.DICAIRKAN, S.DIBATALKAN):
            assert allowed_next(kind, final) == frozenset()
        assert allowed_next(kind, None) == {S.DIUSULKAN}


def test_santunan_is_paid_by_the_regency() -> None:
    kind = ClaimKind.SANTUNAN
    assert allowed_next(kind, S.DISETUJUI) == {S.DICAIRKAN, S.DIBATALKAN}
    assert allowed_next(kind, S.DIAJUKAN_BPJS) == frozenset()


@pytest.mark.parametrize("kind", [k for k in ClaimKind if k is not ClaimKind.SANTUNAN])
def test_bpjs_claims_go_through_bpjs(kind: ClaimKind) -> None:
    assert allowed_next(kind, S.DISETUJUI) == {S.DIAJUKAN_BPJS, S.DIBATALKAN}
    assert allowed_next(kind, S.DIAJUKAN_BPJS) == {S.DIBAYAR_BPJS, S.DITOLAK, S.DIBATALKAN}
    assert allowed_next(kind, S.DIBAYAR_BPJS) == frozenset()


def test_union_table() -> None:
    assert TRANSITIONS[S.DISETUJUI] == {S.DICAIRKAN, S.DIAJUKAN_BPJS, S.DIBATALKAN}
    assert allowed_next(None, S.DISETUJUI) == TRANSITIONS[S.DISETUJUI]
    for kind, table in TRANSITIONS_BY_KIND.items():
        for status, targets in table.items():
            assert targets <= TRANSITIONS[status], (kind, status)
    for status in FINAL_STATUSES:
        assert TRANSITIONS[status] == frozenset()
        assert status.is_final
    assert S.DICAIRKAN.is_paid and S.DIBAYAR_BPJS.is_paid and not S.DISETUJUI.is_paid


def test_cancel_allowed_before_payment_only() -> None:
    for status in ClaimStatus:
        can_cancel = S.DIBATALKAN in TRANSITIONS[status]
        assert can_cancel == (not status.is_final)


def test_check_transition_ok() -> None:
    check_transition(ClaimKind.SANTUNAN, None, S.DIUSULKAN, None)
    check_transition(ClaimKind.SANTUNAN, S.DIUSULKAN, S.DIREKOMENDASIKAN, None)
    check_transition(ClaimKind.SANTUNAN, S.DIUSULKAN, S.DIKEMBALIKAN, "KK belum ada")
    check_transition(ClaimKind.JKM, S.DIAJUKAN_BPJS, S.DIBAYAR_BPJS, None)


def test_check_transition_rejects_invalid_step() -> None:
    with pytest.raises(DomainError) as info:
        check_transition(ClaimKind.SANTUNAN, S.DIUSULKAN, S.DISETUJUI, None)
    assert info.value.finding.code == "claim.transition"
    assert str(info.value) == (
        "Klaim Santunan Kematian berstatus Diusulkan tidak dapat diubah menjadi Disetujui."
    )
    with pytest.raises(DomainError):
        check_transition(ClaimKind.JKM, S.DISETUJUI, S.DICAIRKAN, None)
    with pytest.raises(DomainError):
        check_transition(ClaimKind.SANTUNAN, S.DISETUJUI, S.DIAJUKAN_BPJS, None)


def test_check_transition_first_status() -> None:
    with pytest.raises(DomainError) as info:
        check_transition(ClaimKind.JKM, None, S.DIVERIFIKASI, None)
    assert info.value.finding.code == "claim.first_status"


@pytest.mark.parametrize(
    ("current", "new"),
    [
        (S.DIUSULKAN, S.DIKEMBALIKAN),
        (S.DIVERIFIKASI, S.DITOLAK),
        (S.DISETUJUI, S.DIBATALKAN),
    ],
)
@pytest.mark.parametrize("reason", [None, "", "   "])
def test_reason_required(current: ClaimStatus, new: ClaimStatus, reason: str | None) -> None:
    with pytest.raises(DomainError) as info:
        check_transition(ClaimKind.SANTUNAN, current, new, reason)
    assert info.value.finding.code == "claim.reason_required"
    assert new.label in str(info.value)
    assert new.needs_reason


def test_happy_path_santunan() -> None:
    events = [
        ev(S.DIUSULKAN, 0),
        ev(S.DIREKOMENDASIKAN, 10),
        ev(S.DIVERIFIKASI, 20),
        ev(S.DISETUJUI, 30),
        ev(S.DICAIRKAN, 40),
    ]
    assert derive_status(events) is S.DICAIRKAN
    assert derive_status(events, kind=ClaimKind.SANTUNAN) is S.DICAIRKAN


def test_returned_and_resubmitted() -> None:
    events = [
        ev(S.DIUSULKAN, 0),
        ev(S.DIKEMBALIKAN, 1),
        ev(S.DIUSULKAN, 2),
        ev(S.DIREKOMENDASIKAN, 3),
    ]
    assert derive_status(events) is S.DIREKOMENDASIKAN
    assert len(replay(events)) == 4


def test_invalid_events_are_ignored() -> None:
    events = [
        ev(S.DIUSULKAN, 0),
        ev(S.DISETUJUI, 1),  # skips two steps: ignored
        ev(S.DIREKOMENDASIKAN, 2),
        ev(S.DIREKOMENDASIKAN, 3),  # same step twice (two offices): ignored
    ]
    assert derive_status(events) is S.DIREKOMENDASIKAN
    assert [e.at for e in replay(events)] == [events[0].at, events[2].at]


def test_events_before_creation_are_ignored() -> None:
    assert derive_status([ev(S.DIREKOMENDASIKAN, 0), ev(S.DIUSULKAN, 1)]) is S.DIUSULKAN


def test_no_events_means_proposed() -> None:
    assert derive_status([]) is S.DIUSULKAN


def test_terminal_status_sticks() -> None:
    events = [ev(S.DIUSULKAN, 0), ev(S.DIBATALKAN, 1), ev(S.DIREKOMENDASIKAN, 2)]
    assert derive_status(events) is S.DIBATALKAN


def test_kind_restricts_steps() -> None:
    events = [
        ev(S.DIUSULKAN, 0),
        ev(S.DIREKOMENDASIKAN, 1),
        ev(S.DIVERIFIKASI, 2),
        ev(S.DISETUJUI, 3),
        ev(S.DICAIRKAN, 4),
    ]
    assert derive_status(events, kind=ClaimKind.JKM) is S.DISETUJUI
    events += [ev(S.DIAJUKAN_BPJS, 5), ev(S.DIBAYAR_BPJS, 6)]
    assert derive_status(events, kind=ClaimKind.JKM) is S.DIBAYAR_BPJS


def test_concurrent_decisions_are_settled_by_time_then_key() -> None:
    base = [ev(S.DIUSULKAN, 0), ev(S.DIREKOMENDASIKAN, 1), ev(S.DIVERIFIKASI, 2)]
    approve = ClaimEventView(S.DISETUJUI, T0 + timedelta(minutes=5), "b")
    reject = ClaimEventView(S.DITOLAK, T0 + timedelta(minutes=5), "a")
    assert derive_status([*base, approve, reject]) is S.DITOLAK  # same time: key "a" first
    assert derive_status([reject, *base, approve]) is S.DITOLAK


def test_naive_and_aware_datetimes_mix() -> None:
    naive = ClaimEventView(S.DIUSULKAN, datetime(2025, 9, 2, 8, 0), "a")
    aware = ClaimEventView(
        S.DIREKOMENDASIKAN, datetime(2025, 9, 2, 16, 0, tzinfo=timezone(timedelta(hours=7))), "b"
    )
    assert derive_status([aware, naive]) is S.DIREKOMENDASIKAN


def test_sla() -> None:
    assert SLA_DAYS == 7
    deadline = decision_deadline(date(2025, 9, 2))
    assert deadline == date(2025, 9, 9)
    assert days_left(deadline, date(2025, 9, 2)) == 7
    assert days_left(deadline, date(2025, 9, 9)) == 0
    assert days_left(deadline, date(2025, 9, 11)) == -2
