"""An enrolled insider against the hold of late claim edits (desktop.sync.stale).

The attacker runs a kecamatan laptop with valid keys and controls its database: it crafts
change-log entries (version vectors that pretend not to have seen the regency's steps,
back-dated or future stamps, any event data) and signs them with the laptop's real key.
Whatever it sends, the hub either refuses the bundle (nothing changes) or holds the edit as
a conflict for the admin with the regency's value kept and the claim's derived state (status,
verification day, deadline) the regency's.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator, Sequence
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import orjson
import pytest

from desktop.domain.documents import checklist
from desktop.services.sync import SyncRefused
from desktop.store.ids import new_id
from tests.integration.sync_helpers import (
    Office,
    device_of,
    district_of,
    districts_with_workers,
    join_kecamatan,
    make_hub,
    signed_bundle,
)
from tests.integration.test_claim_service_sync import service
from tests.integration.test_sync_claim_stale import (
    SUBJECT,
    claim_conflicts,
    complete_claim,
    derived,
    regency_takes_it_on,
    shared_claim,
    value,
)

ROLE = '{"role": "operator_kecamatan"}'

@pytest.fixture
def network(tmp_path: Path) -> Iterator[tuple[Office, Office]]:
    hub = make_hub(tmp_path, workers=40)
    [district] = districts_with_workers(hub, 1)
    laptop = join_kecamatan(hub, tmp_path, district, "kec-a")
    yield hub, laptop
    for office in (hub, laptop):
        office.close()


# ---- the insider's tools ------------------------------------------------------------------


class Insider:
    """Crafts the laptop's own changes (its device, its user, its next sequence numbers) and
    sends them in bundles signed with the laptop's real keys."""

    def __init__(self, laptop: Office, hub: Office, folder: Path) -> None:
        self.laptop = laptop
        self.hub = hub
        self.folder = folder
        self.device = device_of(laptop)
        conn = sqlite3.connect(laptop.app.path)
        try:
            self.seq = int(
                conn.execute(
                    "SELECT max(device_seq) FROM change_log WHERE device_id = ?", (self.device,)
                ).fetchone()[0]
            )
        finally:
            conn.close()

    def change(
        self,
        table: str,
        row_id: str,
        op: str,
        fields: dict[str, Any],
        *,
        vv: dict[str, int] | None = None,
        hlc: str = "1795600000000.000001",
        audit_id: str | None = None,
    ) -> tuple[Any, ...]:
        """A change in the laptop's name; its vector names only the laptop's own changes
        unless *vv* says more (what the laptop pretends to have seen)."""
        self.seq += 1
        vector = {**(vv or {}), self.device: self.seq}
        return (
            self.device,
            self.seq,
            table,
            row_id,
            op,
            orjson.dumps(fields).decode(),
            orjson.dumps(dict(sorted(vector.items()))).decode(),
            hlc,
            self.laptop.actor.user_id,
            audit_id or new_id(),
            "2026-11-25 12:00:00.000000",
        )

    def event(
        self, claim: str, status: str, at: str, data: str = ROLE, **more: Any
    ) -> dict[str, Any]:
        """The fields of a claim event as the laptop's service writes them."""
        fields = {
            "claim_id": [None, claim],
            "status": [None, status],
            "at": [None, at],
            "actor_user_id": [None, self.laptop.actor.user_id],
            "actor_name": [None, "operator"],
            "device_id": [None, self.device],
            "data": [None, data],
        }
        fields.update({k: [None, v] for k, v in more.items()})
        return fields

    def bundle(
        self,
        changes: Sequence[tuple[Any, ...]],
        *,
        audits: Sequence[tuple[Any, ...]] = (),
        bundle_id: str | None = None,
    ) -> Path:
        return signed_bundle(
            self.laptop,
            self.hub,
            self.folder,
            changes=changes,
            audits=audits,
            bundle_id=bundle_id,
        )


def rows(office: Office, sql: str, *params: object) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(office.app.path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def heir_of(office: Office, claim: str, name: str) -> str:
    [(heir,)] = rows(office, "SELECT id FROM heir WHERE claim_id = ? AND name = ?", claim, name)
    return str(heir)


def events_of(office: Office, claim: str) -> list[tuple[Any, ...]]:
    return rows(
        office,
        "SELECT id, status, device_id, deleted FROM claim_event WHERE claim_id = ? ORDER BY at",
        claim,
    )


def hub_event(hub: Office, claim: str, status: str) -> str:
    [(event,)] = rows(
        hub,
        "SELECT id FROM claim_event WHERE claim_id = ? AND status = ? AND device_id = ?",
        claim,
        status,
        device_of(hub),
    )
    return str(event)


def refused_code(hub: Office, bundle: Path) -> str:
    """Import *bundle*: refused, and nothing changed on the hub."""
    before = hub.dump()
    with pytest.raises(SyncRefused) as refusal:
        hub.receive(bundle)
    assert hub.dump() == before
    assert hub.integrity() == "ok"
    return str(refusal.value.code)


def approved_claim(hub: Office, laptop: Office) -> str:
    """A claim the laptop proposed with its payee, that the regency verified and approved."""
    claim = shared_claim(hub, laptop)
    regency_takes_it_on(hub, claim)
    service(hub).step(
        hub.actor, claim, "disetujui", on=date(2026, 11, 8), extra={"decision_number": "7/2026"}
    )
    return claim


def soon() -> str:
    """A step's time a minute from now, as Sigap writes it (after the claim's own steps)."""
    return time.strftime("%Y-%m-%d %H:%M:%S.000000", time.gmtime(time.time() + 60))


def known_vector(office: Office, table: str, row_id: str) -> dict[str, int]:
    [(text,)] = rows(office, f"SELECT vv FROM {table} WHERE id = ?", row_id)
    return dict(orjson.loads(text))


# ---- (1) the payee's bank account of an approved claim -----------------------------------


def test_an_account_changed_behind_the_regencys_approval_is_held_with_the_regencys_kept(
    network: tuple[Office, Office], tmp_path: Path
) -> None:
    """The laptop pretends it never saw the verification and approval (its vector names only
    its own changes, its stamp is back-dated): the edit is held, the hub's account stays, the
    admin sees both sides, the regency's named as such, and the claim stays approved."""
    hub, laptop = network
    claim = approved_claim(hub, laptop)
    decided = derived(hub, claim)
    assert decided[0] == "disetujui"
    payee = heir_of(hub, claim, "Anak Pertama")
    insider = Insider(laptop, hub, tmp_path)
    account = insider.change(
        "heir",
        payee,
        "update",
        {"bank_account": ["5566778899", "1212121212"]},
        vv=known_vector(laptop, "heir", payee),
        hlc="1762300000000.000001",  # back-dated to before the regency's steps
    )
    result = hub.receive(insider.bundle([account]))
    assert result.applied and result.summary.held == 1
    assert value(hub, "heir", payee, "bank_account") == "5566778899"
    assert derived(hub, claim) == decided
    [held] = claim_conflicts(hub)
    assert (held.table_name, held.field) == ("heir", "bank_account")
    assert held.late_claim_edit
    assert held.winner.device_id == device_of(hub) and held.winner.value == "5566778899"
    assert held.loser.device_id == device_of(laptop) and held.loser.value == "1212121212"
    assert "Ahli waris Anak Pertama" in held.row_label and SUBJECT in held.row_label
    # The same bundle again changes nothing.
    assert hub.receive(insider.bundle([account])).applied
    assert value(hub, "heir", payee, "bank_account") == "5566778899"
    assert len(claim_conflicts(hub)) == 1


# ---- claim events are appended, never rewritten -------------------------------------------


@pytest.mark.parametrize("op", ["insert", "update"])
def test_a_laptop_cannot_delete_the_regencys_rejection_by_reinserting_its_event(
    network: tuple[Office, Office], tmp_path: Path, op: str
) -> None:
    """An "insert" carrying the id of the regency's own rejection event, marking it deleted
    and naming the laptop as its device: the event is the regency's, refused."""
    hub, laptop = network
    claim = shared_claim(hub, laptop)
    regency_takes_it_on(hub, claim, reject=True)
    assert laptop.receive(hub.export(peer=device_of(laptop))).applied  # it learns the ids
    rejection = hub_event(hub, claim, "ditolak")
    insider = Insider(laptop, hub, tmp_path)
    forged = insider.change(
        "claim_event",
        rejection,
        op,
        {
            "deleted": [False, True],
            "device_id": [device_of(hub), insider.device],
            "actor_user_id": [None, laptop.actor.user_id],
            "data": [None, ROLE],
        },
        vv=known_vector(hub, "claim_event", rejection),
    )
    assert refused_code(hub, insider.bundle([forged])) == "sync.event"
    assert derived(hub, claim)[0] == "ditolak"


def test_a_laptop_cannot_turn_the_regencys_verification_into_its_withdrawal(
    network: tuple[Office, Office], tmp_path: Path
) -> None:
    """The regency's verification event rewritten as the laptop's withdrawal, with a vector
    that pretends not to know it: refused, not held (holding it would tombstone the
    regency's own event)."""
    hub, laptop = network
    claim = shared_claim(hub, laptop)
    regency_takes_it_on(hub, claim)
    assert laptop.receive(hub.export(peer=device_of(laptop))).applied  # it learns the ids
    verification = hub_event(hub, claim, "diverifikasi")
    insider = Insider(laptop, hub, tmp_path)
    forged = insider.change(
        "claim_event",
        verification,
        "insert",
        insider.event(claim, "dibatalkan", "2026-11-06 02:00:00.000000"),
    )
    assert refused_code(hub, insider.bundle([forged])) == "sync.event"
    assert derived(hub, claim)[:2] == ("diverifikasi", "2026-11-06")


def test_an_event_sent_twice_under_one_id_is_refused(
    network: tuple[Office, Office], tmp_path: Path
) -> None:
    """A laptop's own step, then a second change of the same event (its status rewritten):
    an event is a fact, written once."""
    hub, laptop = network
    claim = complete_claim(hub, laptop)
    insider = Insider(laptop, hub, tmp_path)
    event = new_id()
    first = insider.change(
        "claim_event",
        event,
        "insert",
        insider.event(claim, "direkomendasikan", "2026-11-05 01:00:00.000000"),
    )
    second = insider.change(
        "claim_event",
        event,
        "insert",
        insider.event(claim, "dibatalkan", "2026-11-05 00:00:00.000000"),
    )
    assert refused_code(hub, insider.bundle([first, second])) == "sync.event"
    assert hub.receive(insider.bundle([first])).applied
    assert refused_code(hub, insider.bundle([second])) == "sync.event"


# ---- records brought back to life, moved between claims -------------------------------------


@pytest.mark.parametrize("how", ["held_by_the_hub", "removed_by_the_regency"])
def test_an_empty_insert_does_not_bring_back_an_heir_of_an_approved_claim(
    network: tuple[Office, Office], tmp_path: Path, how: str
) -> None:
    """An "insert" with no field re-uses a deleted heir's id: an insert makes a row alive,
    so it is judged as such (held for the admin, the heir stays deleted)."""
    hub, laptop = network
    claim = approved_claim(hub, laptop)
    if how == "held_by_the_hub":
        heir = service(laptop).add_heir(
            laptop.actor, claim, name="Anak Kedua", relationship="anak", account="3434343434"
        )
        assert hub.receive(laptop.export()).applied  # late: held, the heir put aside
        while claim_conflicts(hub):
            hub.app.sync.settle(hub.actor, claim_conflicts(hub)[0].id, keep="winner")
    else:
        heir = heir_of(hub, claim, "Anak Pertama")
        assert service(hub).remove_heir(hub.actor, heir)
    assert value(hub, "heir", heir, "deleted") == 1
    decided = derived(hub, claim)
    insider = Insider(laptop, hub, tmp_path)
    revive = insider.change("heir", heir, "insert", {}, vv={})
    result = hub.receive(insider.bundle([revive]))
    assert result.applied
    assert value(hub, "heir", heir, "deleted") == 1
    assert derived(hub, claim) == decided
    [held] = claim_conflicts(hub)
    assert (held.table_name, held.row_id, held.field) == ("heir", heir, "deleted")
    assert (held.winner.value, held.loser.value) == (True, False)
    assert held.winner.device_id == device_of(hub)


def second_claim(hub: Office, laptop: Office) -> str:
    """Another santunan of the laptop's kecamatan, still diusulkan on both offices."""
    from desktop.services.claims import Resident
    from tests.integration.test_claim_service_sync import first_village

    on_laptop = service(laptop)
    claim = on_laptop.open_claim(
        laptop.actor,
        "santunan_kematian",
        subject=Resident(
            "1602064107550003", "Warga Lain", first_village(laptop, district_of(laptop))
        ),
        event_date=date(2026, 11, 2),
        decile=2,
        reported_date=date(2026, 11, 3),
    )
    assert hub.receive(laptop.export()).applied
    assert laptop.receive(hub.export(peer=device_of(laptop))).applied
    return claim


@pytest.mark.parametrize("route", ["moved_and_edited", "edited_there_and_moved_back"])
def test_a_payee_cannot_be_edited_through_a_claim_still_with_the_kecamatan(
    network: tuple[Office, Office], tmp_path: Path, route: str
) -> None:
    """The approved claim's payee moved to a claim still diusulkan (where the laptop may
    edit heirs), its account changed there, and moved back: judged by the other claim, every
    change looked allowed, and the hold found nothing to put back. A record keeps its claim."""
    hub, laptop = network
    claim = approved_claim(hub, laptop)
    other = second_claim(hub, laptop)
    payee = heir_of(hub, claim, "Anak Pertama")
    insider = Insider(laptop, hub, tmp_path)
    vv = known_vector(hub, "heir", payee)
    if route == "moved_and_edited":
        changes = [
            insider.change(
                "heir",
                payee,
                "update",
                {"claim_id": [claim, other], "bank_account": ["5566778899", "1212121212"]},
                vv=vv,
            )
        ]
    else:
        changes = [
            insider.change(
                "heir",
                payee,
                "update",
                {"claim_id": [other, other], "bank_account": ["5566778899", "1212121212"]},
                vv=vv,
            ),
            insider.change("heir", payee, "update", {"claim_id": [other, claim]}, vv=vv),
        ]
    assert refused_code(hub, insider.bundle(changes)) == "sync.authority"
    assert value(hub, "heir", payee, "bank_account") == "5566778899"


# ---- whose name a change carries ------------------------------------------------------------


def test_a_change_cannot_borrow_the_hubs_audit_entry_or_action(
    network: tuple[Office, Office], tmp_path: Path
) -> None:
    """The admin's review tells the regency's side of a held edit by the audit entry of its
    change (the hub's hold); a laptop's change naming the hub's audit entry, or an audit entry
    of the laptop with the hold's action, is refused."""
    from desktop.sync.stale import HOLD_ACTION

    hub, laptop = network
    claim = approved_claim(hub, laptop)
    payee = heir_of(hub, claim, "Anak Pertama")
    [(hub_audit,)] = rows(
        hub,
        "SELECT id FROM audit_entry WHERE device_id = ? AND action LIKE 'claim.%' "
        "ORDER BY at DESC LIMIT 1",
        device_of(hub),
    )
    insider = Insider(laptop, hub, tmp_path)
    borrowed = insider.change(
        "heir",
        payee,
        "update",
        {"bank_account": ["5566778899", "1212121212"]},
        vv=known_vector(laptop, "heir", payee),
        audit_id=str(hub_audit),
    )
    assert refused_code(hub, insider.bundle([borrowed])) == "sync.audit"
    own = new_id()
    pretended = insider.change(
        "heir",
        payee,
        "update",
        {"bank_account": ["5566778899", "1212121212"]},
        vv=known_vector(laptop, "heir", payee),
        audit_id=own,
    )
    audit = (
        own,
        "2026-11-25 12:00:00.000000",
        laptop.actor.user_id,
        laptop.actor.username,
        "operator_kecamatan",
        insider.device,
        HOLD_ACTION,
        "ditahan",
        1,
    )
    assert refused_code(hub, insider.bundle([pretended], audits=[audit])) == "sync.audit"
    assert value(hub, "heir", payee, "bank_account") == "5566778899"


# ---- a late edit as cover ------------------------------------------------------------------


def test_a_forgery_riding_with_a_late_edit_refuses_the_whole_bundle(
    network: tuple[Office, Office], tmp_path: Path
) -> None:
    hub, laptop = network
    claim = approved_claim(hub, laptop)
    payee = heir_of(hub, claim, "Anak Pertama")
    insider = Insider(laptop, hub, tmp_path)
    late = insider.change(
        "heir",
        payee,
        "update",
        {"bank_account": ["5566778899", "1212121212"]},
        vv=known_vector(laptop, "heir", payee),
    )
    paid = insider.change(
        "claim",
        claim,
        "update",
        {"amount_paid": [None, 10_000_000], "paid_on": [None, "2026-11-09"]},
        vv=known_vector(laptop, "claim", claim),
    )
    assert refused_code(hub, insider.bundle([late, paid])) == "sync.authority"


def test_a_document_toggled_many_times_is_one_decision_and_the_clock_stays(
    network: tuple[Office, Office], tmp_path: Path
) -> None:
    """Thirty late toggles of one document, back-dated day after day: one conflict per field
    (the laptop's last value), settled as one decision; the verification day and deadline
    are the regency's until then."""
    hub, laptop = network
    claim = approved_claim(hub, laptop)
    decided = derived(hub, claim)
    item = checklist("santunan_kematian")[0]
    [(document,)] = rows(
        hub, "SELECT id FROM claim_document WHERE claim_id = ? AND item = ?", claim, item.value
    )
    insider = Insider(laptop, hub, tmp_path)
    vv = known_vector(laptop, "claim_document", str(document))
    toggles = []
    for n in range(30):
        received = n % 2 == 1
        toggles.append(
            insider.change(
                "claim_document",
                str(document),
                "update",
                {
                    "received": [not received, received],
                    "received_on": [None, f"2026-10-{n % 28 + 1:02d}" if received else None],
                },
                vv=vv,
            )
        )
    result = hub.receive(insider.bundle(toggles))
    assert result.applied
    assert derived(hub, claim) == decided
    held = claim_conflicts(hub)
    # Its last toggle left it received (as the regency has it), on another day.
    [day] = held
    assert day.field == "received_on"
    assert (day.winner.value, day.loser.value) == ("2026-11-04", "2026-10-02")
    hub.app.sync.settle(hub.actor, day.id, keep="winner")
    assert claim_conflicts(hub) == []
    assert derived(hub, claim) == decided


def test_a_back_dated_withdrawal_with_a_forged_day_is_held_and_the_clock_stays(
    network: tuple[Office, Office], tmp_path: Path
) -> None:
    """A withdrawal dated (and said to take effect) before the regency's recommendation,
    sent as if the laptop knew nothing of the regency's steps: counted, it would undo the
    verification and approval; it is held for the admin, named as a withdrawal, and the
    claim keeps its status, verification day and deadline."""
    hub, laptop = network
    claim = approved_claim(hub, laptop)
    decided = derived(hub, claim)
    insider = Insider(laptop, hub, tmp_path)
    [(first_at,)] = rows(
        hub, "SELECT min(at) FROM claim_event WHERE claim_id = ? AND deleted = 0", claim
    )
    withdraw = insider.change(
        "claim_event",
        new_id(),
        "insert",
        insider.event(
            claim,
            "dibatalkan",
            (datetime.fromisoformat(str(first_at)) + timedelta(milliseconds=1)).strftime(
                "%Y-%m-%d %H:%M:%S.%f"
            ),
            '{"role": "operator_kecamatan", "on": "2026-11-01"}',
            reason="Ditarik",
        ),
        hlc="1762000000000.000001",
    )
    result = hub.receive(insider.bundle([withdraw]))
    assert result.applied
    assert derived(hub, claim) == decided
    [held] = claim_conflicts(hub)
    assert (held.table_name, held.field) == ("claim_event", "deleted")
    assert "Langkah klaim Dibatalkan" in held.row_label
    assert held.winner.device_id == device_of(hub) and held.winner.value is True


def test_a_late_edit_of_another_kecamatans_claim_is_refused(
    tmp_path: Path,
) -> None:
    """A payee added to an approved claim of another kecamatan, its vector pretending the
    laptop knew nothing: out of its write scope, refused (never held: the hub writes nothing
    to another kecamatan's claim for it)."""
    hub = make_hub(tmp_path, workers=60)
    try:
        mine, theirs = districts_with_workers(hub, 2)
        laptop = join_kecamatan(hub, tmp_path, mine, "kec-a")
        other = join_kecamatan(hub, tmp_path, theirs, "kec-b")
        try:
            claim = approved_claim(hub, other)
            insider = Insider(laptop, hub, tmp_path)
            heir = insider.change(
                "heir",
                new_id(),
                "insert",
                {
                    "claim_id": [None, claim],
                    "name": [None, "Penerima Lain"],
                    "relationship": [None, "anak"],
                    "is_payee": [None, True],
                    "bank_account": [None, "1212121212"],
                },
            )
            assert refused_code(hub, insider.bundle([heir])) == "sync.scope"
        finally:
            laptop.close()
            other.close()
    finally:
        hub.close()


@pytest.mark.parametrize("order", ["in_order", "out_of_order"])
def test_forged_late_bundles_twice_and_out_of_order_hold_the_same(
    network: tuple[Office, Office], tmp_path: Path, order: str
) -> None:
    hub, laptop = network
    claim = approved_claim(hub, laptop)
    decided = derived(hub, claim)
    payee = heir_of(hub, claim, "Anak Pertama")
    insider = Insider(laptop, hub, tmp_path)
    vv = known_vector(laptop, "heir", payee)
    first = insider.change(
        "heir", payee, "update", {"bank_account": ["5566778899", "111"]}, vv=vv
    )
    second = insider.change(
        "heir", payee, "update", {"bank_account": ["111", "222"], "name": [None, "X"]}, vv=vv
    )
    one = insider.bundle([first])
    both = insider.bundle([first, second])
    bundles = [one, both] if order == "in_order" else [both, one]
    for bundle in bundles:
        assert hub.receive(bundle).applied
    for bundle in bundles:
        assert hub.receive(bundle).replayed
    assert value(hub, "heir", payee, "bank_account") == "5566778899"
    assert value(hub, "heir", payee, "name") == "Anak Pertama"
    assert derived(hub, claim) == decided
    held = claim_conflicts(hub)
    assert sorted((c.field, c.loser.value) for c in held) == [
        ("bank_account", "222"),
        ("name", "X"),
    ]
    assert all(c.winner.device_id == device_of(hub) for c in held)


def test_a_waiting_late_edit_cannot_ride_in_on_an_insert_under_another_claim(
    network: tuple[Office, Office], tmp_path: Path
) -> None:
    """First an update of a new heir naming the approved claim, whose insert never came
    (the hub keeps it waiting: there is no row to hold yet), numbered ahead; then the heir's
    insert, numbered before it, under a claim still with the kecamatan (allowed there): the
    waiting update follows the insert and would put its payee and account on the approved
    claim. The insert names another claim than the heir's earlier change: refused."""
    hub, laptop = network
    claim = approved_claim(hub, laptop)
    other = second_claim(hub, laptop)
    decided = derived(hub, claim)
    insider = Insider(laptop, hub, tmp_path)
    start = insider.seq
    insider.seq += 10  # the update takes a number ahead, the insert one before it
    heir = new_id()
    waiting = insider.change(
        "heir",
        heir,
        "update",
        {
            "claim_id": [claim, claim],
            "is_payee": [False, True],
            "bank_account": [None, "1212121212"],
        },
    )
    assert hub.receive(insider.bundle([waiting])).applied
    insider.seq = start
    insert = insider.change(
        "heir",
        heir,
        "insert",
        {
            "claim_id": [None, other],
            "name": [None, "Penerima Baru"],
            "relationship": [None, "anak"],
        },
    )
    assert refused_code(hub, insider.bundle([insert])) == "sync.authority"
    alive = rows(hub, "SELECT claim_id FROM heir WHERE id = ? AND deleted = 0", heir)
    assert alive == []
    assert derived(hub, claim) == decided



@pytest.mark.parametrize("keep", ["winner", "loser"])
def test_a_late_payee_is_shown_with_its_account_and_decided_as_one(
    network: tuple[Office, Office], tmp_path: Path, keep: str
) -> None:
    """A payee added late to an approved claim: the admin's decision shows who would be paid
    and to which account (the regency's side: nobody), not only that an heir was put aside;
    deciding from any of its conflicts decides the heir."""
    hub, laptop = network
    claim = approved_claim(hub, laptop)
    decided = derived(hub, claim)
    insider = Insider(laptop, hub, tmp_path)
    heir = new_id()
    added = insider.change(
        "heir",
        heir,
        "insert",
        {
            "claim_id": [None, claim],
            "name": [None, "Anak Kedua"],
            "relationship": [None, "anak"],
            "is_payee": [None, True],
            "bank_name": [None, "BRI"],
            "bank_account": [None, "3434343434"],
        },
    )
    assert hub.receive(insider.bundle([added])).applied
    held = {c.field: c for c in claim_conflicts(hub) if c.row_id == heir}
    assert set(held) == {"deleted", "is_payee", "bank_name", "bank_account"}
    account = held["bank_account"]
    assert account.late_claim_edit
    assert (account.winner.value, account.loser.value) == (None, "3434343434")
    assert (held["is_payee"].winner.value, held["is_payee"].loser.value) == (False, True)
    assert all(c.winner.device_id == device_of(hub) for c in held.values())
    hub.app.sync.settle(hub.actor, account.id, keep=keep)
    assert [c for c in claim_conflicts(hub) if c.row_id == heir] == []
    if keep == "winner":
        assert value(hub, "heir", heir, "deleted") == 1
    else:
        assert value(hub, "heir", heir, "deleted") == 0
        assert value(hub, "heir", heir, "bank_account") == "3434343434"
        assert value(hub, "heir", heir, "is_payee") == 1
    assert derived(hub, claim)[:2] == decided[:2]


def test_a_late_delete_of_an_approved_claim_is_held(
    network: tuple[Office, Office], tmp_path: Path
) -> None:
    hub, laptop = network
    claim = approved_claim(hub, laptop)
    decided = derived(hub, claim)
    insider = Insider(laptop, hub, tmp_path)
    vv = known_vector(laptop, "claim", claim)
    delete = insider.change("claim", claim, "delete", {"deleted": [False, True]}, vv=vv)
    assert hub.receive(insider.bundle([delete])).applied
    assert value(hub, "claim", claim, "deleted") == 0
    assert derived(hub, claim) == decided
    [held] = claim_conflicts(hub)
    assert (held.table_name, held.field) == ("claim", "deleted")
    assert (held.winner.value, held.loser.value) == (False, True)


def test_an_heir_of_another_claim_cannot_be_taken_over_by_its_id(
    network: tuple[Office, Office], tmp_path: Path
) -> None:
    """The approved claim's payee "inserted" again under the laptop's claim still with it
    (where an insert is allowed): a record keeps its claim, refused."""
    hub, laptop = network
    claim = approved_claim(hub, laptop)
    other = second_claim(hub, laptop)
    payee = heir_of(hub, claim, "Anak Pertama")
    insider = Insider(laptop, hub, tmp_path)
    taken = insider.change(
        "heir",
        payee,
        "insert",
        {
            "claim_id": [None, other],
            "name": [None, "Anak Pertama"],
            "relationship": [None, "anak"],
            "bank_account": [None, "1212121212"],
        },
    )
    assert refused_code(hub, insider.bundle([taken])) == "sync.authority"


def test_a_held_edit_is_named_by_the_laptops_account_not_the_name_it_spells(
    network: tuple[Office, Office], tmp_path: Path
) -> None:
    """The audit entry of the laptop's change spells the regency's admin as its user name:
    the admin's review names the laptop's own account."""
    hub, laptop = network
    claim = approved_claim(hub, laptop)
    payee = heir_of(hub, claim, "Anak Pertama")
    insider = Insider(laptop, hub, tmp_path)
    audit_id = new_id()
    change = insider.change(
        "heir",
        payee,
        "update",
        {"bank_account": ["5566778899", "1212121212"]},
        vv=known_vector(laptop, "heir", payee),
        audit_id=audit_id,
    )
    audit = (
        audit_id,
        "2026-11-25 12:00:00.000000",
        laptop.actor.user_id,
        "Kepala Dinas Kabupaten",
        "operator_kecamatan",
        insider.device,
        "claim.heir",
        "Ahli waris diubah",
        1,
    )
    assert hub.receive(insider.bundle([change], audits=[audit])).applied
    [held] = claim_conflicts(hub)
    assert held.loser.username == laptop.actor.username
    assert held.loser.device_id == device_of(laptop)
