"""A refused bundle leaves a note that the hub's Perangkat tab shows (issue 18, item 8):
when, which file, why; the refused data itself changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.services.sync import DeviceStatus, SyncRefused
from desktop.services.sync.refusals import _bundle_refusal
from desktop.sync.errors import BundleError
from tests.integration.sync_helpers import Office, device_of
from tests.integration.test_sync_adversarial import forge, laptop_change, worker_of


def _device(hub: Office, laptop: Office) -> DeviceStatus:
    [device] = [
        d for d in hub.app.sync.status(hub.actor).devices if d.device_id == device_of(laptop)
    ]
    return device


def test_a_bundle_of_a_revoked_laptop_is_noted_as_refused(network: tuple[Office, Office]) -> None:
    hub, laptop = network
    assert _device(hub, laptop).last_refusal is None
    hub.app.sync.revoke(hub.actor, device_of(laptop))
    bundle = laptop.export()
    before = hub.dump()
    with pytest.raises(SyncRefused, match="sudah dicabut"):
        hub.receive(bundle)
    assert hub.dump() == before  # nothing but the note

    refusal = _device(hub, laptop).last_refusal
    assert refusal is not None
    assert refusal.file_name == bundle.name
    assert refusal.finding.code == "sync.revoked"
    assert "sudah dicabut" in refusal.finding.message


def test_a_bundle_refused_by_the_merge_is_noted_too(
    network: tuple[Office, Office], tmp_path: Path
) -> None:
    hub, laptop = network
    assert hub.receive(laptop.export()).applied
    assert _device(hub, laptop).last_refusal is None  # an accepted bundle leaves no note

    # A change stamped in the year 2286 (a laptop whose clock is wrong): refused by the
    # merge, here at the preview.
    worker = worker_of(laptop)
    honest = laptop_change(laptop, laptop, "worker", worker, "update", {"phone": [None, "0899"]})
    far = (*honest[:7], "9999999999999.000001", *honest[8:])
    bundle = forge(laptop, hub, [far], tmp_path)
    before = hub.dump()
    with pytest.raises(SyncRefused), hub.app.sync.receive(bundle) as received:
        hub.app.sync.preview(received)
    assert hub.dump() == before
    refusal = _device(hub, laptop).last_refusal
    assert refusal is not None
    assert refusal.finding.code == "sync.clock"
    assert refusal.file_name == bundle.name


def test_a_file_that_is_no_bundle_leaves_no_note(
    network: tuple[Office, Office], tmp_path: Path
) -> None:
    hub, laptop = network
    junk = tmp_path / "bukan.sigap"
    junk.write_bytes(b"not a bundle at all" * 100)
    with pytest.raises(SyncRefused):
        hub.receive(junk)
    assert all(d.last_refusal is None for d in hub.app.sync.status(hub.actor).devices)


def test_sizes_in_refusals_read_as_everywhere_else() -> None:
    refused = _bundle_refusal(
        BundleError("bundle.too_big", "too big", size=5 * 1024**3 + 1, limit=4 * 1024**3),
        "paket.sigap",
    )
    assert (
        refused.finding.message
        == "Paket paket.sigap terlalu besar (5,0\u00a0GB); batasnya 4,0\u00a0GB."
    )
    empty = _bundle_refusal(BundleError("bundle.no_space", "full", need=2048, free=0), "x")
    assert "perlu 2,0\u00a0KB, tersedia 0,0\u00a0KB" in empty.finding.message
