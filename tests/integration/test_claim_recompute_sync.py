"""A sync import recomputes the claims it touched: their status, clock and flags are the
merged file's at once, on the hub and on the laptops, with no recompute by hand; a clock
setting or a holiday moves every running claim's deadline; a recompute an import could
not do is done by the next one."""

from __future__ import annotations

import sqlite3
from datetime import date

import orjson
import pytest
from sqlalchemy.exc import OperationalError

from desktop.domain.documents import checklist
from desktop.services.claims import Resident
from desktop.store import models
from desktop.store.unit_of_work import Actor, UnitOfWork
from tests.integration import test_claim_service_sync as claim_sync_tests
from tests.integration.sync_helpers import Office, device_of, district_of
from tests.integration.test_claim_service_sync import RESIDENT_NIK, first_village, service

# The claim sync tests' hub (40 workers) with one kecamatan laptop, or with two.
network = claim_sync_tests.network
two_laptops = claim_sync_tests.two_laptops


def stored(office: Office, claim: str) -> dict[str, object]:
    """The claim's derived columns as the office stores them (what its list shows)."""
    conn = sqlite3.connect(office.app.path)
    try:
        row = conn.execute(
            "SELECT status, verified_on, completed_on, deadline, flags_open, flag_codes "
            "FROM claim WHERE id = ?",
            (claim,),
        ).fetchone()
    finally:
        conn.close()
    names = ("status", "verified_on", "completed_on", "deadline", "flags_open", "flag_codes")
    return dict(zip(names, row, strict=True))


def owed_marks(office: Office) -> list[int]:
    """The marks of imports whose claims are still to be recomputed."""
    conn = sqlite3.connect(office.app.path)
    try:
        summaries = [
            orjson.loads(text)
            for (text,) in conn.execute("SELECT summary FROM bundle_log WHERE direction = 'in'")
        ]
    finally:
        conn.close()
    return [int(s["claims_mark"]) for s in summaries if "claims_mark" in s]


def recommended_claim(laptop: Office, nik: str = RESIDENT_NIK, account: str = "5566778899") -> str:
    """A santunan kematian the laptop opens, completes and recommends."""
    on_laptop, operator = service(laptop), laptop.actor
    claim = on_laptop.open_claim(
        operator,
        "santunan_kematian",
        subject=Resident(nik, "Warga Kecamatan", first_village(laptop, district_of(laptop))),
        event_date=date(2026, 11, 1),
        decile=2,
        reported_date=date(2026, 11, 3),
    )
    on_laptop.add_heir(
        operator, claim, name="Anak", relationship="anak", payee=True, account=account
    )
    for item in checklist("santunan_kematian"):
        on_laptop.receive(operator, claim, item, on=date(2026, 11, 4))
    on_laptop.step(operator, claim, "direkomendasikan", on=date(2026, 11, 5))
    return claim


def test_the_merged_steps_set_the_status_and_the_clock_on_both_sides(
    network: tuple[Office, Office],
) -> None:
    hub, laptop = network
    claim = recommended_claim(laptop)
    assert hub.receive(laptop.export()).applied
    assert stored(hub, claim)["status"] == "direkomendasikan"
    assert owed_marks(hub) == []
    service(hub).step(hub.actor, claim, "diverifikasi", on=date(2026, 11, 6))
    assert laptop.receive(hub.export(peer=device_of(laptop))).applied
    seen = stored(laptop, claim)
    assert (seen["status"], seen["verified_on"], seen["deadline"]) == (
        "diverifikasi",
        "2026-11-06",
        "2026-11-13",
    )
    assert owed_marks(laptop) == []
    # The laptop's recompute wrote nothing the hub would refuse.
    assert hub.receive(laptop.export()).applied


def shared_account_claims(a: Office, b: Office) -> list[str]:
    """Two claims, one on each laptop, paid to the same account."""
    return [
        recommended_claim(a, account="42424242"),
        recommended_claim(b, nik="1602061503800001", account="42424242"),
    ]


def test_the_hub_flags_a_shared_account_as_it_imports(
    two_laptops: tuple[Office, Office, Office],
) -> None:
    hub, a, b = two_laptops
    one, other = shared_account_claims(a, b)
    for office in (a, b):
        assert hub.receive(office.export()).applied
    # Each laptop saw its own claim only; the hub, holding both, flags both at once.
    assert [stored(hub, c)["flag_codes"] for c in (one, other)] == ["flag.shared_account"] * 2
    a.receive(hub.export(peer=device_of(a)))
    assert stored(a, one)["flag_codes"] == "flag.shared_account"


def add_holiday(office: Office, day: date, name: str) -> None:
    """The regency's admin adds a holiday (no service writes the list yet: its writer
    recomputes the running claims after it, as every write a claim's file reads does)."""
    claims = service(office)
    mark = claims.change_mark()
    with UnitOfWork(office.app.database.engine, office.actor, action="test.holiday") as uow:
        uow.insert(models.Holiday, {"day": day, "name": name})
    claims.recompute_since(office.actor, mark)


def test_working_days_and_a_holiday_move_a_running_claims_deadline_everywhere(
    network: tuple[Office, Office],
) -> None:
    hub, laptop = network
    claim = recommended_claim(laptop)
    assert hub.receive(laptop.export()).applied
    service(hub).step(hub.actor, claim, "diverifikasi", on=date(2026, 11, 6))  # a Friday
    assert stored(hub, claim)["deadline"] == "2026-11-13"
    # Working days: the hub's setting moves the deadline, no recompute by hand.
    hub.app.office.set_setting(hub.actor, "claim.working_days", "1")
    assert stored(hub, claim)["deadline"] == "2026-11-17"  # 9-13 and 16-17 November
    add_holiday(hub, date(2026, 11, 10), "Libur daerah")
    assert stored(hub, claim)["deadline"] == "2026-11-18"
    assert laptop.receive(hub.export(peer=device_of(laptop))).applied
    assert stored(laptop, claim)["deadline"] == "2026-11-18"
    assert hub.receive(laptop.export()).applied


def test_a_recompute_an_import_could_not_do_is_done_by_the_next_import(
    two_laptops: tuple[Office, Office, Office], monkeypatch: pytest.MonkeyPatch
) -> None:
    hub, a, b = two_laptops
    claims = shared_account_claims(a, b)
    assert hub.receive(a.export()).applied

    def busy(actor: Actor, mark: int) -> list[str]:
        raise OperationalError("recompute", {}, Exception("database is locked"))

    monkeypatch.setattr(hub.app.claims, "recompute_since", busy)
    assert hub.receive(b.export()).applied  # the merge stands, its recompute is owed
    assert [stored(hub, c)["flag_codes"] for c in claims] == [None, None]
    assert len(owed_marks(hub)) == 1
    monkeypatch.undo()
    # The next import (nothing of these claims in it) recomputes from the owed mark.
    assert hub.receive(a.export()).applied
    assert [stored(hub, c)["flag_codes"] for c in claims] == ["flag.shared_account"] * 2
    assert owed_marks(hub) == []
