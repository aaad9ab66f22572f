"""The amount inputs a kecamatan records (days off, a child's school level, the DTSEN
decile) travel to the hub, which derives the same proposed amount from them."""

from __future__ import annotations

import sqlite3
from datetime import date

from desktop.services.claims import Resident
from tests.integration import test_claim_service_sync as claim_sync_tests
from tests.integration.sync_helpers import Office, district_of
from tests.integration.test_claim_service_sync import RESIDENT_NIK, first_village, service

# The claim sync tests' hub (40 workers) and one kecamatan laptop.
network = claim_sync_tests.network


def _covered_worker(office: Office) -> str:
    conn = sqlite3.connect(office.app.path)
    try:
        [(worker,)] = conn.execute(
            "SELECT id FROM worker WHERE status = 'aktif' AND district_code = ? "
            "AND coverage_start <= '2026-10-01' AND (coverage_end IS NULL OR "
            "coverage_end >= '2026-10-01') ORDER BY id LIMIT 1",
            (district_of(office),),
        ).fetchall()
    finally:
        conn.close()
    return str(worker)


def _proposed(office: Office, claim: str) -> int:
    conn = sqlite3.connect(office.app.path)
    try:
        [(amount,)] = conn.execute("SELECT amount_proposed FROM claim WHERE id = ?", (claim,))
    finally:
        conn.close()
    return int(amount)


def test_days_off_school_levels_and_deciles_reach_the_hub(
    network: tuple[Office, Office],
) -> None:
    hub, laptop = network
    on_laptop, at_hub = service(laptop), service(hub)
    clerk = laptop.actor
    stmb = on_laptop.open_claim(
        clerk, "jkk_stmb", worker_id=_covered_worker(laptop), event_date=date(2026, 10, 1)
    )
    on_laptop.update_particulars(clerk, stmb, days_off=21, accident_is_traffic=True)
    santunan = on_laptop.open_claim(
        clerk,
        "santunan_kematian",
        subject=Resident(RESIDENT_NIK, "Warga", first_village(laptop, district_of(laptop))),
        event_date=date(2026, 11, 1),
    )
    on_laptop.update_particulars(clerk, santunan, decile=2, akta="AK-9")
    child = on_laptop.add_heir(
        clerk, santunan, name="Anak Sekolah", relationship="anak", school_level="sma"
    )

    assert hub.receive(laptop.export()).applied
    assert at_hub.recompute(hub.actor, [stmb, santunan]) == []
    seen = at_hub.detail(hub.actor, stmb)
    assert (seen.days_off, seen.accident_is_traffic) == (21, True)
    assert _proposed(hub, stmb) == _proposed(laptop, stmb) > 0
    other = at_hub.detail(hub.actor, santunan)
    assert (other.dtsen_decile, other.death_certificate_no) == (2, "AK-9")
    assert [h.school_level for h in other.heirs if h.id == child] == ["sma"]
    assert "flag.decile_missing" not in {f.code for f in other.flags}
