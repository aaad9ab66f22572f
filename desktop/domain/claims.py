"""Claim workflow: kinds, statuses, allowed steps, status derived from events, and the SLA.

The status of a claim is never stored on its own: it is derived from the claim's
append-only events, which offices merge by union. Derivation sorts the events by
(at, key) and applies only the steps allowed from the status reached so far, so every
copy that holds the same events derives the same status, whatever the import order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo
from enum import StrEnum
from types import MappingProxyType

from desktop.domain.findings import QT_TRANSLATE_NOOP, DomainError


class ClaimKind(StrEnum):
    """What a claim is for."""

    JKM = "jkm"
    JKK_DEATH = "jkk_meninggal"
    JKK_TOTAL_DISABILITY = "jkk_cacat_total"
    JKK_TEMPORARY = "jkk_stmb"
    SANTUNAN = "santunan_kematian"

    @property
    def label(self) -> str:
        """Indonesian label."""
        return _KIND_LABELS[self]

    @property
    def is_bpjs(self) -> bool:
        """True for JKM/JKK claims, which are filed with and paid by BPJS Ketenagakerjaan."""
        return self is not ClaimKind.SANTUNAN

    @property
    def is_jkk(self) -> bool:
        """True for the work-accident (JKK) kinds."""
        return self in (
            ClaimKind.JKK_DEATH, ClaimKind.JKK_TOTAL_DISABILITY, ClaimKind.JKK_TEMPORARY
        )

    @property
    def is_death(self) -> bool:
        """True for claims whose payees are the heirs of a deceased worker."""
        return self in (ClaimKind.JKM, ClaimKind.JKK_DEATH, ClaimKind.SANTUNAN)


_KIND_LABELS: Mapping[ClaimKind, str] = MappingProxyType(
    {
        ClaimKind.JKM: QT_TRANSLATE_NOOP("ClaimKind", "Jaminan Kematian (JKM)"),
        ClaimKind.JKK_DEATH: QT_TRANSLATE_NOOP("ClaimKind", "JKK \u2013 Meninggal Dunia"),
        ClaimKind.JKK_TOTAL_DISABILITY: QT_TRANSLATE_NOOP(
            "ClaimKind", "JKK \u2013 Cacat Total Tetap"
        ),
        ClaimKind.JKK_TEMPORARY: QT_TRANSLATE_NOOP(
            "ClaimKind", "JKK \u2013 Sementara Tidak Mampu Bekerja (STMB)"
        ),
        ClaimKind.SANTUNAN: QT_TRANSLATE_NOOP("ClaimKind", "Santunan Kematian"),
    }
)


class ClaimStatus(StrEnum):
    """A step of the claim workflow (the same names in data, screens and CLI)."""

    DIUSULKAN = "diusulkan"
    DIKEMBALIKAN = "dikembalikan"
    DIREKOMENDASIKAN = "direkomendasikan"
    DIVERIFIKASI = "diverifikasi"
    DISETUJUI = "disetujui"
    DITOLAK = "ditolak"
    DICAIRKAN = "dicairkan"
    DIBATALKAN = "dibatalkan"
    DIAJUKAN_BPJS = "diajukan_bpjs"
    DIBAYAR_BPJS = "dibayar_bpjs"

    @property
    def label(self) -> str:
        """Indonesian label."""
        return _STATUS_LABELS[self]

    @property
    def needs_reason(self) -> bool:
        """True for steps that must say why: returned, rejected, cancelled."""
        return self in REASON_REQUIRED

    @property
    def is_final(self) -> bool:
        """True when no step can follow, for any kind of claim."""
        return self in FINAL_STATUSES

    @property
    def is_paid(self) -> bool:
        """True when the money has gone out (by the regency or by BPJS)."""
        return self in (ClaimStatus.DICAIRKAN, ClaimStatus.DIBAYAR_BPJS)


_STATUS_LABELS: Mapping[ClaimStatus, str] = MappingProxyType(
    {
        ClaimStatus.DIUSULKAN: QT_TRANSLATE_NOOP("ClaimStatus", "Diusulkan"),
        ClaimStatus.DIKEMBALIKAN: QT_TRANSLATE_NOOP("ClaimStatus", "Dikembalikan"),
        ClaimStatus.DIREKOMENDASIKAN: QT_TRANSLATE_NOOP("ClaimStatus", "Direkomendasikan"),
        ClaimStatus.DIVERIFIKASI: QT_TRANSLATE_NOOP("ClaimStatus", "Diverifikasi"),
        ClaimStatus.DISETUJUI: QT_TRANSLATE_NOOP("ClaimStatus", "Disetujui"),
        ClaimStatus.DITOLAK: QT_TRANSLATE_NOOP("ClaimStatus", "Ditolak"),
        ClaimStatus.DICAIRKAN: QT_TRANSLATE_NOOP("ClaimStatus", "Dicairkan"),
        ClaimStatus.DIBATALKAN: QT_TRANSLATE_NOOP("ClaimStatus", "Dibatalkan"),
        ClaimStatus.DIAJUKAN_BPJS: QT_TRANSLATE_NOOP("ClaimStatus", "Diajukan ke BPJS"),
        ClaimStatus.DIBAYAR_BPJS: QT_TRANSLATE_NOOP("ClaimStatus", "Dibayar BPJS"),
    }
)

_S = ClaimStatus

INITIAL_STATUS = _S.DIUSULKAN
REASON_REQUIRED: frozenset[ClaimStatus] = frozenset({_S.DIKEMBALIKAN, _S.DITOLAK, _S.DIBATALKAN})
FINAL_STATUSES: frozenset[ClaimStatus] = frozenset(
    {_S.DITOLAK, _S.DICAIRKAN, _S.DIBATALKAN, _S.DIBAYAR_BPJS}
)

# Steps every kind of claim shares. Dibatalkan is allowed from any status before payment.
_COMMON: Mapping[ClaimStatus, frozenset[ClaimStatus]] = {
    _S.DIUSULKAN: frozenset({_S.DIKEMBALIKAN, _S.DIREKOMENDASIKAN, _S.DIBATALKAN}),
    _S.DIKEMBALIKAN: frozenset({_S.DIUSULKAN, _S.DIBATALKAN}),
    _S.DIREKOMENDASIKAN: frozenset({_S.DIVERIFIKASI, _S.DIKEMBALIKAN, _S.DIBATALKAN}),
    _S.DIVERIFIKASI: frozenset({_S.DISETUJUI, _S.DITOLAK, _S.DIBATALKAN}),
    _S.DISETUJUI: frozenset({_S.DIBATALKAN}),
    _S.DITOLAK: frozenset(),
    _S.DICAIRKAN: frozenset(),
    _S.DIBATALKAN: frozenset(),
    _S.DIAJUKAN_BPJS: frozenset(),
    _S.DIBAYAR_BPJS: frozenset(),
}

# Santunan kematian is paid by the regency itself: disetujui -> dicairkan.
_SANTUNAN_EXTRA: Mapping[ClaimStatus, frozenset[ClaimStatus]] = {
    _S.DISETUJUI: frozenset({_S.DICAIRKAN}),
}

# JKM/JKK are filed with BPJS Ketenagakerjaan, which pays the heirs or the worker
# directly: disetujui -> diajukan_bpjs -> dibayar_bpjs. Dibayar_bpjs is the paid, final
# state of these claims (there is no separate dicairkan: the regency pays nothing out).
# BPJS may refuse a filed claim (ditolak, with its reason) or it may be withdrawn.
_BPJS_EXTRA: Mapping[ClaimStatus, frozenset[ClaimStatus]] = {
    _S.DISETUJUI: frozenset({_S.DIAJUKAN_BPJS}),
    _S.DIAJUKAN_BPJS: frozenset({_S.DIBAYAR_BPJS, _S.DITOLAK, _S.DIBATALKAN}),
}


def _merge(
    *tables: Mapping[ClaimStatus, frozenset[ClaimStatus]],
) -> Mapping[ClaimStatus, frozenset[ClaimStatus]]:
    return MappingProxyType(
        {status: frozenset().union(*(t.get(status, ()) for t in tables)) for status in _S}
    )


TRANSITIONS_BY_KIND: Mapping[ClaimKind, Mapping[ClaimStatus, frozenset[ClaimStatus]]] = (
    MappingProxyType(
        {
            kind: _merge(_COMMON, _BPJS_EXTRA if kind.is_bpjs else _SANTUNAN_EXTRA)
            for kind in ClaimKind
        }
    )
)

# Every step that some kind of claim may take (the union over kinds).
TRANSITIONS: Mapping[ClaimStatus, frozenset[ClaimStatus]] = _merge(
    _COMMON, _SANTUNAN_EXTRA, _BPJS_EXTRA
)


def allowed_next(kind: ClaimKind | None, status: ClaimStatus | None) -> frozenset[ClaimStatus]:
    """The statuses a claim may move to next; None status means a new claim."""
    if status is None:
        return frozenset({INITIAL_STATUS})
    table = TRANSITIONS if kind is None else TRANSITIONS_BY_KIND[ClaimKind(kind)]
    return table[ClaimStatus(status)]


def check_transition(
    kind: ClaimKind,
    current: ClaimStatus | None,
    new: ClaimStatus,
    reason: str | None,
) -> None:
    """Raise DomainError unless `current` -> `new` is allowed, with a reason where needed."""
    new = ClaimStatus(new)
    if new not in allowed_next(kind, current):
        if current is None:
            raise DomainError.of(
                "claim.first_status",
                QT_TRANSLATE_NOOP("Finding", "Klaim baru harus dimulai dengan status {new}."),
                new=INITIAL_STATUS.label,
            )
        raise DomainError.of(
            "claim.transition",
            QT_TRANSLATE_NOOP(
                "Finding", "Klaim {kind} berstatus {current} tidak dapat diubah menjadi {new}."
            ),
            kind=ClaimKind(kind).label,
            current=ClaimStatus(current).label,
            new=new.label,
        )
    if new.needs_reason and not (reason and reason.strip()):
        raise DomainError.of(
            "claim.reason_required",
            QT_TRANSLATE_NOOP("Finding", "Tuliskan alasan untuk status {new}."),
            new=new.label,
        )


@dataclass(frozen=True)
class ClaimEventView:
    """What derivation needs of a claim event: its status, time and a unique tie-break key.

    `at` should come from the hybrid logical clock; a naive datetime is read as UTC.
    `key` (the event id, say) orders events with the same `at`. `on`, when given, is the
    day the step took effect as the user recorded it (a verification dated the day the
    file was checked); without it the step's day is `at`'s day at the office
    (:func:`event_day`). `role` is the role value of whoever took the step (None when not
    known: old events, which any role is taken to have been allowed).
    """

    status: ClaimStatus
    at: datetime
    key: str
    on: date | None = None
    role: str | None = None


# The offices' time zone for an event's day when it carries none: Western Indonesia (WIB),
# where the regencies Sigap serves lie. Every copy uses the same, so days converge.
OFFICE_TZ = timezone(timedelta(hours=7), "WIB")


def event_day(event: ClaimEventView, tz: tzinfo = OFFICE_TZ) -> date:
    """The day a step took effect: its recorded `on`, else its time's day in *tz*."""
    if event.on is not None:
        return event.on
    at = event.at if event.at.tzinfo is not None else event.at.replace(tzinfo=UTC)
    return at.astimezone(tz).date()


# Whether a role may take a step from a status (None: a new claim); see
# desktop.domain.claim_steps.role_may_take, the table that answers it.
StepPermit = Callable[[str, ClaimStatus | None, ClaimStatus], bool]


def _order(event: ClaimEventView) -> tuple[datetime, str, str]:
    at = event.at if event.at.tzinfo is not None else event.at.replace(tzinfo=UTC)
    return at, event.key, str(event.status)


def replay(
    events: Iterable[ClaimEventView],
    kind: ClaimKind | None = None,
    *,
    permits: StepPermit | None = None,
) -> tuple[ClaimEventView, ...]:
    """The events that take effect, in order; events that are not allowed are skipped.

    With *permits*, an event that names its role takes effect only when that role may
    take the step from the status reached so far (a kecamatan's withdrawal written offline
    after the regency had verified the claim is skipped, on every copy alike).
    """
    applied: list[ClaimEventView] = []
    status: ClaimStatus | None = None
    for event in sorted(set(events), key=_order):
        new = ClaimStatus(event.status)
        if new not in allowed_next(kind, status):
            continue
        if permits is not None and event.role is not None and not permits(event.role, status, new):
            continue
        applied.append(event)
        status = new
    return tuple(applied)


def derive_status(
    events: Iterable[ClaimEventView],
    *,
    kind: ClaimKind | None = None,
    permits: StepPermit | None = None,
) -> ClaimStatus:
    """The claim's status from its events, the same for any order of the same events.

    Events are sorted by (at, key) and applied only where the step is allowed from the
    status reached so far (and, with *permits*, by the event's role); the rest are
    ignored. Without `kind` the union of all kinds' steps is used. A claim with no
    applicable event is diusulkan.
    """
    applied = replay(events, kind, permits=permits)
    return ClaimStatus(applied[-1].status) if applied else INITIAL_STATUS


# The regency pays santunan kematian within 7 days of a complete, verified file.
SLA_DAYS = 7


def decision_deadline(verified_on: date) -> date:
    """The last day to decide and pay: 7 calendar days after the file was verified."""
    return verified_on + timedelta(days=SLA_DAYS)


def days_left(deadline: date, today: date) -> int:
    """Days until the deadline: 0 on the day itself, negative once it has passed."""
    return (deadline - today).days
