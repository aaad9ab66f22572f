"""What a laptop says it holds cannot stop anyone's sync (issue 17, item 1).

An enrolled laptop's valid bundle may say in its manifest that it (or the hub) holds
changes it never received. The hub believes only the laptop's own entry, and never above
what its change log really holds, so the other laptops' changes keep coming and the hub
keeps sending."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import orjson

from tests.integration.sync_helpers import (
    Office,
    device_of,
    signed_bundle,
)
from tests.integration.test_sync_adversarial import change_rows, worker_of

HUGE = 1_000_000_000


def device_vectors(hub: Office, device: str) -> tuple[dict[str, int], dict[str, int]]:
    conn = sqlite3.connect(hub.app.path)
    try:
        watermark, acknowledged = conn.execute(
            "SELECT watermark_vv, acknowledged_vv FROM device WHERE id = ?", (device,)
        ).fetchone()
    finally:
        conn.close()
    return orjson.loads(watermark), orjson.loads(acknowledged)


def behind(hub: Office, device: str) -> int:
    status = hub.app.sync.status(hub.actor)
    return next(d.behind for d in status.devices if d.device_id == device)


def test_a_laptop_cannot_claim_another_laptops_changes_for_the_hub(
    offices: tuple[Office, Office, Office], tmp_path: Path
) -> None:
    hub, a, b = offices
    lie = signed_bundle(
        a, hub, tmp_path, have={device_of(b): HUGE, device_of(hub): HUGE, device_of(a): HUGE}
    )
    hub.receive(lie)
    watermark, acknowledged = device_vectors(hub, device_of(a))
    assert device_of(b) not in watermark and device_of(hub) not in watermark
    assert watermark.get(device_of(a), 0) < HUGE
    assert all(seq < HUGE for seq in acknowledged.values())

    # Laptop B's next edit still reaches the hub, and the hub still says what B lacks.
    b.app.workers.update(b.actor, worker_of(b), {"phone": "081200000777"})
    result = hub.receive(b.export())
    assert result.summary.changed_rows == 1
    # The hub's edits still reach laptop A and B (the hub did not come to believe they
    # already hold everything of the hub's).
    hub.app.workers.update(hub.actor, worker_of(a), {"phone": "081200000888"})
    assert behind(hub, device_of(a)) >= 1
    assert a.receive(hub.export(peer=device_of(a))).summary.changed_rows == 1


def test_a_laptop_claiming_the_hubs_changes_does_not_poison_the_others(
    offices: tuple[Office, Office, Office], tmp_path: Path
) -> None:
    hub, a, b = offices
    hub.receive(signed_bundle(a, hub, tmp_path, have={device_of(hub): HUGE}))
    hub.app.workers.update(hub.actor, worker_of(b), {"phone": "081200000999"})
    bundle = hub.export(peer=device_of(b))
    assert b.receive(bundle).summary.changed_rows == 1
    # B tells the hub only what it really holds; its next bundle leaves nothing stuck.
    hub.receive(b.export())
    _, acknowledged = device_vectors(hub, device_of(b))
    assert acknowledged.get(device_of(hub), 0) < HUGE
    assert behind(hub, device_of(b)) == 0


def test_a_poisoned_watermark_heals_at_the_hub(
    offices: tuple[Office, Office, Office], tmp_path: Path
) -> None:
    """A hub that an older Sigap let believe a lie: its acknowledgement is capped again."""
    hub, a, b = offices
    conn = sqlite3.connect(hub.app.path)
    conn.execute(
        "UPDATE device SET watermark_vv = ? WHERE id = ?",
        (orjson.dumps({device_of(b): HUGE}).decode(), device_of(a)),
    )
    conn.commit()
    conn.close()
    b.app.workers.update(b.actor, worker_of(b), {"phone": "081200000555"})
    assert hub.receive(b.export()).summary.changed_rows == 1
    hub_to_b = hub.export(peer=device_of(b))
    b.receive(hub_to_b)
    b.app.workers.update(b.actor, worker_of(b), {"phone": "081200000556"})
    assert hub.receive(b.export()).summary.changed_rows == 1


def test_an_honest_laptops_own_entry_still_counts(
    offices: tuple[Office, Office, Office], tmp_path: Path
) -> None:
    hub, a, _b = offices
    a.app.workers.update(a.actor, worker_of(a), {"phone": "081200000111"})
    hub.receive(a.export())
    watermark, _ = device_vectors(hub, device_of(a))
    own = change_rows(a, f"device_id = '{device_of(a)}'")[-1][1]
    assert watermark[device_of(a)] == own
