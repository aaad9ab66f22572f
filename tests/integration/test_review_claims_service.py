"""Review of the Klaim tab's services: bugs a clerk or an admin would hit, each proved by a
test that failed before its fix."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import pytest

from desktop.domain.documents import checklist
from desktop.services.app import AppServices
from desktop.services.claims import ClaimService
from tests.integration import test_claim_service as base
from tests.integration.test_claim_service import operator, resident, verified_santunan

template = base.template
app = base.app
claims = base.claims


def test_overdue_and_due_soon_together_list_both(app: AppServices, claims: ClaimService) -> None:
    """Both clock filters ticked in the Klaim tab ("Lewat batas waktu" and "Jatuh tempo
    dalam N hari") list the claims either one lists, not none (the two cut-offs were
    and-ed: deadline before today and from today on)."""
    admin = app.office.local_actor()
    overdue = verified_santunan(app, claims, admin)  # deadline 11 Nov
    assert claims.count(admin, claims.criteria(overdue=True)) == 1
    both = claims.criteria(overdue=True, due_within=3)
    assert [r.id for r in claims.rows(admin, claims.ids(admin, both))] == [overdue]



def test_claims_list_due_within_too_many_days_is_a_usage_error(app: AppServices) -> None:
    """``claims list --due-within 3000000`` says how many days it takes (the window's day
    past year 9999 was an internal error, exit 3)."""
    import io

    from desktop.cli import run

    app.close()
    out, err = io.StringIO(), io.StringIO()
    code = run(
        ["claims", "list", "--db", str(app.path), "--due-within", "3000000"],
        out,
        err,
        language="id",
    )
    assert code == 2, err.getvalue()
    assert "--due-within" in err.getvalue() and "3650" in err.getvalue()


def test_a_jkk_accident_in_year_9999_is_refused_not_a_crash(
    app: AppServices, claims: ClaimService
) -> None:
    """A typing slip of the year (``claims new --event-date 9999-12-31``) is refused as a day
    not yet come; the lapse check counted five years past year 9999 (ValueError, exit 3)."""
    from desktop.domain.claim_rules import ClaimNotEligible
    from tests.integration.test_claim_service import workers

    admin = app.office.local_actor()
    [worker] = workers(app)
    with pytest.raises(ClaimNotEligible) as refused:
        claims.open_claim(admin, "jkk_stmb", worker_id=worker, event_date=date(9999, 12, 31))
    assert "claim.jkk_lapsed" not in {f.code for f in refused.value.findings}
    assert any("belum terjadi" in f.message for f in refused.value.findings)


def test_a_holiday_in_calendar_day_mode_recomputes_no_claim(
    app: AppServices, claims: ClaimService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The holiday list moves deadlines only when they are counted in working days: in
    calendar days (the default) adding a holiday recomputes no claim (every running claim
    was read and derived again, about 3.5 ms each, on the window's thread: a regency's
    thousands of running claims froze the holiday dialog for seconds, for nothing)."""
    from desktop.services.claims import ClaimService as Service
    from desktop.store.unit_of_work import Actor

    admin = app.office.local_actor()
    for n in range(3):
        claims.open_claim(
            admin, "santunan_kematian", subject=resident(app, nik=f"160206410755000{n + 2}"),
            event_date=date(2026, 11, 1), decile=1, reported_date=date(2026, 11, 2),
        )  # fmt: skip
    asked: list[list[str]] = []
    real = Service.recompute

    def recompute(self: Service, actor: Actor, claim_ids: Iterable[str]) -> list[str]:
        ids = list(claim_ids)
        asked.append(ids)
        return real(self, actor, ids)

    monkeypatch.setattr(Service, "recompute", recompute)
    app.holidays.add_holiday(admin, date(2026, 12, 24), "Cuti bersama Natal")
    assert sum(map(len, asked)) == 0

    app.office.set_setting(admin, "claim.working_days", "1")  # every running claim again
    asked.clear()
    app.holidays.add_holiday(admin, date(2026, 12, 26), "Cuti bersama")
    assert sum(map(len, asked)) >= 3


def test_a_document_day_the_hub_would_refuse_is_refused_on_the_spot(
    app: AppServices, claims: ClaimService
) -> None:
    """``claims doc ID ITEM --on 0202-11-05`` (a slip of the year): the hub refuses a
    kecamatan's bundle whole for a day in a claim's file before 1900, and the laptop would
    send that record again with every bundle; the service refuses it at once, with a
    message naming the day."""
    from desktop.domain.findings import DomainError
    from desktop.services.claims import dossier
    from desktop.sync.authority import EARLIEST_DAY, AuthorityRefused, _check_times

    assert dossier.EARLIEST_DAY == EARLIEST_DAY
    with pytest.raises(AuthorityRefused):
        _check_times("claim_document", "x", {"received_on": "0202-11-05"}, 0)
    admin = app.office.local_actor()
    kecamatan = operator(admin)
    claim = claims.open_claim(
        kecamatan, "santunan_kematian", subject=resident(app), event_date=date(2026, 11, 1),
        decile=1, reported_date=date(2026, 11, 2),
    )  # fmt: skip
    item = checklist("santunan_kematian")[0]
    with pytest.raises(DomainError) as refused:
        claims.receive(kecamatan, claim, item, on=date(202, 11, 5))
    assert "1900" in str(refused.value)
    assert claims.receive(kecamatan, claim, item, on=EARLIEST_DAY)
