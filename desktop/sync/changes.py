"""What a bundle carries: change-log entries and audit entries, chosen for one receiver.

A change travels exactly as the sender's change log stores it (driver-level text), so a
relayed change arrives byte for byte as its author wrote it, and the receiver can tell a
replay (same id, same content) from an alarm (same id, different content).

Which changes go to a receiver: every change the receiver has not acknowledged (its version
vector, sent back in each of its bundles) whose row is in the receiver's scope. The hub's
scope is everything; a kecamatan's is its own workers and claims plus the shared tables
(regions, settings, holidays, coverage targets) and the accounts of its office and the hub.
A claim is the kecamatan's by its village or by its worker's kecamatan; a claim without a
worker (a santunan kematian for a resident outside the roster) by its village alone. A row
that moves into a kecamatan's scope travels with its whole history, so the receiver can
build it, and so do the rows hanging off it (a worker's claims, a claim's events, heirs,
documents, flag clearances and letters). A claim of the kecamatan brings its worker into the
scope even when the worker lives elsewhere (moved away, or merged into a record of another
kecamatan): the claim points to it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import orjson
from sqlalchemy import Connection

from desktop.store import models
from desktop.store.columns import COLUMN_SPECS
from desktop.store.hlc import VersionVector, vv_merge

CHANGE_FIELDS = (
    "device_id",
    "device_seq",
    "table_name",
    "row_id",
    "op",
    "fields",
    "vv",
    "hlc",
    "user_id",
    "audit_id",
    "recorded_at",
)
AUDIT_FIELDS = (
    "id",
    "at",
    "user_id",
    "username",
    "role",
    "device_id",
    "action",
    "summary",
    "change_count",
)
CHANGE_KIND = "c"
AUDIT_KIND = "a"

# Tables every office holds whole.
SHARED_TABLES = frozenset({"region", "setting", "holiday", "coverage_target"})
# Tables that hang off a claim.
CLAIM_CHILDREN = frozenset(
    {"claim_event", "heir", "claim_document", "claim_flag_clearance", "letter"}
)
# The column that puts a row of a table into a kecamatan's scope.
SCOPE_COLUMNS = {"worker": "district_code", "claim": "village_code"}
# The columns whose change can bring a row into a kecamatan's scope: a claim is in it by its
# village or by its worker's kecamatan, so a claim given to another worker (a merged
# duplicate) can move in too.
MOVE_COLUMNS = {"worker": ("district_code",), "claim": ("village_code", "worker_id")}


class RecordError(ValueError):
    """A payload record that is not a well-formed change or audit entry."""


class ValueRefused(RecordError):
    """A change sets a column to a value of the wrong type or beyond its limits."""

    def __init__(self, table: str, row_id: str, column: str, expected: str) -> None:
        super().__init__(f"{table}.{column} of {row_id[-8:]}: not {expected}")
        self.table = table
        self.row_id = row_id
        self.column = column
        self.expected = expected


@dataclass(frozen=True)
class Scope:
    """What one office holds: everything (the hub) or one kecamatan (district code)."""

    district: str | None = None
    hub_region: str | None = None

    @property
    def is_everything(self) -> bool:
        """True for the hub, which holds every row of the regency."""
        return self.district is None

    def label(self) -> str:
        """A short text for manifests and logs."""
        return "*" if self.district is None else self.district


def encode_change(row: tuple[Any, ...]) -> bytes:
    """Encode one change-log row (in :data:`CHANGE_FIELDS` order) as a payload record.

    Its fields and version vector go in as JSON objects, not as strings holding JSON: the
    receiver then parses each record once, and what it stores is what it parsed.
    """
    fields, vector = row[5], row[6]
    return orjson.dumps(
        [CHANGE_KIND, *row[:5], orjson.Fragment(fields), orjson.Fragment(vector), *row[7:]]
    )


def encode_audit(row: tuple[Any, ...]) -> bytes:
    """Encode one audit entry (in :data:`AUDIT_FIELDS` order) as a payload record."""
    return orjson.dumps([AUDIT_KIND, *row])


_CHANGE_TYPES: tuple[tuple[type, ...], ...] = (
    (str,),
    (int,),
    (str,),
    (str,),
    (str,),
    (dict,),
    (dict,),
    (str,),
    (str,),
    (str,),
    (str,),
)
_AUDIT_TYPES: tuple[tuple[type, ...], ...] = (
    (str,),
    (str,),
    (str,),
    (str,),
    (str,),
    (str,),
    (str,),
    (str,),
    (int,),
)


# The exact Python types of a whole record, kind first (``bool`` is not ``int`` here).
_CHANGE_SIGNATURE = (str, *(t for (t,) in _CHANGE_TYPES))
_AUDIT_SIGNATURE = (str, *(t for (t,) in _AUDIT_TYPES))
_OPERATIONS = frozenset({"insert", "update", "delete"})
# The fields a change may set, per synced table: its columns but the row's own bookkeeping
# (``deleted`` is set by inserts, deletes and settlements like any field).
_CHANGE_COLUMNS: dict[str, frozenset[str]] = {
    str(table.__tablename__): frozenset(
        column.name
        for column in table.__table__.columns  # type: ignore[attr-defined]
        if column.name not in models.SYNC_COLUMNS or column.name == "deleted"
    )
    for table in models.SYNCED_TABLES
}
_AUDIT_SPECS = tuple(COLUMN_SPECS["audit_entry"][name] for name in AUDIT_FIELDS)

_SORTED = orjson.OPT_SORT_KEYS
_LIST: frozenset[type] = frozenset({list})
_TWO = frozenset({2})
_INT: frozenset[type] = frozenset({int})


def decode_record(data: bytes) -> tuple[str, tuple[Any, ...]]:
    """Decode a payload record into its kind and its values, checking every type.

    Runs once per record of a bundle (a hundred thousand and more), so the types are
    compared as one tuple rather than value by value.
    """
    try:
        value = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise RecordError("record is not JSON") from exc
    if type(value) is not list or not value:
        raise RecordError("record is not a list")
    kind = value[0]
    signature = tuple(map(type, value))
    if kind == CHANGE_KIND:
        if signature != _CHANGE_SIGNATURE:
            raise RecordError("record value has the wrong type or count")
        if value[5] not in _OPERATIONS or value[2] < 1:
            raise RecordError("change has a bad operation or sequence number")
        value[6], value[7] = _change_json(value[3], value[6], value[7], row_id=value[4])
    elif kind == AUDIT_KIND:
        if signature != _AUDIT_SIGNATURE:
            raise RecordError("record value has the wrong type or count")
        for name, spec, field_value in zip(AUDIT_FIELDS, _AUDIT_SPECS, value[1:], strict=True):
            if not spec.accepts(field_value):
                raise ValueRefused("audit_entry", str(value[1]), name, spec.expected())
    else:
        raise RecordError("unknown record kind")
    return kind, tuple(value[1:])


def _change_json(
    table: str, fields: dict[str, Any], vector: dict[str, Any], *, row_id: str = ""
) -> tuple[str, str]:
    """Check a change's fields (known columns to [old, new] pairs) and version vector
    (positive integers), and write both as the change log holds them.

    Written here from what was parsed, so SQLite's JSON functions (the write-scope check,
    the fast path for new rows) and ``orjson`` (the fold) read the same values: a sender's
    duplicate keys or escaped key names cannot make them disagree.
    """
    columns = _CHANGE_COLUMNS.get(table)
    if columns is None:
        raise RecordError("change of a table that does not sync")
    # set(map(...)) rather than value by value: a bundle has a hundred thousand changes of
    # some twenty fields each.
    values = fields.values()
    if (
        not fields.keys() <= columns
        or not set(map(type, values)) <= _LIST
        or not set(map(len, values)) <= _TWO
    ):
        raise RecordError("change fields are not a change log's")
    specs = COLUMN_SPECS[table]
    for name, (old, new) in fields.items():
        spec = specs[name]
        if not spec.accepts(new) or (old is not None and not spec.accepts(old)):
            raise ValueRefused(table, row_id, name, spec.expected())
    seqs = vector.values()
    if not set(map(type, seqs)) <= _INT or (vector and min(seqs) < 1):
        raise RecordError("change version vector is not a change log's")
    try:
        return orjson.dumps(fields).decode(), orjson.dumps(vector, option=_SORTED).decode()
    except orjson.JSONEncodeError as exc:  # an integer beyond 64 bits, nested too deep
        raise RecordError("change values cannot be stored") from exc


# ---- version vectors ---------------------------------------------------------------------


def ack_vector(
    conn: Connection, own_device: str, own_seq: int, *, hub: bool = False
) -> VersionVector:
    """What this office is sure to hold: its own changes and every peer's watermark.

    At the *hub*, never above what its change log holds (a watermark poisoned by an older
    Sigap heals). A laptop holds only its scope of the network and trusts the hub's word
    for the rest; only its own entry is capped there.
    """
    vector: VersionVector = {own_device: own_seq} if own_seq else {}
    for (text,) in conn.exec_driver_sql("SELECT watermark_vv FROM device"):
        vector = vv_merge(vector, orjson.loads(text or "{}"))
    if hub:
        return cap_vector(conn, vector, own_device, own_seq)
    if own_seq:
        vector[own_device] = own_seq
    else:
        vector.pop(own_device, None)
    return vector


def cap_vector(
    conn: Connection, vector: Mapping[str, int], own_device: str, own_seq: int
) -> VersionVector:
    """*vector* with each entry no higher than what this office holds of that device (its
    own at *own_seq*): a peer's claim never speaks for more than the change log holds."""
    capped: VersionVector = {}
    for device, seq in vector.items():
        if device == own_device:
            held = own_seq
        else:
            held = (
                conn.exec_driver_sql(
                    "SELECT max(device_seq) FROM change_log WHERE device_id = ?", (device,)
                ).scalar()
                or 0
            )
        if min(seq, held) > 0:
            capped[device] = min(seq, held)
    return capped


def dominated_by(small: Mapping[str, int], big: Mapping[str, int]) -> bool:
    """True when every entry of *small* is covered by *big*."""
    return all(seq <= big.get(device, 0) for device, seq in small.items())


# ---- choosing what to send ---------------------------------------------------------------


@dataclass
class Selection:
    """Counts of what :func:`select_changes` yielded, filled in as it runs."""

    changes: int = 0
    audits: int = 0
    per_table: dict[str, int] = field(default_factory=dict)
    ranges: dict[str, list[int]] = field(default_factory=dict)

    def _count(self, row: tuple[Any, ...]) -> None:
        self.changes += 1
        table = str(row[2])
        self.per_table[table] = self.per_table.get(table, 0) + 1
        device, seq = str(row[0]), int(row[1])
        span = self.ranges.get(device)
        if span is None:
            self.ranges[device] = [seq, seq]
        else:
            span[0] = min(span[0], seq)
            span[1] = max(span[1], seq)


_SELECT_CHANGES = f"SELECT {', '.join(CHANGE_FIELDS)} FROM change_log"


def _in_scope_ids(conn: Connection, scope: Scope) -> dict[str, frozenset[str]]:
    """Ids of the scoped tables' rows that are in a kecamatan's scope now."""
    district = scope.district
    assert district is not None
    workers = frozenset(
        row[0]
        for row in conn.exec_driver_sql(
            "SELECT id FROM worker WHERE district_code = ?", (district,)
        )
    )
    claims = frozenset(
        row[0]
        for row in conn.exec_driver_sql(
            "SELECT id FROM claim WHERE village_code LIKE ? OR worker_id IN "
            "(SELECT id FROM worker WHERE district_code = ?)",
            (district + ".%", district),
        )
    )
    children: set[str] = set()
    if claims:
        for table in ("claim_event", "heir", "claim_document", "claim_flag_clearance"):
            for row_id, claim_id in conn.exec_driver_sql(f"SELECT id, claim_id FROM {table}"):
                if claim_id in claims:
                    children.add(row_id)
        for row_id, claim_id in conn.exec_driver_sql("SELECT id, claim_id FROM letter"):
            if claim_id in claims:
                children.add(row_id)
    # The workers of those claims that live elsewhere (one who moved away, the record a
    # duplicate was merged into): a claim cannot be held without its worker. A claim without
    # a worker has none to bring.
    parents = frozenset(
        row[0]
        for row in conn.exec_driver_sql(
            "SELECT DISTINCT worker_id FROM claim WHERE village_code LIKE ? "
            "AND worker_id IS NOT NULL",
            (district + ".%",),
        )
        if row[0] not in workers
    )
    regions = {d for d in (district, scope.hub_region) if d}
    users = frozenset(
        row[0]
        for row in conn.exec_driver_sql("SELECT id, office_region FROM app_user")
        if row[1] in regions
    )
    return {
        "worker": workers | parents,
        "parents": parents,
        "claim": claims,
        "children": frozenset(children),
        "user": users,
    }


def _wanted(row: tuple[Any, ...], scope: Scope, ids: Mapping[str, frozenset[str]]) -> bool:
    table, row_id = str(row[2]), str(row[3])
    if table in SHARED_TABLES:
        return True
    if table == "worker":
        if row_id in ids["worker"]:
            return True
        # A worker moving out of the kecamatan: the receiver must learn that it left.
        return _touches_scope(row, "district_code", scope)
    if table == "claim":
        return row_id in ids["claim"] or _touches_scope(row, "village_code", scope)
    if table in CLAIM_CHILDREN:
        return row_id in ids["children"]
    if table == "app_user":
        return row_id in ids["user"]
    return False


def _touches_scope(row: tuple[Any, ...], column: str, scope: Scope) -> bool:
    text = str(row[5])
    if column not in text or scope.district is None:
        return False
    fields = orjson.loads(text)
    old_new = fields.get(column)
    if not isinstance(old_new, list):
        return False
    prefix = scope.district
    return any(isinstance(v, str) and (v == prefix or v.startswith(prefix + ".")) for v in old_new)


def _moved_in(row: tuple[Any, ...]) -> bool:
    """True for an update that changes a column that can put the row into a scope."""
    columns = MOVE_COLUMNS.get(str(row[2]), ())
    return row[4] == "update" and any(column in str(row[5]) for column in columns)


def _places_claim(row: tuple[Any, ...]) -> bool:
    """True for a claim change that gives the claim its worker or its village."""
    return str(row[2]) == "claim" and (
        row[4] == "insert" or any(column in str(row[5]) for column in MOVE_COLUMNS["claim"])
    )


def _parents_of(conn: Connection, claims: set[str], ids: Mapping[str, frozenset[str]]) -> set[str]:
    """The workers from elsewhere that these claims belong to (claims without a worker have
    none)."""
    return _found(
        conn,
        "SELECT worker_id FROM claim WHERE id IN ({}) AND worker_id IS NOT NULL",
        claims,
        ids["parents"],
    )


def _hanging_off(conn: Connection, moved: set[str], ids: Mapping[str, frozenset[str]]) -> set[str]:
    """The rows in scope that hang off rows that moved in: a worker's claims, a claim's
    events, heirs, documents and letters. They came into the scope with it, so the receiver
    needs their earlier changes too (their later ones are in scope and sent anyway)."""
    claims = set(moved & ids["claim"])
    claims |= _found(conn, "SELECT id FROM claim WHERE worker_id IN ({})", moved, ids["claim"])
    children: set[str] = set()
    for table in sorted(CLAIM_CHILDREN):
        sql = f"SELECT id FROM {table} WHERE claim_id IN ({{}})"
        children |= _found(conn, sql, claims, ids["children"])
    return (claims | children) - moved


def _found(conn: Connection, sql: str, keys: set[str], wanted: frozenset[str]) -> set[str]:
    """The first column of *sql* (its ``{}`` the placeholders for a chunk of *keys*) where
    it is among *wanted*, asked 500 keys at a time."""
    found: set[str] = set()
    for chunk in _chunks(sorted(keys), 500):
        rows = conn.exec_driver_sql(sql.format(", ".join("?" for _ in chunk)), tuple(chunk))
        found.update(str(row[0]) for row in rows if row[0] in wanted)
    return found


def select_changes(
    conn: Connection,
    scope: Scope,
    base: Mapping[str, int],
    selection: Selection,
) -> Iterator[bytes]:
    """Yield the encoded changes, then audit entries, that a receiver with *base* lacks.

    Streams from the change log device by device (through its (device, seq) index), so
    memory stays bounded by the set of ids in the receiver's scope, not by the bundle.
    """
    ids = {} if scope.is_everything else _in_scope_ids(conn, scope)
    devices = [row[0] for row in conn.exec_driver_sql("SELECT DISTINCT device_id FROM change_log")]
    audit_ids: set[str] = set()
    history_rows: set[str] = set()
    placed: set[str] = set()
    sent_for_history: set[tuple[str, int]] = set()
    for device in sorted(devices):
        cursor = conn.exec_driver_sql(
            f"{_SELECT_CHANGES} WHERE device_id = ? AND device_seq > ? ORDER BY device_seq",
            (device, int(base.get(device, 0))),
        )
        for row in cursor:
            if not scope.is_everything:
                if not _wanted(row, scope, ids):
                    continue
                if _moved_in(row):
                    history_rows.add(str(row[3]))
                if _places_claim(row):
                    placed.add(str(row[3]))
            selection._count(row)
            audit_ids.add(str(row[9]))
            if str(row[3]) in history_rows:
                sent_for_history.add((str(row[0]), int(row[1])))
            yield encode_change(tuple(row))
    # Rows that moved into the scope, and the rows hanging off them: their earlier changes
    # too (the receiver never had them).
    if history_rows:
        history_rows |= _hanging_off(conn, history_rows, ids)
    # And the workers from elsewhere that the claims sent (or moved in) belong to: the receiver
    # may never have had them.
    if placed or history_rows:
        history_rows |= _parents_of(conn, placed | (history_rows & ids["claim"]), ids)
    for row_id in sorted(history_rows):
        for row in conn.exec_driver_sql(f"{_SELECT_CHANGES} WHERE row_id = ?", (row_id,)):
            key = (str(row[0]), int(row[1]))
            if key in sent_for_history or int(row[1]) > int(base.get(key[0], 0)):
                continue  # sent above already
            selection._count(row)
            audit_ids.add(str(row[9]))
            yield encode_change(tuple(row))
    for chunk in _chunks(sorted(audit_ids), 500):
        marks = ", ".join("?" for _ in chunk)
        for row in conn.exec_driver_sql(
            f"SELECT {', '.join(AUDIT_FIELDS)} FROM audit_entry WHERE id IN ({marks})",
            tuple(chunk),
        ):
            selection.audits += 1
            yield encode_audit(tuple(row))


def _chunks(items: list[str], size: int) -> Iterable[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
