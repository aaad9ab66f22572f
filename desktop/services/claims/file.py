"""One claim's file as the rules read it, and the columns derived from it.

:func:`load_file` reads a claim's row, its worker, events, heirs, documents and flag
clearances once (in the caller's connection or transaction); :func:`derive` turns them
into the ``claim`` row's derived columns (status, verified_on, completed_on, deadline,
flags_open, flag_codes) through the domain's pure rules. The service writes those columns
after every change of the file, so the list reads them without recomputing.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Connection, func, select

from desktop.domain.benefits import SchoolLevel
from desktop.domain.calendar import Holidays
from desktop.domain.claim_amounts import AmountOverride, ClaimAmount, claim_amount
from desktop.domain.claim_flags import ClaimFlag, claim_flags, open_flags
from desktop.domain.claim_rules import ClaimFacts, ClaimSubject
from desktop.domain.claim_state import ClaimState, ClockRules, clock_rules, derive_claim_state
from desktop.domain.claims import FINAL_STATUSES, ClaimEventView, ClaimKind, ClaimStatus
from desktop.domain.documents import DocumentItem, DocumentState
from desktop.domain.findings import DomainError
from desktop.domain.heirs import HeirView, Relationship, document_conditions, payee_of
from desktop.domain.settings import (
    CLAIM_DEADLINE_DAYS,
    CLAIM_EARLY_DEATH_DAYS,
    CLAIM_WORKING_DAYS,
    parse_setting,
)
from desktop.services.claims.errors import not_found
from desktop.store import claims as store
from desktop.store import models, queries
from desktop.store import workers as worker_store
from desktop.store.unit_of_work import table_of

LOG = table_of(models.ChangeLog)

# The derived columns of ``claim`` the service keeps up to date.
DERIVED_COLUMNS = (
    "status",
    "verified_on",
    "completed_on",
    "deadline",
    "flags_open",
    "flag_codes",
)


@dataclass(frozen=True)
class OfficeContext:
    """What every rule needs of the office: its kind and area, the paying regency, the
    settings and the holiday list."""

    kind: str
    region: str
    regency_code: str
    settings: dict[str, str]
    holidays: Holidays

    @property
    def is_hub(self) -> bool:
        """True at the regency's hub."""
        return self.kind == "hub"


def office_context(conn: Connection) -> OfficeContext:
    """The office's context, read once per use case."""
    state = queries.local_state(conn)
    if state is None:
        raise RuntimeError("database has no local state; run init first")
    return OfficeContext(
        kind=str(state["office_kind"]),
        region=str(state["office_region"]),
        regency_code=str(state["regency_code"]),
        settings=queries.settings(conn),
        holidays=store.holidays(conn),
    )


def _programmes(text: str | None) -> frozenset[str] | None:
    if text is None:
        return None
    return frozenset(p.strip().lower() for p in text.split(",") if p.strip())


def subject_of(claim: dict[str, Any], worker: dict[str, Any] | None) -> ClaimSubject:
    """The person claimed for, from the claim's subject columns and its worker's coverage."""
    if worker is None:
        return ClaimSubject(
            nik=str(claim.get("subject_nik") or ""),
            name=str(claim.get("subject_name") or ""),
            birth_date=claim.get("subject_birth_date"),
            village_code=str(claim["village_code"]),
            kk=claim.get("subject_kk"),
            dtsen_decile=claim.get("dtsen_decile"),
        )
    left = worker.get("status") == "nonaktif"
    return ClaimSubject(
        nik=str(claim.get("subject_nik") or worker["nik"]),
        name=str(claim.get("subject_name") or worker["name"]),
        birth_date=claim.get("subject_birth_date") or worker.get("birth_date"),
        village_code=str(claim["village_code"]),
        worker_id=str(worker["id"]),
        kk=claim.get("subject_kk") or worker.get("kk"),
        coverage_start=worker.get("coverage_start"),
        coverage_end=worker.get("coverage_end"),
        exit_date=worker.get("coverage_end") if left else None,
        programmes=_programmes(worker.get("programmes")),
        dtsen_decile=claim.get("dtsen_decile"),
    )


def worker_subject(worker: Mapping[str, Any]) -> dict[str, Any]:
    """The claim's subject columns of a roster worker's claim, copied from the worker."""
    return {
        "subject_nik": worker["nik"],
        "subject_name": worker["name"],
        "subject_name_key": worker["name_key"],
        "subject_birth_date": worker["birth_date"],
        "subject_kk": worker.get("kk"),
    }


def _day(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def event_view(row: dict[str, Any]) -> ClaimEventView:
    """A stored event as the derivation reads it (its ``on`` and ``role`` from its data)."""
    data = store.event_data(row)
    at = row["at"]
    if isinstance(at, datetime) and at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    role = data.get("role")
    return ClaimEventView(
        status=ClaimStatus(row["status"]),
        at=at,
        key=str(row["id"]),
        on=_day(data.get("on")),
        role=str(role) if isinstance(role, str) else None,
    )


def heir_view(row: dict[str, Any]) -> HeirView:
    """A stored heir as the rules read it."""
    return HeirView(
        name=str(row["name"]),
        relationship=str(row["relationship"]),
        nik=row.get("nik"),
        is_payee=bool(row["is_payee"]),
        bank_account=row.get("bank_account"),
        key=str(row["id"]),
    )


def document_state(row: dict[str, Any]) -> DocumentState | None:
    """A stored checklist row as the rules read it (None for an item this Sigap does not
    know); received only with its day."""
    try:
        item = DocumentItem(row["item"])
    except ValueError:
        return None
    day = row.get("received_on") if row.get("received") else None
    return DocumentState(item, day, row.get("note"))


@dataclass(frozen=True)
class ClaimFile:
    """Everything stored about one claim, read at once."""

    claim: dict[str, Any]
    worker: dict[str, Any] | None
    events: tuple[dict[str, Any], ...]
    heirs: tuple[dict[str, Any], ...]
    documents: tuple[dict[str, Any], ...]
    office: OfficeContext

    @property
    def id(self) -> str:
        """The claim's id."""
        return str(self.claim["id"])

    @property
    def kind(self) -> ClaimKind:
        """The claim's kind."""
        return ClaimKind(self.claim["kind"])

    @property
    def subject(self) -> ClaimSubject:
        """The person claimed for."""
        return subject_of(self.claim, self.worker)

    @property
    def facts(self) -> ClaimFacts:
        """What is claimed, and when it was filed."""
        return ClaimFacts(self.kind, self.claim["event_date"], self.claim["reported_date"])

    @property
    def heir_views(self) -> tuple[HeirView, ...]:
        """The heirs as the rules read them."""
        return tuple(heir_view(row) for row in self.heirs)

    @property
    def payee_missing(self) -> bool:
        """True while no heir is recorded as the payee with an account."""
        payee = payee_of(self.heir_views)
        return payee is None or not payee.bank_account

    @property
    def document_states(self) -> tuple[DocumentState, ...]:
        """The checklist as the rules read it."""
        return tuple(s for s in map(document_state, self.documents) if s is not None)

    @property
    def clock(self) -> ClockRules:
        """How this claim's deadline is counted."""
        return clock_rules(
            self.kind,
            self.claim["event_date"],
            self.office.regency_code,
            self.office.settings,
            self.office.holidays,
        )

    def state(self) -> ClaimState:
        """The claim's state from its events and documents."""
        conditions = document_conditions(
            self.heir_views, traffic_accident=bool(self.claim.get("accident_is_traffic"))
        )
        return derive_claim_state(
            self.kind,
            (event_view(row) for row in self.events),
            self.document_states,
            self.clock,
            conditions=conditions,
        )

    @property
    def status(self) -> ClaimStatus:
        """The status derived from the events."""
        return self.state().status


def load_file(conn: Connection, claim_id: str, office: OfficeContext | None = None) -> ClaimFile:
    """The claim's file; DomainError when there is no such live claim."""
    claim = store.claim_by_id(conn, claim_id)
    if claim is None or claim["deleted"]:
        raise not_found()
    return file_of(conn, claim, office)


def file_of(
    conn: Connection, claim: dict[str, Any], office: OfficeContext | None = None
) -> ClaimFile:
    """The file of a live claim row already read (:func:`desktop.store.claims.claim_by_id`)."""
    claim_id = str(claim["id"])
    worker = None
    if claim.get("worker_id"):
        worker = worker_store.worker_by_id(conn, str(claim["worker_id"]))
    return ClaimFile(
        claim=claim,
        worker=worker,
        events=tuple(store.events_of(conn, claim_id)),
        heirs=tuple(store.heirs_of(conn, claim_id)),
        documents=tuple(store.documents_of(conn, claim_id)),
        office=office or office_context(conn),
    )


def flags_of(
    conn: Connection, file: ClaimFile
) -> tuple[tuple[ClaimFlag, ...], tuple[ClaimFlag, ...]]:
    """(every flag the claim raises now, the ones still open after the clearances)."""
    heirs = file.heir_views
    payee = payee_of(heirs)
    others = store.payee_accounts(conn, [payee.account_digits]) if payee is not None else []
    raised = claim_flags(
        file.subject,
        file.facts,
        heirs,
        claim_id=file.id,
        other_payees=others,
        regency_code=file.office.regency_code,
        early_death_days=parse_setting(CLAIM_EARLY_DEATH_DAYS, file.office.settings),
    )
    return raised, open_flags(raised, store.clearances_of(conn, file.id))


# Flags a kecamatan laptop cannot judge alone: the claims sharing a payee account may be
# another kecamatan's, which only the hub holds. A laptop keeps the hub's word on it.
HUB_JUDGED_FLAGS = frozenset({"flag.shared_account"})


def derive(conn: Connection, file: ClaimFile) -> dict[str, Any]:
    """The claim's derived columns now (:data:`DERIVED_COLUMNS`).

    On a kecamatan laptop a flag of :data:`HUB_JUDGED_FLAGS` the stored row carries (the
    hub raised it) stays until the hub derives it away: the laptop sees too few claims to
    lower it, and lowering it would undo the hub's judgment at every edit.
    """
    state = file.state()
    _raised, still_open = flags_of(conn, file)
    codes = [flag.code for flag in still_open]
    if not file.office.is_hub:
        stored = set((file.claim.get("flag_codes") or "").split(","))
        codes.extend(sorted((stored & HUB_JUDGED_FLAGS) - set(codes)))
    return {
        "status": state.status.value,
        "verified_on": state.verified_on,
        "completed_on": state.completed_on,
        "deadline": state.deadline,
        "flags_open": len(codes),
        "flag_codes": ",".join(sorted(set(codes))) or None,
    }


_CHILD_TABLES = (
    models.ClaimEvent,
    models.Heir,
    models.ClaimDocument,
    models.ClaimFlagClearance,
)


def change_mark(conn: Connection) -> int:
    """The change log's last local number: what a later :func:`claims_changed_since`
    counts from."""
    value = conn.execute(select(func.max(LOG.c.local_seq))).scalar()
    return int(value or 0)


def claims_changed_since(conn: Connection, mark: int) -> set[str]:
    """The claims whose file changed in the change log after *mark* (the claim row, its
    events, heirs, documents or flag clearances, by whoever: a sync merge's changes too),
    and the claims paid to an account a changed heir holds (their shared-account flag); every
    running claim when a setting of :data:`CLOCK_SETTINGS` changed, or the holiday list while
    deadlines are counted in working days.

    One pass over the change log after *mark* (a merge of 120,000 workers leaves that many
    entries), then the few changed rows by id."""
    holiday, setting = table_of(models.Holiday), table_of(models.Setting)
    wanted = ("claim", *(table_of(m).name for m in _CHILD_TABLES), holiday.name, setting.name)
    changed: dict[str, set[str]] = {}
    for name, row_id in conn.execute(
        select(LOG.c.table_name, LOG.c.row_id).where(
            LOG.c.local_seq > mark, LOG.c.table_name.in_(wanted)
        )
    ):
        changed.setdefault(str(name), set()).add(str(row_id))
    found = set(changed.get("claim", ()))
    accounts: set[str] = set()
    for model in _CHILD_TABLES:
        table = table_of(model)
        columns = [table.c.claim_id]
        if model is models.Heir:
            columns.append(table.c.bank_account)
        for ids in _chunks(changed.get(table.name, ())):
            for row in conn.execute(select(*columns).where(table.c.id.in_(ids))):
                found.add(str(row[0]))
                if len(row) > 1 and row[1]:
                    accounts.add(str(row[1]))
    found.update(p.claim_id for p in store.payee_accounts(conn, accounts))
    # Holidays move deadlines counted in working days only (calendar days skip none).
    working = parse_setting(CLAIM_WORKING_DAYS, queries.settings(conn)) == 1
    clock = (working and bool(changed.get(holiday.name))) or any(
        conn.execute(
            select(setting.c.id).where(setting.c.id.in_(ids), setting.c.key.in_(CLOCK_SETTINGS))
        ).first()
        for ids in _chunks(changed.get(setting.name, ()))
    )
    if clock:
        found.update(running_claims(conn))
    return found


def _chunks(ids: Iterable[str], size: int = 500) -> Iterator[list[str]]:
    """*ids* in lists small enough for one IN (...)."""
    batch: list[str] = []
    for row_id in ids:
        batch.append(row_id)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


# The settings the derived columns are counted by (the clock, the early-death flag): a
# change recomputes every running claim.
CLOCK_SETTINGS = (CLAIM_WORKING_DAYS.key, CLAIM_DEADLINE_DAYS.key, CLAIM_EARLY_DEATH_DAYS.key)


def running_claims(conn: Connection) -> set[str]:
    """The live claims no step has ended (their clock still counts)."""
    claim = table_of(models.Claim)
    finals = sorted(status.value for status in FINAL_STATUSES)
    return {
        str(row_id)
        for (row_id,) in conn.execute(
            select(claim.c.id).where(claim.c.deleted.is_(False), claim.c.status.not_in(finals))
        )
    }


def contribution_months(start: date | None, until: date) -> int:
    """Whole months from *start* to *until* (0 without a start)."""
    if start is None or until < start:
        return 0
    months = (until.year - start.year) * 12 + until.month - start.month
    return months - (1 if until.day < start.day else 0)


def children_levels(heirs: Iterable[Mapping[str, Any]]) -> tuple[SchoolLevel, ...]:
    """The school levels of the child heirs who have one, in the order they were recorded
    (the JKM scholarship goes to the first two)."""
    children = sorted(
        (
            row
            for row in heirs
            if row.get("relationship") == Relationship.ANAK.value and row.get("school_level")
        ),
        key=lambda row: (str(row.get("created_at") or ""), str(row.get("id") or "")),
    )
    levels = []
    for row in children:
        try:
            levels.append(SchoolLevel(str(row["school_level"])))
        except ValueError:
            continue  # a level a newer Sigap knows: counted once this one knows it
    return tuple(levels)


def amount_of(file: ClaimFile, *, override: AmountOverride | None = None) -> ClaimAmount | None:
    """The claim's amount breakdown from its file: the worker's declared income and months
    of contributions, the child heirs' school levels (JKM scholarship), the days off (JKK
    STMB). None when the rules give none, such as a santunan with no rule set in force."""
    worker = file.worker or {}
    event_date: date = file.claim["event_date"]
    try:
        return claim_amount(
            file.kind,
            event_date,
            declared_income=worker.get("declared_income"),
            contribution_months=contribution_months(worker.get("coverage_start"), event_date),
            children_levels=children_levels(file.heirs),
            days_off=int(file.claim.get("days_off") or 0),
            regency_code=file.office.regency_code,
            override=override,
        )
    except DomainError:
        return None
