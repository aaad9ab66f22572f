"""An enrolled insider against the hold of late claim edits, continued: the values a
kecamatan writes (days, kinds, the regency's empty fields), how many late records one bundle
may hold, and what the laptop says it held (tests.integration.test_sync_claim_stale_attack
has the insider's tools and the first attacks)."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path
from typing import Any

import orjson
import pytest

from desktop.store.ids import new_id
from tests.integration.sync_helpers import Office, device_of
from tests.integration.test_claim_service_sync import service
from tests.integration.test_sync_claim_stale import (
    claim_conflicts,
    complete_claim,
    derived,
    value,
)
from tests.integration.test_sync_claim_stale_attack import (
    ROLE,
    Insider,
    approved_claim,
    heir_of,
    known_vector,
    network,
    refused_code,
    rows,
    soon,
)

__all__ = ["network"]  # the fixture, shared with the first attacks


# ---- steps dated far ahead --------------------------------------------------------------------


def test_a_step_dated_next_year_is_refused(network: tuple[Office, Office], tmp_path: Path) -> None:
    """Steps are ordered by their time: a recommendation dated next year would follow every
    step the regency takes until then, which the derivation would skip (the regency could not
    verify the claim), and a withdrawal so dated would strike the day the claim came back."""
    hub, laptop = network
    claim = complete_claim(hub, laptop)
    insider = Insider(laptop, hub, tmp_path)
    ahead = insider.change(
        "claim_event",
        new_id(),
        "insert",
        insider.event(claim, "direkomendasikan", "2027-11-05 01:00:00.000000"),
    )
    assert refused_code(hub, insider.bundle([ahead])) == "sync.clock"
    # Dated today, the same step counts.
    today = insider.change(
        "claim_event",
        new_id(),
        "insert",
        insider.event(claim, "direkomendasikan", soon()),
    )
    assert hub.receive(insider.bundle([today])).applied
    assert derived(hub, claim)[0] == "direkomendasikan"


@pytest.mark.parametrize(
    ("what", "expected"),
    [
        ("step_in_year_1_at_plus_14", "sync.authority"),
        ("step_at_plus_7", "sync.authority"),
        ("document_received_in_9999", "sync.clock"),
        ("step_on_9999", "sync.clock"),
        ("birth_date_in_year_1", "sync.authority"),
    ],
)
def test_days_out_of_this_world_are_refused_before_they_break_the_claim(
    network: tuple[Office, Office], tmp_path: Path, what: str, expected: str
) -> None:
    """Valid dates all, on a claim still with the kecamatan: a step in year 1 at +14:00
    made the import, the claim's detail and every later import fail (OverflowError), a
    document received in 9999 made the regency's verification fail. Refused; the claim and
    the laptop's next genuine bundle go on."""
    hub, laptop = network
    claim = complete_claim(hub, laptop)
    insider = Insider(laptop, hub, tmp_path)
    if what.startswith("step"):
        at = {
            "step_in_year_1_at_plus_14": "0001-01-01 00:00:00+14:00",
            "step_at_plus_7": "2026-12-01 10:00:00+07:00",
        }.get(what, soon())
        data = ROLE
        if what == "step_on_9999":
            data = '{"role": "operator_kecamatan", "on": "9999-12-31"}'
        change = insider.change(
            "claim_event", new_id(), "insert", insider.event(claim, "direkomendasikan", at, data)
        )
    elif what == "birth_date_in_year_1":
        change = insider.change(
            "claim",
            claim,
            "update",
            {"subject_birth_date": [None, "0001-01-01"]},
            vv=known_vector(hub, "claim", claim),
        )
    else:
        [(document, vv)] = rows(
            hub,
            "SELECT id, vv FROM claim_document WHERE claim_id = ? AND received = 1 LIMIT 1",
            claim,
        )
        change = insider.change(
            "claim_document",
            str(document),
            "update",
            {"received_on": ["2026-11-04", "9999-12-31"]},
            vv=dict(orjson.loads(vv)),
        )
    assert refused_code(hub, insider.bundle([change])) == expected
    service(hub).detail(hub.actor, claim)
    assert hub.receive(laptop.export()).applied
    at_hub = service(hub)
    at_hub.step(hub.actor, claim, "direkomendasikan", on=date(2026, 11, 5))
    at_hub.step(hub.actor, claim, "diverifikasi", on=date(2026, 11, 6))
    assert derived(hub, claim)[:2] == ("diverifikasi", "2026-11-06")


# ---- a flood of conflicts ---------------------------------------------------------------------


@pytest.mark.parametrize("heirs", [100, 101, 5_000])
def test_a_flood_of_late_heirs_on_one_claim_is_bounded(
    network: tuple[Office, Office], tmp_path: Path, heirs: int
) -> None:
    """Each late record is a conflict for the admin: five thousand heirs added to one
    approved claim made five thousand. A claim's file is a few dozen records; a bundle
    holding more than 100 late records of one claim is refused."""
    from desktop.sync.authority import MAX_LATE_RECORDS

    hub, laptop = network
    claim = approved_claim(hub, laptop)
    decided = derived(hub, claim)
    insider = Insider(laptop, hub, tmp_path)
    changes = [
        insider.change(
            "heir",
            new_id(),
            "insert",
            {
                "claim_id": [None, claim],
                "name": [None, f"Ahli Waris {n}"],
                "relationship": [None, "anak"],
                "bank_account": [None, f"{n:010d}"],
            },
        )
        for n in range(heirs)
    ]
    bundle = insider.bundle(changes)
    if heirs > MAX_LATE_RECORDS:
        assert refused_code(hub, bundle) == "sync.authority"
        return
    result = hub.receive(bundle)
    assert result.applied and result.summary.held == heirs
    # One decision per heir (its "deleted", with the account it would be paid to).
    held = claim_conflicts(hub)
    assert len({c.row_id for c in held}) == heirs
    assert sorted({c.field for c in held}) == ["bank_account", "deleted"]
    assert derived(hub, claim) == decided
    [(alive,)] = rows(hub, "SELECT count(*) FROM heir WHERE claim_id = ? AND deleted = 0", claim)
    assert alive == 1  # the regency's payee alone


# ---- (2) the regency's decision and payment -----------------------------------------------


@pytest.mark.parametrize(
    "field",
    ["decision_number", "amount_approved", "amount_paid", "transfer_reference", "paid_on"],
)
def test_a_laptop_cannot_erase_the_regencys_decision_or_payment(
    network: tuple[Office, Office], tmp_path: Path, field: str
) -> None:
    """A kecamatan may leave these empty on a new claim; written "empty" over a paid claim's
    values, they erased them without a trace (no derivation brings them back)."""
    hub, laptop = network
    claim = approved_claim(hub, laptop)
    service(hub).step(
        hub.actor, claim, "dicairkan", on=date(2026, 11, 9), extra={"transfer_reference": "TRF1"}
    )
    assert laptop.receive(hub.export(peer=device_of(laptop))).applied
    columns = "decision_number, amount_approved, amount_paid, transfer_reference, paid_on"
    [paid] = rows(hub, f"SELECT {columns} FROM claim WHERE id = ?", claim)
    assert None not in paid and 0 not in paid
    old = dict(zip(columns.split(", "), paid, strict=True))[field]
    empty = 0 if field.startswith("amount") else None
    insider = Insider(laptop, hub, tmp_path)
    erase = insider.change(
        "claim", claim, "update", {field: [old, empty]}, vv=known_vector(hub, "claim", claim)
    )
    assert refused_code(hub, insider.bundle([erase])) == "sync.authority"
    assert rows(hub, f"SELECT {columns} FROM claim WHERE id = ?", claim) == [paid]


# ---- (4) a value that breaks every later import -------------------------------------------


@pytest.mark.parametrize("how", ["update", "new_claim"])
def test_a_claim_of_no_known_kind_is_refused(
    network: tuple[Office, Office], tmp_path: Path, how: str
) -> None:
    """A claim whose kind is none of Sigap's: its recompute after the import raised, was
    owed to the next import, and raised there again: every later bundle of every laptop
    failed, and the claim's detail too."""
    hub, laptop = network
    claim = complete_claim(hub, laptop)
    insider = Insider(laptop, hub, tmp_path)
    if how == "update":
        change = insider.change(
            "claim",
            claim,
            "update",
            {"kind": ["santunan_kematian", "santunan_xx"]},
            vv=known_vector(hub, "claim", claim),
        )
    else:
        [(village,)] = rows(hub, "SELECT village_code FROM claim WHERE id = ?", claim)
        change = insider.change(
            "claim",
            new_id(),
            "insert",
            {
                "kind": [None, "santunan_xx"],
                "village_code": [None, village],
                "subject_nik": [None, "1602064107550005"],
                "subject_name": [None, "Warga Rekaan"],
                "event_date": [None, "2026-11-01"],
                "reported_date": [None, "2026-11-02"],
                "proposer": [None, "operator"],
                "status": [None, "diusulkan"],
            },
        )
    assert refused_code(hub, insider.bundle([change])) == "sync.authority"
    service(hub).detail(hub.actor, claim)
    assert hub.receive(laptop.export()).applied
    owed = rows(
        hub,
        "SELECT count(*) FROM bundle_log WHERE json_valid(summary) "
        "AND json_extract(summary, '$.claims_mark') IS NOT NULL",
    )
    assert owed == [(0,)]


# ---- what the laptop says it held ---------------------------------------------------------


def test_a_laptop_taking_back_what_it_said_it_held_gains_only_a_hold(
    network: tuple[Office, Office], tmp_path: Path
) -> None:
    """The laptop received and acknowledged the verification; an edit following it is
    refused. A forged bundle then says, with a newer stamp, that the laptop holds nothing of
    the hub's: the next edit can no longer be shown to follow the verification, so it is
    taken as late, and held: the regency's value stays, the admin decides."""
    from desktop.store.database import head_revision
    from desktop.sync import bundle as bundles
    from desktop.sync.changes import encode_change
    from tests.integration.sync_helpers import own_keys_of

    hub, laptop = network
    claim = approved_claim(hub, laptop)
    decided = derived(hub, claim)
    assert laptop.receive(hub.export(peer=device_of(laptop))).applied
    assert hub.receive(laptop.export()).applied  # says it holds the approval
    payee = heir_of(hub, claim, "Anak Pertama")
    insider = Insider(laptop, hub, tmp_path)
    knowing = insider.change(
        "heir", payee, "update", {"bank_account": ["5566778899", "1212121212"]}, vv={}
    )
    assert refused_code(hub, insider.bundle([knowing])) == "sync.authority"

    def forged(changes: list[tuple[Any, ...]], have: dict[str, int], stamp: str) -> Path:
        keys = own_keys_of(laptop)
        info = laptop.app.office.require_info()
        path = tmp_path / f"forged-{new_id()}.sigap"
        bundles.write_bundle(
            path,
            bundle_id=new_id(),
            sender_device=info.device_id,
            recipient_device=device_of(hub),
            regency_code=info.regency_code,
            schema_version=head_revision(),
            sender_keys=keys,
            recipient_exchange_public=hub.app.sync.keys().public.exchange,
            records=[encode_change(tuple(row)) for row in changes],
            manifest={
                "base": {},
                "have": have,
                "sender_hlc": stamp,
                "scope": info.region_code,
                "changes": len(changes),
                "audits": 0,
                "per_table": {},
                "ranges": {},
                "extra": {"sender_public": keys.public.to_text()},
            },
        )
        return path

    [(seq,)] = rows(
        hub, "SELECT max(device_seq) FROM change_log WHERE device_id = ?", insider.device
    )
    stamp = int(time.time() * 1000) + 60_000  # newer than its genuine bundle's
    assert hub.receive(forged([], {insider.device: int(seq)}, f"{stamp}.000001")).applied
    insider.seq -= 1  # the refused change's number is free again
    late = insider.change(
        "heir", payee, "update", {"bank_account": ["5566778899", "1212121212"]}, vv={}
    )
    result = hub.receive(forged([late], {}, f"{stamp + 1}.000001"))
    assert result.applied and result.summary.held == 1
    assert value(hub, "heir", payee, "bank_account") == "5566778899"
    assert derived(hub, claim) == decided
    [held] = claim_conflicts(hub)
    assert held.field == "bank_account" and held.late_claim_edit
    assert (held.winner.value, held.loser.value) == ("5566778899", "1212121212")

