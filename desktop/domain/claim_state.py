"""A claim's state derived from its events and its file, and the clock on it.

:func:`derive_claim_state` gives, from the claim's events and its documents, the status,
the day it was verified, the day its file became complete, its deadline and the day its
clock stopped. It depends only on the *set* of events (and the documents' final state), so
two offices that exchanged their events in any order derive the same state: the
``claim`` row's ``status``, ``verified_on`` and ``deadline`` are recomputed from the merged
events, never taken from whichever copy wrote last.

The clock (Perbup OKI 17/2025: pay within 7 days of a complete, verified file):

- the deadline is N days after the later of the day the file became complete and the day
  it was verified; none while the file is incomplete or not verified (a document withdrawn
  after verification stops the clock until it is back, and dates it anew);
- N is the santunan rule set's ``payment_days`` for the regency and the death's date, and
  the setting ``claim.deadline_days`` for JKM/JKK (the regency's own time to file them with
  BPJS); days are calendar days, or working days when ``claim.working_days`` is 1;
- the clock stops when the claim is paid, rejected or cancelled, and for JKM/JKK when it
  is filed with BPJS (the regency's part is then done); a stopped claim is never overdue;
- due soon: not stopped, and at most ``claim.due_soon_days`` days left (0 on the day);
  overdue: not stopped and the deadline passed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from contextlib import suppress
from dataclasses import dataclass
from datetime import date

from desktop.domain.benefits import SANTUNAN_RULES, SantunanRules, santunan_rules_on
from desktop.domain.calendar import NO_HOLIDAYS, DayCount, Holidays, add_days, days_until
from desktop.domain.claim_steps import role_may_take
from desktop.domain.claims import (
    FINAL_STATUSES,
    INITIAL_STATUS,
    ClaimEventView,
    ClaimKind,
    ClaimStatus,
    event_day,
    replay,
)
from desktop.domain.documents import (
    DocumentCondition,
    DocumentItem,
    DocumentState,
    completed_on,
    missing_documents,
)
from desktop.domain.findings import DomainError
from desktop.domain.settings import (
    CLAIM_DEADLINE_DAYS,
    CLAIM_DUE_SOON_DAYS,
    CLAIM_WORKING_DAYS,
    parse_setting,
)


@dataclass(frozen=True)
class ClockRules:
    """How a claim's deadline is counted: N days, calendar or working, and when to warn."""

    days: int = 7
    count: DayCount = DayCount.CALENDAR
    holidays: Holidays = NO_HOLIDAYS
    due_soon_days: int = 2


def clock_rules(
    kind: ClaimKind,
    event_date: date,
    regency_code: str,
    settings: Mapping[str, str],
    holidays: Holidays = NO_HOLIDAYS,
    *,
    santunan_table: Iterable[SantunanRules] = SANTUNAN_RULES,
) -> ClockRules:
    """The clock of a claim of *kind* for an event on *event_date* in *regency_code*, with
    the office's stored *settings* (key → text) and holiday list."""
    days = parse_setting(CLAIM_DEADLINE_DAYS, settings)
    if ClaimKind(kind) is ClaimKind.SANTUNAN:
        # With no rule set in force such a claim is refused; the setting stands in.
        with suppress(DomainError):
            days = santunan_rules_on(event_date, regency_code, table=santunan_table).payment_days
    working = parse_setting(CLAIM_WORKING_DAYS, settings) == 1
    return ClockRules(
        days=days,
        count=DayCount.WORKING if working else DayCount.CALENDAR,
        holidays=holidays,
        due_soon_days=parse_setting(CLAIM_DUE_SOON_DAYS, settings),
    )


def deadline_for(
    completed: date | None, verified: date | None, rules: ClockRules = ClockRules()
) -> date | None:
    """N days after the later of completion and verification; None until both happened."""
    if completed is None or verified is None:
        return None
    return add_days(max(completed, verified), rules.days, rules.count, rules.holidays)


def days_left(deadline: date, today: date, rules: ClockRules = ClockRules()) -> int:
    """Days (of the rules' kind) from *today* to *deadline*: 0 on it, negative after."""
    return days_until(deadline, today, rules.count, rules.holidays)


def is_overdue(deadline: date | None, today: date, rules: ClockRules = ClockRules()) -> bool:
    """True when there is a deadline and it has passed (for a claim whose clock runs)."""
    return deadline is not None and days_left(deadline, today, rules) < 0


def is_due_soon(deadline: date | None, today: date, rules: ClockRules = ClockRules()) -> bool:
    """True when the deadline is today or at most ``due_soon_days`` days ahead."""
    return deadline is not None and 0 <= days_left(deadline, today, rules) <= rules.due_soon_days


def clock_stops(kind: ClaimKind) -> frozenset[ClaimStatus]:
    """The statuses that stop the clock of a claim of *kind*."""
    if ClaimKind(kind).is_bpjs:
        return FINAL_STATUSES | {ClaimStatus.DIAJUKAN_BPJS}
    return FINAL_STATUSES


@dataclass(frozen=True)
class ClaimState:
    """What a claim's events and file say about it now.

    ``events``: the events that took effect, in order (the timeline; the rest were steps
    not allowed when they came). ``stopped_on``: the day the clock stopped (paid, rejected,
    cancelled, filed with BPJS), None while it runs.
    """

    status: ClaimStatus
    verified_on: date | None
    completed_on: date | None
    deadline: date | None
    stopped_on: date | None
    missing: tuple[DocumentItem, ...]
    events: tuple[ClaimEventView, ...]

    @property
    def is_stopped(self) -> bool:
        """True once the clock has stopped."""
        return self.stopped_on is not None

    @property
    def was_late(self) -> bool:
        """True when the clock stopped after the deadline."""
        return (
            self.stopped_on is not None
            and self.deadline is not None
            and self.stopped_on > self.deadline
        )

    def days_left(self, today: date, rules: ClockRules = ClockRules()) -> int | None:
        """Days to the deadline while the clock runs; None without a deadline or stopped."""
        if self.deadline is None or self.is_stopped:
            return None
        return days_left(self.deadline, today, rules)

    def is_overdue(self, today: date, rules: ClockRules = ClockRules()) -> bool:
        """True while the clock runs past the deadline."""
        return not self.is_stopped and is_overdue(self.deadline, today, rules)

    def is_due_soon(self, today: date, rules: ClockRules = ClockRules()) -> bool:
        """True while the clock runs and the deadline is near (not yet passed)."""
        return not self.is_stopped and is_due_soon(self.deadline, today, rules)


def applied_events(
    kind: ClaimKind, events: Iterable[ClaimEventView]
) -> tuple[ClaimEventView, ...]:
    """The events that take effect, in order: allowed from the status reached so far for
    this kind, and by a role that may take them (events without a role are not checked)."""
    return replay(events, ClaimKind(kind), permits=role_may_take)


def derive_claim_state(
    kind: ClaimKind,
    events: Iterable[ClaimEventView],
    documents: Iterable[DocumentState] = (),
    rules: ClockRules = ClockRules(),
    *,
    conditions: Iterable[DocumentCondition] | None = None,
) -> ClaimState:
    """The claim's state from its events and documents, the same for any order of them.

    *conditions*: the circumstances that make conditional documents required (see
    ``documents.required_documents``; None: every item of the checklist is required).
    """
    kind = ClaimKind(kind)
    applied = applied_events(kind, events)
    held = tuple(documents)
    wanted = None if conditions is None else frozenset(conditions)
    status = ClaimStatus(applied[-1].status) if applied else INITIAL_STATUS
    verified = None
    stopped = None
    stops = clock_stops(kind)
    for event in applied:
        step = ClaimStatus(event.status)
        if step is ClaimStatus.DIVERIFIKASI:
            verified = event_day(event)
        if step in stops and stopped is None:
            stopped = event_day(event)
    complete = completed_on(kind, held, wanted)
    return ClaimState(
        status=status,
        verified_on=verified,
        completed_on=complete,
        deadline=deadline_for(complete, verified, rules),
        stopped_on=stopped,
        missing=missing_documents(kind, held, wanted),
        events=applied,
    )
