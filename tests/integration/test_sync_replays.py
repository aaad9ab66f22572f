"""A bundle id is a replay only from the device that sent it, with the same content
(issue 17, item 5); the bundle log of an older database is kept through the migration."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop.services.app import AppServices
from desktop.services.sync import SyncRefused
from desktop.sync import bundle as bundles
from tests.integration.sync_helpers import (
    Office,
    device_of,
    signed_bundle,
)
from tests.integration.test_sync_adversarial import worker_of
from tests.old_database import make_old_database


def test_another_laptop_cannot_squat_a_bundle_id(
    offices: tuple[Office, Office, Office], tmp_path: Path
) -> None:
    hub, a, b = offices
    a.app.workers.update(a.actor, worker_of(a), {"phone": "081233300001"})
    real = a.export()
    header = bundles.read_header(real)
    # Laptop B copies the id from the stick's cleartext header and gets there first.
    hub.receive(signed_bundle(b, hub, tmp_path, bundle_id=header.bundle_id))
    result = hub.receive(real)
    assert not result.replayed and result.summary.changed_rows == 1
    # Sent again, A's real bundle is a replay; B's squat again is B's own replay.
    assert hub.receive(real).replayed


def test_a_known_id_with_other_content_is_refused(
    offices: tuple[Office, Office, Office], tmp_path: Path
) -> None:
    hub, a, _b = offices
    a.app.workers.update(a.actor, worker_of(a), {"phone": "081233300002"})
    real = a.export()
    hub.receive(real)
    header = bundles.read_header(real)
    # The same sender, the same id, another file.
    twin = signed_bundle(a, hub, tmp_path, bundle_id=header.bundle_id)
    with pytest.raises(SyncRefused) as refusal:
        hub.receive(twin)
    assert refusal.value.code == "sync.bundle_reused"
    assert twin.name in str(refusal.value)


def test_a_laptop_reusing_an_id_the_hub_wrote_is_not_an_internal_error(
    offices: tuple[Office, Office, Office], tmp_path: Path
) -> None:
    hub, a, _b = offices
    sent = hub.export(peer=device_of(a))
    header = bundles.read_header(sent)
    assert hub.receive(signed_bundle(a, hub, tmp_path, bundle_id=header.bundle_id)).applied


def test_the_bundle_log_of_an_older_database_survives_the_migration(tmp_path: Path) -> None:
    db = make_old_database(tmp_path / "lama.db", "0004")
    conn = sqlite3.connect(db)
    conn.execute(
        "INSERT INTO bundle_log VALUES ('b-1', 'in', 'dev-1', '2026-11-01 00:00:00', "
        "'2026-11-01 00:00:00', 'x.sigap', 10, 'abc', 3, '{}')"
    )
    conn.commit()
    conn.close()
    app = AppServices.open(db, create=False)
    try:
        with app.database.engine.connect() as c:
            rows = c.exec_driver_sql(
                "SELECT bundle_id, direction, peer_device, change_count FROM bundle_log"
            ).all()
            primary = [r[1] for r in c.exec_driver_sql("PRAGMA table_info(bundle_log)") if r[5]]
    finally:
        app.close()
    assert [tuple(r) for r in rows] == [("b-1", "in", "dev-1", 3)]
    assert primary == ["bundle_id", "direction", "peer_device"]
