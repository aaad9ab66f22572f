"""The fold: a synced row's columns computed from the *set* of its changes, whatever the
order in which they arrived (the rules are in :mod:`desktop.sync.merge`'s docstring)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import orjson

from desktop.store.hlc import vv_dumps, vv_merge


class Change:
    """One change-log entry of a row, as the fold needs it."""

    __slots__ = ("_vv", "device", "fields", "hlc", "op", "recorded_at", "seq", "user_id", "vv_text")

    def __init__(
        self,
        device: str,
        seq: int,
        op: str,
        fields: Mapping[str, Any],
        vv_text: str,
        hlc: str,
        recorded_at: str,
        user_id: str,
    ) -> None:
        self.device = device
        self.seq = seq
        self.op = op
        self.fields = fields
        self.vv_text = vv_text
        self.hlc = hlc
        self.recorded_at = recorded_at
        self.user_id = user_id
        self._vv: Mapping[str, int] | None = None

    @property
    def vv(self) -> Mapping[str, int]:
        """The row's version vector after this change (parsed on first use)."""
        if self._vv is None:
            self._vv = orjson.loads(self.vv_text)
        return self._vv

    @property
    def ref(self) -> str:
        return f"{self.device}:{self.seq}"

    @property
    def rank(self) -> tuple[str, str]:
        return (self.hlc, self.device)

    def before(self, other: Change) -> bool:
        return self is not other and other.vv.get(self.device, 0) >= self.seq


@dataclass
class Folded:
    values: dict[str, Any]
    conflicts: list[tuple[str, Any, Change, Change, Any, Any]]
    concurrent: bool
    has_insert: bool


def _heads(changes: Sequence[Change]) -> list[Change]:
    if len(changes) == 1:
        return list(changes)
    return [c for c in changes if not any(c.before(other) for other in changes)]


def fold(changes: Sequence[Change], units: Sequence[tuple[str, ...]] = ()) -> Folded:
    """Compute a row's columns from the set of its changes (order does not matter).

    The fields of each of *units* (a field and those derived from it) merge as one: the
    change that wins the unit gives every field of it, as that change's office saw the row.
    """
    if len(changes) == 1:
        return _fold_one(changes[0])
    by_field: dict[str, list[Change]] = {}
    for change in changes:
        for name in change.fields:
            if name != "deleted":
                by_field.setdefault(name, []).append(change)
    values: dict[str, Any] = {}
    conflicts: list[tuple[str, Any, Change, Change, Any, Any]] = []
    in_units = set()
    for unit in units:
        present = [name for name in unit if name in by_field]
        if len(present) < 2:
            continue
        in_units.update(present)
        _fold_unit(present, by_field, values, conflicts)
    for name, setters in by_field.items():
        if name in in_units:
            continue
        heads = _heads(setters)
        winner = max(heads, key=lambda c: c.rank)
        value = winner.fields[name][1]
        values[name] = value
        for head in heads:
            if head is not winner and head.fields[name][1] != value:
                conflicts.append(
                    (name, _base(setters, heads, name), winner, head, value, head.fields[name][1])
                )
    # deleted: set like any field by the changes that say it (inserts: alive; deletes; a
    # settled conflict), except that an edit concurrent with every delete in force wins, so
    # that no data vanishes on one side only. An edit that follows a delete (settling an old
    # conflict of a deleted row) leaves the row deleted, as that local write did; an edit
    # that its own office deleted afterwards revives nothing.
    heads = _heads(changes)
    setters = _heads([c for c in changes if "deleted" in c.fields or c.op == "insert"])
    dead = [c for c in setters if _kills(c)]
    alive = [c for c in setters if not _kills(c)]
    if dead:
        unaware = [
            c
            for c in changes
            if not _kills(c) and all(not c.before(d) and not d.before(c) for d in dead)
        ]
        alive.extend(c for c in _heads(unaware) if all(c is not a for a in alive))
    values["deleted"] = bool(dead) and not alive
    if alive and dead:
        winner = max(alive, key=lambda c: c.rank)
        for loser in dead:
            # A change made knowing both sides (an edit of the row kept alive) settles it.
            if not any(loser.before(c) and winner.before(c) for c in changes):
                conflicts.append(("deleted", False, winner, loser, False, True))
    # The row's stamp comes from its latest change in causal order (a head), not from the
    # greatest stamp of all its changes: a local write stamps the row with its own change,
    # which follows every change of the row even when an earlier one carries a greater stamp
    # (a laptop whose clock ran ahead), and every office must compute the same row.
    top = max(heads, key=lambda c: c.rank)
    vector: dict[str, int] = {}
    for change in changes:
        vector = vv_merge(vector, change.vv)
    inserts = [c for c in changes if c.op == "insert"]
    values["vv"] = vv_dumps(vector)
    values["hlc"] = top.hlc
    values["origin_device"] = top.device
    values["updated_at"] = top.recorded_at
    values["created_at"] = min(c.recorded_at for c in (inserts or changes))
    return Folded(values, conflicts, len(heads) > 1, bool(inserts))


def _fold_unit(
    unit: Sequence[str],
    by_field: Mapping[str, list[Change]],
    values: dict[str, Any],
    conflicts: list[tuple[str, Any, Change, Change, Any, Any]],
) -> None:
    """Fold the fields of one unit together: the greatest head of the unit's changes gives
    every field as its office saw the row; a head that saw the unit otherwise conflicts on
    each field that differs (the same two changes, so settling one settles the unit)."""
    setters: list[Change] = []
    seen: set[int] = set()
    for name in unit:
        for change in by_field[name]:
            if id(change) not in seen:
                seen.add(id(change))
                setters.append(change)
    heads = _heads(setters)
    winner = max(heads, key=lambda c: c.rank)
    state = _unit_state(unit, by_field, winner)
    values.update(state)
    for head in heads:
        if head is winner:
            continue
        other = _unit_state(unit, by_field, head)
        for name in unit:
            if name in other and other[name] != state.get(name):
                base = _base(by_field[name], heads, name)
                conflicts.append((name, base, winner, head, state.get(name), other[name]))


def _unit_state(
    unit: Sequence[str], by_field: Mapping[str, list[Change]], change: Change
) -> dict[str, Any]:
    """The unit's fields as the office that wrote *change* had them just after it: its own
    values, and for the fields it did not set, the latest earlier change that did."""
    state: dict[str, Any] = {}
    for name in unit:
        if name in change.fields:
            state[name] = change.fields[name][1]
            continue
        known = [c for c in by_field[name] if c.before(change)]
        if known:
            state[name] = max(_heads(known), key=lambda c: c.rank).fields[name][1]
    return state


def _fold_one(change: Change) -> Folded:
    """The common case of a row with one change (a new row): its values as they are."""
    values = {name: new for name, (_old, new) in change.fields.items()}
    values["deleted"] = bool(values.get("deleted", False))
    values["vv"] = change.vv_text
    values["hlc"] = change.hlc
    values["origin_device"] = change.device
    values["updated_at"] = change.recorded_at
    values["created_at"] = change.recorded_at
    return Folded(values, [], False, change.op == "insert")


def _kills(change: Change) -> bool:
    """True for a change that marks the row deleted."""
    return "deleted" in change.fields and bool(change.fields["deleted"][1])


def _base(setters: Sequence[Change], heads: Sequence[Change], name: str) -> Any:
    """The field's value before the conflicting heads: the latest change all heads follow."""
    common = [c for c in setters if all(c.before(h) for h in heads)]
    if not common:
        return None
    return max(common, key=lambda c: c.rank).fields[name][1]
