"""Trust before work: a bundle costs the hub nothing until its signature holds, and a
hostile one cannot make it grow, whoever signed it.

Hostile bundles are written with Sigap's own writer (tests.bench.sync_bench.hostile_bundle):
signed with a real enrolled laptop's keys (an insider, or a stolen laptop) or by a stranger
whose header names the laptop and its key's fingerprint. Memory is measured in a process of
its own, under an address-space limit, so that a regression fails the test rather than the
machine.
"""

from __future__ import annotations

import json
import os
import resource
import sqlite3
import subprocess
import sys
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest

from desktop.services.sync import SyncRefused, receiving
from desktop.store.database import head_revision
from desktop.store.ids import new_id
from desktop.sync import bundle as bundles
from desktop.sync import merge
from desktop.sync.changes import CHANGE_KIND
from desktop.sync.keys import DeviceKeys
from tests.bench.sync_bench import hostile_bundle
from tests.integration.sync_helpers import (
    Office,
    checkpoint,
    device_of,
    districts_with_workers,
    join_kecamatan,
    make_hub,
)

ROOT = Path(__file__).resolve().parents[2]
PEAK_LIMIT_MB = 400  # resident memory a hostile bundle may cost the importing process
ADDRESS_LIMIT = 3 << 30  # the child's address space: a regression fails, the machine lives

MEASURE = """
import json, resource, sys
from pathlib import Path
resource.setrlimit(resource.RLIMIT_AS, (int(sys.argv[3]), int(sys.argv[3])))
try:
    from tests.bench.sync_bench import import_and_measure
    outcome = import_and_measure(Path(sys.argv[1]), Path(sys.argv[2]))
except MemoryError:
    from tests.bench.sync_bench import peak_resident_mb
    outcome = {"code": "MemoryError", "message": "", "peak_mb": peak_resident_mb()}
print(json.dumps(outcome))
"""


@pytest.fixture(scope="module")
def network(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Office, Office]]:
    folder = tmp_path_factory.mktemp("trust")
    hub = make_hub(folder)
    [district] = districts_with_workers(hub, 1)
    laptop = join_kecamatan(hub, folder, district, "kec-a")
    yield hub, laptop
    for office in (hub, laptop):
        office.close()


class Spy:
    """Records each call of the functions that decrypt, parse and stage a bundle."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls: list[str] = []
        real_unwrap = bundles._unwrap_file_key
        real_verify = bundles.verify_signature
        real_decode = receiving.decode_record
        real_staging = receiving.Staging

        def unwrap(*args: Any) -> Any:
            self.calls.append("decrypt")
            return real_unwrap(*args)

        def verify(*args: Any) -> Any:
            self.calls.append("verify")
            return real_verify(*args)

        def decode(*args: Any) -> Any:
            self.calls.append("parse")
            return real_decode(*args)

        def staging(*args: Any) -> Any:
            self.calls.append("stage")
            return real_staging(*args)

        monkeypatch.setattr(bundles, "_unwrap_file_key", unwrap)
        monkeypatch.setattr(bundles, "verify_signature", verify)
        monkeypatch.setattr(receiving, "decode_record", decode)
        monkeypatch.setattr(receiving, "Staging", staging)


def refusal(receiver: Office, bundle: Path) -> SyncRefused:
    """Import *bundle*, expect a refusal that changes nothing and leaves no scratch file
    (no local copy, no staging file), and return it."""
    work = receiver.app.sync.work_dir
    scratch = {*work.glob("stage-*"), *work.glob("fetch-*")}
    before = receiver.dump()
    with pytest.raises(SyncRefused) as refused:
        receiver.receive(bundle)
    assert receiver.dump() == before
    assert receiver.integrity() == "ok"
    assert {*work.glob("stage-*"), *work.glob("fetch-*")} == scratch
    return refused.value


def measured_import(receiver: Office, bundle: Path) -> dict[str, Any]:
    """Import *bundle* into *receiver*'s database in a process of its own; return its
    outcome (refusal code and message, peak resident memory in MB)."""
    checkpoint(receiver.app.path)
    before = receiver.dump()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            MEASURE,
            str(receiver.app.path),
            str(bundle),
            str(ADDRESS_LIMIT),
        ],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, f"the import died ({done.returncode}): {done.stderr[-3000:]}"
    outcome: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    assert receiver.dump() == before
    assert receiver.integrity() == "ok"
    return outcome


# ---- the signature first -----------------------------------------------------------------


def test_a_stranger_signed_bundle_naming_a_real_laptop_is_refused_before_any_work(
    network: tuple[Office, Office], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hub, laptop = network
    bundle = hostile_bundle(laptop.app, hub.app, tmp_path, stranger=True, records=64)
    header = bundles.read_header(bundle)
    # The header names the laptop and its real key: only the signature tells them apart.
    assert header.sender_device == device_of(laptop)
    assert header.sender_fingerprint == laptop.app.sync.keys().public.fingerprint
    spy = Spy(monkeypatch)
    refused = refusal(hub, bundle)
    assert refused.code == "sync.signature"
    assert bundle.name in str(refused)
    # Checked over the whole file, and nothing decrypted, parsed or staged.
    assert spy.calls == ["verify"]


def test_a_genuine_bundle_is_verified_before_it_is_decrypted(
    network: tuple[Office, Office], monkeypatch: pytest.MonkeyPatch
) -> None:
    hub, laptop = network
    laptop.app.workers.update(laptop.actor, _own_worker(laptop), {"phone": "081234000777"})
    bundle = laptop.export()
    spy = Spy(monkeypatch)
    assert hub.receive(bundle).applied
    assert spy.calls[:3] == ["verify", "stage", "decrypt"]
    assert "parse" in spy.calls


def test_a_first_bundle_without_the_enrolment_proof_is_refused_before_staging(
    network: tuple[Office, Office], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A kecamatan enrolled but not yet pinned: its first bundle carries its keys, so the
    payload is read once to find them, but nothing is parsed or staged before the proof
    that the sender knew the one-time code, and the signature with those keys, hold."""
    hub, laptop = network
    [_, district] = districts_with_workers(hub, 2)
    pending = hub.app.sync.enroll(hub.actor, district=district, out=tmp_path / "e.sigap")
    stranger = DeviceKeys.generate()
    path = tmp_path / "first.sigap"
    bundles.write_bundle(
        path,
        bundle_id=new_id(),
        sender_device=pending.device_id,
        recipient_device=device_of(hub),
        regency_code=hub.app.office.require_info().regency_code,
        schema_version=head_revision(),
        sender_keys=stranger,
        recipient_exchange_public=hub.app.sync.keys().public.exchange,
        records=[orjson.dumps([CHANGE_KIND, "x"]) for _ in range(100)],
        manifest={
            "changes": 100,
            "audits": 0,
            "extra": {"sender_public": stranger.public.to_text(), "enrollment_proof": "0" * 64},
        },
    )
    spy = Spy(monkeypatch)
    assert refusal(hub, path).code == "sync.signature"
    assert "stage" not in spy.calls and "parse" not in spy.calls


# ---- memory: a hostile bundle costs what an honest one does --------------------------------


def test_a_6mb_bundle_of_huge_records_from_an_insider_is_refused_in_bounded_memory(
    network: tuple[Office, Office], tmp_path: Path
) -> None:
    """5,000 records of 1.2 MB (6 GB) in a 6 MB file, signed by the laptop itself."""
    hub, laptop = network
    bundle = hostile_bundle(laptop.app, hub.app, tmp_path, stranger=False)
    assert 4e6 < bundle.stat().st_size < 8e6
    outcome = measured_import(hub, bundle)
    assert outcome["code"] == "sync.record_too_big", outcome
    assert bundle.name in outcome["message"]
    assert outcome["peak_mb"] < PEAK_LIMIT_MB, outcome


def test_big_records_within_every_limit_are_staged_in_bounded_memory(
    network: tuple[Office, Office], tmp_path: Path
) -> None:
    """4,000 changes of a setting from and to values of 65,000 letters (each record within
    the record and column limits; 520 MB in all) from an insider: staged a few MB at a
    time, then refused (a laptop may not change settings)."""
    hub, laptop = network
    bundle = hostile_bundle(
        laptop.app,
        hub.app,
        tmp_path,
        stranger=False,
        records=4_000,
        record_size=65_000,
        table="setting",
    )
    outcome = measured_import(hub, bundle)
    assert outcome["code"] not in (None, "MemoryError"), outcome
    assert outcome["peak_mb"] < PEAK_LIMIT_MB, outcome


def test_staging_holds_a_few_megabytes_whatever_the_records_size(tmp_path: Path) -> None:
    tracemalloc.start()
    try:
        with merge.Staging(tmp_path / "stage.db") as staging:
            for n in range(200):
                fields = f"{n:08d}" + "x" * 999_992  # 1 MB, a string of its own each time
                staging.add(
                    CHANGE_KIND,
                    ("device", n + 1, "setting", "row", "update", fields, "{}", "1", "u", "a", "t"),
                )
            _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 64 << 20, f"staging held {peak / 1e6:.0f} MB"


# ---- the stick ---------------------------------------------------------------------------


def test_a_1gb_file_that_is_no_bundle_is_refused_without_being_copied(
    network: tuple[Office, Office], tmp_path: Path
) -> None:
    hub, _laptop = network
    stick = tmp_path / "stick"
    stick.mkdir()
    planted = stick / "sigap-16.02-kiriman.sigap"
    with open(planted, "wb") as file:
        file.truncate(1 << 30)  # sparse: 1 GB of zeros that take no room
    # No file of more than 64 MB can be written meanwhile: a copy would fail with EFBIG
    # (Python ignores SIGXFSZ), and show as another refusal.
    limits = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (64 << 20, limits[1]))
    try:
        refused = refusal(hub, planted)
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, limits)
    assert refused.code == "sync.not_a_bundle"
    assert planted.name in str(refused)


def _own_worker(office: Office) -> str:
    conn = sqlite3.connect(office.app.path)
    try:
        district = office.app.office.require_info().region_code
        return str(
            conn.execute(
                "SELECT id FROM worker WHERE district_code = ? AND deleted = 0 ORDER BY id LIMIT 1",
                (district,),
            ).fetchone()[0]
        )
    finally:
        conn.close()
