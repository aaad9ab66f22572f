"""Possible duplicate people, wherever the two records were made (issue 18, items 1 and 4).

Two records of one person entered at the hub are listed in the hub's duplicates view, and
a laptop that receives them lists the same pair; a bundle's preview counts the pairs that
applying it finds; the comparison names the office that registered each record.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Any

from desktop.domain.categories import Sex, WorkerStatus
from desktop.domain.nik import make_nik
from tests.integration.sync_helpers import Office, device_of, district_of

FIELDS = ("nik", "name", "sex", "birth_date", "village_code", "category", "position")


def _workers_in(office: Office, district: str, count: int) -> list[str]:
    conn = sqlite3.connect(office.app.path)
    try:
        rows = conn.execute(
            "SELECT id FROM worker WHERE district_code = ? AND deleted = 0 "
            "AND merged_into IS NULL AND status = 'aktif' ORDER BY id LIMIT ?",
            (district, count),
        ).fetchall()
        return [str(r[0]) for r in rows]
    finally:
        conn.close()


def _values(office: Office, worker_id: str) -> dict[str, Any]:
    record = office.app.workers.get(worker_id).values()
    return {k: record[k] for k in FIELDS}


def _pairs(office: Office) -> set[tuple[str, str, str]]:
    return {
        (p.first["id"], p.second["id"], p.reason) for p in office.app.sync.duplicates(office.actor)
    }


def _made_twice_at_the_hub(hub: Office, district: str) -> tuple[tuple[str, str], tuple[str, str]]:
    """Two people entered a second time at the hub, as a clerk can: one under a mistyped NIK
    (same name and birth date), one again under the same NIK after the first record was set
    inactive (the form refuses only a second *active* record)."""
    first, second = _workers_in(hub, district, 2)
    typo = _values(hub, first)
    born = typo["birth_date"]
    typo["nik"] = make_nik(district, born, Sex(typo["sex"]), 9876)
    typo_twin = hub.app.workers.create(hub.actor, typo)
    hub.app.workers.set_status(hub.actor, second, WorkerStatus.NONAKTIF.value, reason="pindah")
    again = hub.app.workers.create(hub.actor, _values(hub, second))
    return (first, typo_twin), (second, again)


def test_pairs_made_at_the_hub_are_listed_there_and_on_the_laptop(
    network: tuple[Office, Office],
) -> None:
    hub, laptop = network
    district = district_of(laptop)
    (first, typo_twin), (second, again) = _made_twice_at_the_hub(hub, district)

    at_hub = _pairs(hub)
    assert {(min(first, typo_twin), max(first, typo_twin), "name_birth")} <= at_hub
    assert {(min(second, again), max(second, again), "nik")} <= at_hub
    assert hub.app.sync.status(hub.actor).open_duplicates == len(at_hub)

    laptop.receive(hub.export(peer=device_of(laptop)))
    assert _pairs(laptop) == at_hub  # both pairs are of the laptop's kecamatan
    assert laptop.app.sync.status(laptop.actor).open_duplicates == len(at_hub)


def test_the_preview_counts_the_pairs_the_import_finds(network: tuple[Office, Office]) -> None:
    hub, laptop = network
    _made_twice_at_the_hub(hub, district_of(laptop))
    bundle = hub.export(peer=device_of(laptop))

    with laptop.app.sync.receive(bundle) as received:
        preview = laptop.app.sync.preview(received)
        assert _pairs(laptop) == set()  # the preview changed nothing
        result = laptop.app.sync.import_bundle(laptop.actor, received)
    assert preview.summary.duplicates == result.summary.duplicates == 2
    assert preview.summary.new_rows == result.summary.new_rows
    assert preview.summary.changed_rows == result.summary.changed_rows
    assert len(_pairs(laptop)) == 2


def test_the_comparison_names_the_office_that_registered_each_record(
    network: tuple[Office, Office],
) -> None:
    hub, laptop = network
    hub_name = hub.app.office.require_info().name
    laptop_name = laptop.app.office.require_info().name
    district = district_of(laptop)
    [kept] = _workers_in(laptop, district, 1)
    values = _values(laptop, kept)
    born = date.fromisoformat(str(values["birth_date"]))
    values["nik"] = make_nik(district, born, Sex(values["sex"]), 9875)
    # The hub registers the person again; the laptop then edits the hub's record.
    twin = hub.app.workers.create(hub.actor, values)
    laptop.receive(hub.export(peer=device_of(laptop)))
    laptop.app.workers.update(laptop.actor, twin, {"phone": "081234000111"})
    hub.receive(laptop.export())

    for office in (hub, laptop):
        [pair] = [
            p
            for p in office.app.sync.duplicates(office.actor)
            if twin in (p.first["id"], p.second["id"])
        ]
        cards = {pair.first["id"]: pair.first, pair.second["id"]: pair.second}
        assert cards[twin]["registered_by"] == hub_name, office.name
        assert cards[twin]["registered_by"] != laptop_name
