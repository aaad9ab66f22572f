"""A kecamatan's claim edit that arrives after the regency acted on the claim.

A laptop may change a claim's file (its particulars, heirs, documents) and take its own
steps while the file is with the kecamatan (desktop.domain.authority.WITH_KECAMATAN).
Offline for a week, it may do so while the regency, holding the paper file, verifies or
decides the same claim. Judged against the hub's state when the bundle arrives, such an
edit would look forbidden; it is judged instead by what the laptop knew when it made it,
as a worker edit made before the worker moved away is (desktop.sync.scope):

- :func:`seen_state`: the claim's status as the laptop saw it when it made a change: the
  claim row folded from the changes of the row the laptop knew of then (its version vector,
  the vectors of its own earlier changes of the claim, and what its last bundle said it
  held). An edit allowed in that state is honest, only late (*stale*); one the laptop made
  knowing the file had left it is refused like any other forgery.
- :func:`hold_stale`: a stale edit is stored (the hub holds every change a laptop sends, so
  the laptop's next bundle imports normally), but it does not overwrite the regency's file
  unseen: the hub writes, in the merge's transaction, a change of its own that puts back
  the values the regency had (a record the laptop added is put aside: tombstoned) and opens
  a conflict per field for the admin, who keeps the regency's value or takes the laptop's
  (desktop.services.sync.review). Claim events are facts: a stale step is kept as it came
  and the derivation (desktop.domain.claims.replay) skips it where it does not follow; only
  a stale step that would change the claim's status or verification day is put aside the
  same way, for the admin to count or not.

Every office folds the hub's hold like any other change, so all copies converge.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

import orjson
from sqlalchemy import Boolean, Connection

from desktop.domain.claim_state import derive_claim_state
from desktop.domain.claims import ClaimEventView, ClaimKind, ClaimStatus
from desktop.store import models
from desktop.store.claims import event_data
from desktop.store.hlc import HybridClock, vv_dumps, vv_loads, vv_merge
from desktop.store.ids import new_id
from desktop.store.unit_of_work import Actor, table_of
from desktop.sync.stamps import db_time

# The tables of a claim's file whose edits may arrive late.
CLAIM_FILE_TABLES: frozenset[str] = frozenset({"claim", "heir", "claim_document", "claim_event"})
# Claim columns derived from the file and the events (the claim service recomputes them):
# held with the rest, but no decision for the admin.
DERIVED_CLAIM_FIELDS: frozenset[str] = frozenset(
    {"status", "verified_on", "deadline", "completed_on", "flags_open", "flag_codes",
     "amount_proposed"}
)  # fmt: skip
# What an heir added late would be paid: shown to the admin with the decision to take it.
PAYMENT_FIELDS: tuple[str, ...] = ("is_payee", "bank_name", "bank_account", "account_holder")
# The audit action of the hub's hold (a conflict whose winner is such a change is settled
# as one decision for all its fields).
HOLD_ACTION = "sync.hold_stale"

_MODELS = {str(model.__tablename__): model for model in models.SYNCED_TABLES}


@dataclass(frozen=True)
class StaleChange:
    """A fresh change of a claim's file, allowed in the state the laptop saw, not now."""

    table_name: str
    row_id: str
    device: str
    seq: int
    claim_id: str
    fields: Mapping[str, Any] = field(default_factory=dict)  # name -> new value

    @property
    def ref(self) -> str:
        return f"{self.device}:{self.seq}"


# ---- what the laptop knew ------------------------------------------------------------------


@dataclass(frozen=True)
class _ClaimChange:
    device: str
    seq: int
    vv: Mapping[str, int]
    hlc: str
    audit_id: str
    status: object  # the status it set (_UNSET when it set none)


_UNSET = object()


class Knowledge:
    """What a sending laptop knew of its claims when it made each of its changes."""

    def __init__(self, conn: Connection, sender: str) -> None:
        self._conn = conn
        self._sender = sender
        text = conn.exec_driver_sql(
            "SELECT acknowledged_vv FROM device WHERE id = ?", (sender,)
        ).scalar()
        self._held = vv_loads(str(text)) if text else {}
        self._claims: dict[str, list[_ClaimChange]] = {}

    def _changes(self, claim_id: str) -> list[_ClaimChange]:
        found = self._claims.get(claim_id)
        if found is not None:
            return found
        found = []
        for device, seq, fields, vv, hlc, audit in self._conn.exec_driver_sql(
            "SELECT device_id, device_seq, fields, vv, hlc, audit_id FROM change_log "
            "WHERE table_name = 'claim' AND row_id = ? "
            "UNION ALL SELECT device_id, device_seq, fields, vv, hlc, audit_id FROM stage.fresh "
            "WHERE table_name = 'claim' AND row_id = ?",
            (claim_id, claim_id),
        ):
            values = orjson.loads(fields)
            pair = values.get("status")
            status = pair[1] if isinstance(pair, list) and len(pair) == 2 else _UNSET
            found.append(
                _ClaimChange(str(device), int(seq), vv_loads(str(vv)), str(hlc), str(audit), status)
            )
        self._claims[claim_id] = found
        return found

    def seen_state(self, claim_id: str, seq: int, vv: Mapping[str, int], audit_id: str) -> object:
        """The claim's status as the sender saw it just before its change *seq* (made in the
        unit of work *audit_id*, the changed row then at *vv*); None when it knew of no
        change of the claim row (it cannot be shown to have known more than nothing)."""
        changes = self._changes(claim_id)
        known = dict(vv)
        for change in changes:
            if change.device == self._sender and (change.seq < seq or change.audit_id == audit_id):
                known = vv_merge(known, change.vv)
        if seq > self._held.get(self._sender, 0):
            # Made after its last bundle: it held then what that bundle said it held.
            known = vv_merge(known, self._held)
        setters = [
            c
            for c in changes
            if c.status is not _UNSET
            and c.audit_id != audit_id
            and known.get(c.device, 0) >= c.seq
        ]
        heads = [
            c
            for c in setters
            if not any(o is not c and o.vv.get(c.device, 0) >= c.seq for o in setters)
        ]
        if not heads:
            return None
        return max(heads, key=lambda c: (c.hlc, c.device)).status


# ---- before the merge: the regency's values ------------------------------------------------


def rows_before(
    conn: Connection, stale: Sequence[StaleChange]
) -> dict[tuple[str, str], dict[str, Any]]:
    """The rows the stale changes touch, as the hub holds them before the merge (a row the
    bundle creates is absent)."""
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for change in stale:
        key = (change.table_name, change.row_id)
        if key in found:
            continue
        row = _row(conn, change.table_name, change.row_id)
        if row is not None:
            found[key] = row
    return found


# ---- after the merge: the hold -------------------------------------------------------------


class _HubWrites:
    """The hub's own logged writes inside the merge's transaction (the unit of work opens a
    transaction of its own): sequence numbers, clock stamps, change log, one audit entry."""

    def __init__(self, conn: Connection, device: str, actor: Actor, now: datetime) -> None:
        self._conn = conn
        self._device = device
        self._actor = actor
        self._now = db_time(now)
        state = conn.exec_driver_sql(
            "SELECT device_seq, hlc_ms, hlc_counter FROM local_state"
        ).one()
        self._seq = int(state[0])
        self._clock = HybridClock(int(state[1]), int(state[2]))
        self.audit_id = new_id()
        self.count = 0

    def write(
        self,
        table: str,
        row_id: str,
        op: str,
        logged: Mapping[str, tuple[Any, Any]],
        stored: Mapping[str, Any],
    ) -> str:
        """Log one change of the hub and write its values; return its reference."""
        conn = self._conn
        self._seq += 1
        stamp = self._clock.now().encode()
        text = conn.exec_driver_sql(f"SELECT vv FROM {table} WHERE id = ?", (row_id,)).scalar()
        vector = vv_loads(str(text)) if text else {}
        vector[self._device] = self._seq
        vv = vv_dumps(vector)
        conn.exec_driver_sql(
            "INSERT INTO change_log (device_id, device_seq, table_name, row_id, op, fields, vv, "
            "hlc, user_id, audit_id, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                self._device,
                self._seq,
                table,
                row_id,
                op,
                orjson.dumps({k: [old, new] for k, (old, new) in logged.items()}).decode(),
                vv,
                stamp,
                self._actor.user_id,
                self.audit_id,
                self._now,
            ),
        )
        sets = ", ".join(f"{name} = ?" for name in stored)
        conn.exec_driver_sql(
            f"UPDATE {table} SET {sets}, updated_at = ?, hlc = ?, origin_device = ?, vv = ? "
            "WHERE id = ?",
            (*stored.values(), self._now, stamp, self._device, vv, row_id),
        )
        self.count += 1
        return f"{self._device}:{self._seq}"

    def finish(self, summary: str) -> None:
        if not self.count:
            return
        actor = self._actor
        self._conn.exec_driver_sql(
            "INSERT INTO audit_entry (id, at, user_id, username, role, device_id, action, "
            "summary, change_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                self.audit_id,
                self._now,
                actor.user_id,
                actor.username,
                actor.role,
                self._device,
                HOLD_ACTION,
                summary[:1000],
                self.count,
            ),
        )
        self._conn.exec_driver_sql(
            "UPDATE local_state SET device_seq = ?, hlc_ms = ?, hlc_counter = ?",
            (self._seq, self._clock.ms, self._clock.counter),
        )


def _logged_value(table: str, name: str, value: Any) -> Any:
    """A stored value as the change log keeps it (booleans as such)."""
    if value is None:
        return None
    if name == "deleted":
        return bool(value)
    column = table_of(_MODELS[table]).c.get(name)
    if column is not None and isinstance(column.type, Boolean):
        return bool(value)
    return value


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, bool | int) and isinstance(b, bool | int):
        return int(a) == int(b)
    return bool(a == b)


def hold_stale(
    conn: Connection,
    stale: Sequence[StaleChange],
    before: Mapping[tuple[str, str], Mapping[str, Any]],
    *,
    device: str,
    actor: Actor,
    now: datetime,
) -> tuple[int, int]:
    """Put back the regency's values over the merged stale changes and open a conflict per
    field for the admin; return (how many records were held, how many conflicts opened)."""
    by_row: dict[tuple[str, str], list[StaleChange]] = {}
    for change in stale:
        by_row.setdefault((change.table_name, change.row_id), []).append(change)
    counted = _events_that_count(conn, [c for c in stale if c.table_name == "claim_event"])
    writes = _HubWrites(conn, device, actor, now)
    conflicts: list[tuple[Any, ...]] = []
    claims: set[str] = set()
    for (table, row_id), changes in by_row.items():
        if table == "claim":
            _settle_derived(conn, row_id, changes, actor, now)
        if table == "claim_event" and row_id not in counted:
            continue  # a late step the derivation skips, or that changes nothing: a fact
        current = _row(conn, table, row_id)
        if current is None:
            continue  # its insert has not arrived yet
        prior = before.get((table, row_id))
        if prior is None or table == "claim_event":
            restore = {"deleted": True}
        else:
            names = {name for c in changes for name in c.fields} | {"deleted"}
            restore = {n: prior[n] for n in sorted(names) if n in prior and n in current}
        restore = {n: v for n, v in restore.items() if not _same(current[n], v)}
        if not restore:
            continue
        logged = {
            n: (_logged_value(table, n, current[n]), _logged_value(table, n, v))
            for n, v in restore.items()
        }
        op = "delete" if restore == {"deleted": True} else "update"
        stored = {n: int(v) if isinstance(v, bool) else v for n, v in restore.items()}
        ref = writes.write(table, row_id, op, logged, stored)
        claims.update(c.claim_id for c in changes)
        # The hold follows every change of these fields: conflicts the fold left open on
        # them are settled by it (the admin decides the hold's conflicts instead).
        marks = ", ".join("?" for _ in restore)
        conn.exec_driver_sql(
            "UPDATE conflict SET resolved_at = ?, resolved_by = ? WHERE resolved_at IS NULL "
            f"AND table_name = ? AND row_id = ? AND field IN ({marks})",
            (db_time(now), actor.user_id, table, row_id, *restore),
        )
        shown = dict(logged)
        if prior is None and table == "heir":
            # An heir the laptop added is one decision (its "deleted"); the payment it would
            # receive is shown with it, so that nobody takes a payee and account unseen.
            for name in PAYMENT_FIELDS:
                laptop = _laptop_side(changes, name)
                if laptop is not None and laptop[1] not in (None, "", False):
                    shown[name] = (laptop[1], _empty(table, name))
        for name, (_old, kept) in shown.items():
            if table == "claim" and name in DERIVED_CLAIM_FIELDS:
                continue
            laptop = _laptop_side(changes, name)
            if laptop is None:
                continue
            sent, value = laptop
            base = kept if prior is not None or name != "deleted" else True
            conflicts.append(
                (
                    new_id(),
                    table,
                    row_id,
                    name,
                    _json(base),
                    _json(kept),
                    _json(value),
                    ref,
                    sent.ref,
                    db_time(now),
                )
            )
    writes.finish(
        f"Perubahan kecamatan atas {len(claims)} klaim yang sudah di kantor kabupaten ditahan "
        f"untuk diputuskan admin ({len(conflicts)} konflik)"
    )
    if conflicts:
        conn.exec_driver_sql(
            "INSERT INTO conflict (id, table_name, row_id, field, base_value, "
            "winner_value, loser_value, winner_change, loser_change, detected_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (row_id, field, winner_change, loser_change) "
            "DO UPDATE SET resolved_at = NULL, resolved_by = NULL",
            conflicts,
        )
    return writes.count, len(conflicts)


def _settle_derived(
    conn: Connection,
    claim_id: str,
    changes: Sequence[StaleChange],
    actor: Actor,
    now: datetime,
) -> None:
    """The fold's conflicts between a late change and the regency's on a claim's derived
    columns (its status from a late step ...) are no decision: the claim service derives
    them from the merged events and file."""
    refs = [c.ref for c in changes]
    names = sorted(DERIVED_CLAIM_FIELDS)
    conn.exec_driver_sql(
        "UPDATE conflict SET resolved_at = ?, resolved_by = ? WHERE resolved_at IS NULL "
        f"AND table_name = 'claim' AND row_id = ? AND field IN ({', '.join('?' for _ in names)}) "
        f"AND (winner_change IN ({', '.join('?' for _ in refs)}) "
        f"OR loser_change IN ({', '.join('?' for _ in refs)}))",
        (db_time(now), actor.user_id, claim_id, *names, *refs, *refs),
    )


def _laptop_side(changes: Sequence[StaleChange], name: str) -> tuple[StaleChange, Any] | None:
    """The laptop's latest stale change of *name* and the value it wrote (for a record it
    added or a step it took: the record alive)."""
    if name == "deleted":
        writers = [c for c in changes if "deleted" in c.fields]
        if not writers:
            return max(changes, key=lambda c: c.seq), False
    else:
        writers = [c for c in changes if name in c.fields]
        if not writers:
            return None
    latest = max(writers, key=lambda c: c.seq)
    return latest, _logged_value(latest.table_name, name, latest.fields[name])


def _empty(table: str, name: str) -> Any:
    """A field's value on a record that is not there (the regency's side of an heir the
    laptop added): false for a flag, else nothing."""
    return _logged_value(table, name, False) if name == "is_payee" else None


def _row(conn: Connection, table: str, row_id: str) -> dict[str, Any] | None:
    cursor = conn.exec_driver_sql(f"SELECT * FROM {table} WHERE id = ?", (row_id,))
    row = cursor.first()
    return None if row is None else dict(zip(cursor.keys(), row, strict=True))


def _json(value: Any) -> str | None:
    return None if value is None else orjson.dumps(value).decode()


# ---- late steps --------------------------------------------------------------------------


def _events_that_count(conn: Connection, events: Sequence[StaleChange]) -> set[str]:
    """The stale steps to put aside: those of a claim whose status or verification day they
    change (counted with them, the claim is not what the regency made it)."""
    by_claim: dict[str, set[str]] = {}
    for event in events:
        by_claim.setdefault(event.claim_id, set()).add(event.row_id)
    held: set[str] = set()
    for claim_id, ids in by_claim.items():
        kind = conn.exec_driver_sql("SELECT kind FROM claim WHERE id = ?", (claim_id,)).scalar()
        try:
            claim_kind = ClaimKind(str(kind))
        except ValueError:
            continue
        views = list(_event_views(conn, claim_id))
        with_them = derive_claim_state(claim_kind, views)
        without = derive_claim_state(claim_kind, [v for v in views if v.key not in ids])
        if (with_them.status, with_them.verified_on) != (without.status, without.verified_on):
            held |= ids
    return held


def _event_views(conn: Connection, claim_id: str) -> Iterable[ClaimEventView]:
    for event_id, status, at, data in conn.exec_driver_sql(
        "SELECT id, status, at, data FROM claim_event WHERE claim_id = ? AND deleted = 0",
        (claim_id,),
    ):
        try:
            moment = datetime.fromisoformat(str(at))
            step = ClaimStatus(str(status))
        except ValueError:
            continue
        details = event_data({"data": data})
        on = details.get("on")
        role = details.get("role")
        yield ClaimEventView(
            status=step,
            at=moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC),
            key=str(event_id),
            on=_day(on),
            role=str(role) if isinstance(role, str) else None,
        )


def _day(value: object) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None
