"""Claim use cases that read: the list (windowed, over SQL), its clock counts, and one
claim's detail (subject, heirs, documents, amounts, flags, timeline, next steps)."""

from __future__ import annotations

from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Engine

from desktop.domain.benefits import SchoolLevel
from desktop.domain.calendar import DayCount
from desktop.domain.claim_amounts import AmountOverride, ClaimAmount
from desktop.domain.claim_state import ClockRules, clock_rules, days_left
from desktop.domain.claim_steps import allowed_steps
from desktop.domain.claims import ClaimKind, ClaimStatus
from desktop.domain.documents import DocumentItem, checklist, required_documents
from desktop.domain.findings import Finding
from desktop.domain.heirs import document_conditions, relationship_of
from desktop.domain.identifiers import mask_account, normalize_number
from desktop.domain.names import name_key
from desktop.domain.roles import Role
from desktop.domain.settings import CLAIM_DUE_SOON_DAYS, CLAIM_WORKING_DAYS, parse_setting
from desktop.services.claims.file import (
    ClaimFile,
    amount_of,
    event_view,
    flags_of,
    load_file,
    office_context,
)
from desktop.services.permissions import Permission, can, require
from desktop.store import claims as store
from desktop.store import workers as worker_store
from desktop.store.claims import ClaimCriteria, ClockCounts, DeadlineWindow, deadline_window
from desktop.store.unit_of_work import Actor

ALL_CLAIMS = ClaimCriteria()


@dataclass(frozen=True)
class ClaimRow:
    """One line of the claim list."""

    rowid: int
    id: str
    kind: ClaimKind
    status: ClaimStatus
    name: str
    nik: str
    village_code: str
    village_name: str | None
    district_name: str | None
    event_date: date
    reported_date: date
    deadline: date | None
    days_left: int | None
    overdue: bool
    due_soon: bool
    flags_open: int
    flag_codes: tuple[str, ...]
    # How the deadline is counted: N days after the file is complete and verified, in
    # calendar or working days (the office's settings; a regency's santunan rule set).
    clock_days: int = 7
    working_days: bool = False


@dataclass(frozen=True)
class HeirDetail:
    """An heir as the detail shows it (the account masked unless asked and allowed)."""

    id: str
    name: str
    nik: str | None
    relationship: str
    relationship_label: str
    is_payee: bool
    bank_name: str | None
    account: str | None
    account_masked: bool
    holder: str | None
    # A child's school level (SchoolLevel value) and its label; None when not in school.
    school_level: str | None = None
    school_level_label: str | None = None


@dataclass(frozen=True)
class DocumentDetail:
    """One checklist item: whether it is required for this claim, and when it came."""

    item: DocumentItem
    label: str
    required: bool
    received_on: date | None
    note: str | None


@dataclass(frozen=True)
class FlagDetail:
    """An open review flag."""

    code: str
    message: str
    # The finding itself, for a screen that shows it in the user's language.
    finding: Finding


@dataclass(frozen=True)
class TimelineEntry:
    """One step of the claim's history: who, in which role, when, to which state, why.

    ``applied`` is False for a step that did not take effect (not allowed when it came,
    such as a step an office took offline after another had moved the claim on)."""

    at: datetime
    on: date | None
    status: ClaimStatus
    actor_name: str
    role: str | None
    role_label: str | None
    reason: str | None
    applied: bool


@dataclass(frozen=True)
class ClaimDetail:
    """Everything the detail view and ``claims show`` show of one claim."""

    id: str
    kind: ClaimKind
    status: ClaimStatus
    worker_id: str | None
    subject_nik: str
    subject_name: str
    subject_birth_date: date | None
    subject_kk: str | None
    village_code: str
    village_name: str | None
    district_name: str | None
    event_date: date
    reported_date: date
    death_certificate_no: str | None
    dtsen_decile: int | None
    accident_is_traffic: bool
    verified_on: date | None
    completed_on: date | None
    deadline: date | None
    days_left: int | None
    overdue: bool
    due_soon: bool
    heirs: tuple[HeirDetail, ...]
    documents: tuple[DocumentDetail, ...]
    missing: tuple[DocumentItem, ...]
    amount: ClaimAmount | None
    amount_approved: int
    amount_paid: int
    flags: tuple[FlagDetail, ...]
    timeline: tuple[TimelineEntry, ...]
    allowed_steps: tuple[ClaimStatus, ...]
    # The STMB days off (JKK temporary inability); None while not recorded.
    days_off: int | None = None
    # A death claim without the heir it is paid to (with an account): it cannot be
    # recommended or verified yet.
    payee_missing: bool = False
    # How the deadline is counted (as ClaimRow's).
    clock_days: int = 7
    working_days: bool = False


def _role_label(role: str | None) -> str | None:
    if role is None:
        return None
    try:
        return Role(role).label
    except ValueError:
        return role


def _school_label(level: str | None) -> str | None:
    if not level:
        return None
    try:
        return SchoolLevel(level).label
    except ValueError:
        return level


def _codes(text: str | None) -> tuple[str, ...]:
    return tuple(c for c in (text or "").split(",") if c)


class ClaimReads:
    """The read side of the claim service."""

    def __init__(self, engine: Engine, *, today: Callable[[], date] = date.today) -> None:
        self._engine = engine
        self._today = today

    # ---- the list ------------------------------------------------------------------------

    def window(self, within: int | None = None) -> DeadlineWindow:
        """The clock's cut-offs today ("due within *within* days"; the setting's due-soon
        days by default), counted as the office counts deadlines."""
        with self._engine.connect() as conn:
            office = office_context(conn)
        days = parse_setting(CLAIM_DUE_SOON_DAYS, office.settings) if within is None else within
        working = parse_setting(CLAIM_WORKING_DAYS, office.settings) == 1
        count = DayCount.WORKING if working else DayCount.CALENDAR
        return deadline_window(self._today(), days, count, office.holidays)

    def criteria(
        self,
        *,
        kinds: Sequence[str] = (),
        statuses: Sequence[str] = (),
        district_code: str | None = None,
        village_code: str | None = None,
        overdue: bool = False,
        due_within: int | None = None,
        flagged: bool = False,
        search: str = "",
    ) -> ClaimCriteria:
        """The list's criteria from what the tab's filters and the CLI's options say."""
        window = self.window(due_within) if overdue or due_within is not None else None
        words = search.split()
        digits = "".join(w for w in words if w.isdigit())
        names = tuple(name_key(w) for w in words if not w.isdigit())
        due = window is not None and due_within is not None
        overdue_before = window.overdue_before if window is not None and overdue else None
        if overdue and due and window is not None:
            # Both asked (the tab's two boxes): overdue or due within the days, one range.
            overdue_before, due = window.due_before, False
        return ClaimCriteria(
            kinds=tuple(kinds),
            statuses=tuple(statuses),
            district_code=district_code,
            village_code=village_code,
            overdue_before=overdue_before,
            due_from=window.overdue_before if due and window is not None else None,
            due_before=window.due_before if due and window is not None else None,
            flagged=flagged,
            nik_prefix=digits or None,
            name_words=names,
        )

    def ids(
        self,
        actor: Actor,
        criteria: ClaimCriteria = ALL_CLAIMS,
        *,
        sort: str = "days_left",
        descending: bool = False,
    ) -> array[int]:
        """The rowids of the matching claims in display order (days left first)."""
        require(actor, Permission.VIEW)
        with self._engine.connect() as conn:
            return store.matching_rowids(conn, criteria, sort=sort, descending=descending)

    def count(self, actor: Actor, criteria: ClaimCriteria = ALL_CLAIMS) -> int:
        """How many claims match."""
        require(actor, Permission.VIEW)
        with self._engine.connect() as conn:
            return store.count_matching(conn, criteria)

    def ids_with_prefix(self, actor: Actor, prefix: str, limit: int = 10) -> list[str]:
        """Up to *limit* ids of claims that start with *prefix* (a claim named by the first
        letters of its id, as ``claims list`` prints it)."""
        require(actor, Permission.VIEW)
        with self._engine.connect() as conn:
            return store.ids_with_prefix(conn, prefix.strip().lower(), limit)

    def rows(self, actor: Actor, rowids: Sequence[int]) -> list[ClaimRow]:
        """The list lines of these rowids, in the order given."""
        require(actor, Permission.VIEW)
        today = self._today()
        with self._engine.connect() as conn:
            office = office_context(conn)
            found = store.rows_by_rowid(conn, rowids)
        lines = []
        # The clock depends on the kind and, for a santunan, on the rule set in force on the
        # day of death: one computation per pair, not per line.
        clocks: dict[tuple[ClaimKind, date | None], ClockRules] = {}
        for row in found:
            status = ClaimStatus(row["status"])
            kind = ClaimKind(row["kind"])
            deadline = row["deadline"]
            running = row["status"] in store.RUNNING_STATUSES
            key = (kind, row["event_date"] if kind is ClaimKind.SANTUNAN else None)
            rules = clocks.get(key)
            if rules is None:
                rules = clocks[key] = clock_rules(
                    kind, row["event_date"], office.regency_code, office.settings, office.holidays
                )
            left = days_left(deadline, today, rules) if deadline and running else None
            lines.append(
                ClaimRow(
                    rowid=int(row["rowid"]),
                    id=str(row["id"]),
                    kind=kind,
                    status=status,
                    name=str(row["shown_name"] or ""),
                    nik=str(row["shown_nik"] or ""),
                    village_code=str(row["village_code"]),
                    village_name=row["village_name"],
                    district_name=row["district_name"],
                    event_date=row["event_date"],
                    reported_date=row["reported_date"],
                    deadline=deadline,
                    days_left=left,
                    # As is_overdue and is_due_soon judge, from the days counted once.
                    overdue=left is not None and left < 0,
                    due_soon=left is not None and 0 <= left <= rules.due_soon_days,
                    flags_open=int(row["flags_open"] or 0),
                    flag_codes=_codes(row["flag_codes"]),
                    clock_days=rules.days,
                    working_days=rules.count is DayCount.WORKING,
                )
            )
        return lines

    def clock_counts(self, actor: Actor, *, district_code: str | None = None) -> ClockCounts:
        """For the status bar: running claims overdue, and due within the setting's days."""
        require(actor, Permission.VIEW)
        window = self.window()
        with self._engine.connect() as conn:
            return store.clock_counts(conn, window, district_code=district_code)

    def worker_for_nik(self, actor: Actor, nik: str) -> str | None:
        """The roster worker a claim by NIK is for (``claims new --worker NIK``): the live
        record with this NIK, an active one first; None when the roster has none."""
        require(actor, Permission.VIEW)
        digits = normalize_number(nik)
        if not digits:
            return None
        with self._engine.connect() as conn:
            found = worker_store.possible_duplicates(
                conn, nik=digits, name_key=None, birth_date=None, exclude_id=None
            )
        found.sort(key=lambda row: (row["status"] != "aktif", row["status"] != "meninggal"))
        return str(found[0]["id"]) if found else None

    # ---- one claim -----------------------------------------------------------------------

    def detail(self, actor: Actor, claim_id: str, *, full_numbers: bool = False) -> ClaimDetail:
        """Everything about one claim. Bank accounts are masked unless *full_numbers* is
        asked and the actor may see full numbers."""
        require(actor, Permission.VIEW)
        show_full = full_numbers and can(actor, Permission.VIEW_FULL_NUMBERS)
        today = self._today()
        with self._engine.connect() as conn:
            file = load_file(conn, claim_id)
            _raised, still_open = flags_of(conn, file)
        return _detail(file, still_open, actor, show_full, today)


def stored_override(claim: dict[str, Any]) -> AmountOverride | None:
    if claim.get("amount_override") is None:
        return None
    return AmountOverride(
        int(claim["amount_override"]),
        str(claim.get("amount_override_reason") or ""),
        "",
        datetime.min.replace(tzinfo=UTC),
    )


def _detail(
    file: ClaimFile, still_open: Any, actor: Actor, show_full: bool, today: date
) -> ClaimDetail:
    claim = file.claim
    state = file.state()
    rules = file.clock
    subject = file.subject
    heirs = tuple(
        HeirDetail(
            id=str(row["id"]),
            name=str(row["name"]),
            nik=row["nik"],
            relationship=str(row["relationship"]),
            relationship_label=(
                known.label
                if (known := relationship_of(str(row["relationship"]))) is not None
                else str(row["relationship"])
            ),
            is_payee=bool(row["is_payee"]),
            bank_name=row["bank_name"],
            account=(
                row["bank_account"]
                if show_full or not row["bank_account"]
                else mask_account(str(row["bank_account"]))
            ),
            account_masked=bool(row["bank_account"]) and not show_full,
            holder=row["account_holder"],
            school_level=row.get("school_level"),
            school_level_label=_school_label(row.get("school_level")),
        )
        for row in file.heirs
    )
    conditions = document_conditions(
        file.heir_views, traffic_accident=bool(claim.get("accident_is_traffic"))
    )
    required = set(required_documents(file.kind.value, conditions))
    held = {s.item: s for s in file.document_states}
    documents = tuple(
        DocumentDetail(
            item=item,
            label=item.label,
            required=item in required,
            received_on=held[item].received_on if item in held else None,
            note=held[item].note if item in held else None,
        )
        for item in checklist(file.kind.value)
    )
    applied = {event.key for event in state.events}
    timeline = []
    for row in file.events:
        view = event_view(row)
        timeline.append(
            TimelineEntry(
                at=view.at,
                on=view.on,
                status=view.status,
                actor_name=str(row["actor_name"]),
                role=view.role,
                role_label=_role_label(view.role),
                reason=row["reason"],
                applied=view.key in applied,
            )
        )
    timeline.sort(key=lambda entry: entry.at)
    return ClaimDetail(
        id=file.id,
        kind=file.kind,
        status=state.status,
        worker_id=claim.get("worker_id"),
        subject_nik=subject.nik,
        subject_name=subject.name,
        subject_birth_date=subject.birth_date,
        subject_kk=subject.kk,
        village_code=str(claim["village_code"]),
        village_name=claim.get("village_name"),
        district_name=claim.get("district_name"),
        event_date=claim["event_date"],
        reported_date=claim["reported_date"],
        death_certificate_no=claim.get("death_certificate_no"),
        dtsen_decile=claim.get("dtsen_decile"),
        accident_is_traffic=bool(claim.get("accident_is_traffic")),
        verified_on=state.verified_on,
        completed_on=state.completed_on,
        deadline=state.deadline,
        days_left=state.days_left(today, rules),
        overdue=state.is_overdue(today, rules),
        due_soon=state.is_due_soon(today, rules),
        heirs=heirs,
        documents=documents,
        missing=state.missing,
        amount=amount_of(file, override=stored_override(claim)),
        amount_approved=int(claim.get("amount_approved") or 0),
        amount_paid=int(claim.get("amount_paid") or 0),
        flags=tuple(FlagDetail(flag.code, flag.message, flag.finding) for flag in still_open),
        timeline=tuple(timeline),
        allowed_steps=allowed_steps(file.kind, state.status, actor.role),
        days_off=claim.get("days_off"),
        payee_missing=file.kind.is_death and file.payee_missing,
        clock_days=rules.days,
        working_days=rules.count is DayCount.WORKING,
    )
