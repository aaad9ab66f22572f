"""Two offices stepping one claim offline converge on the same state, whatever the order.

A kecamatan laptop (its operator) and the regency hub (its admin) each take the steps their
own copy allows, with clocks that drift and collide, now and then writing a step their role
may not take (a tampered or stale copy); events travel between them in random batches and
random orders, some arrive twice. After a full exchange both copies hold the same events
and derive the same status, verification day, completion day, deadline and clock stop,
which are also what any shuffle of the union gives. This is the domain half of the merge:
the store recomputes ``claim.status``, ``verified_on`` and ``deadline`` this way.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from hypothesis import event as note_event
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.domain.calendar import DayCount, Holidays
from desktop.domain.claim_state import ClaimState, ClockRules, derive_claim_state
from desktop.domain.claim_steps import allowed_steps, role_may_take
from desktop.domain.claims import ClaimEventView, ClaimKind, ClaimStatus, allowed_next
from desktop.domain.documents import DocumentState, checklist

T0 = datetime(2025, 9, 15, 1, 0, tzinfo=UTC)
ROLES = {"kec": "operator_kecamatan", "hub": "admin_kabupaten"}
HOLIDAYS = Holidays.of([(date(2025, 9, 22), "Libur"), (date(2025, 10, 1), "Libur")])


@dataclass
class Device:
    """One office's copy of the claim's events, and its own clock."""

    name: str
    events: set[ClaimEventView] = field(default_factory=set)
    clock: int = 0  # minutes after T0
    written: int = 0

    @property
    def role(self) -> str:
        return ROLES[self.name]


def state_of(
    kind: ClaimKind, events: object, docs: list[DocumentState], rules: ClockRules
) -> ClaimState:
    return derive_claim_state(kind, events, docs, rules)  # type: ignore[arg-type]


@st.composite
def documents(draw: st.DrawFn, kind: ClaimKind) -> list[DocumentState]:
    docs = []
    for item in checklist(kind):
        offset = draw(st.one_of(st.none(), st.integers(0, 12)))
        docs.append(
            DocumentState(item, None if offset is None else date(2025, 9, 15) + timedelta(offset))
        )
    return docs


@given(
    data=st.data(),
    kind=st.sampled_from(ClaimKind),
    rules=st.builds(
        ClockRules,
        days=st.integers(1, 10),
        count=st.sampled_from(DayCount),
        holidays=st.sampled_from([Holidays(), HOLIDAYS]),
    ),
)
@settings(max_examples=200, deadline=None)
def test_two_devices_converge_whatever_the_order_of_exchange(
    data: st.DataObject, kind: ClaimKind, rules: ClockRules
) -> None:
    docs = data.draw(documents(kind), label="documents")
    kec, hub = Device("kec"), Device("hub")
    devices = {"kec": kec, "hub": hub}
    rnd = data.draw(st.randoms(use_true_random=False), label="order")

    for _ in range(data.draw(st.integers(1, 40), label="moves")):
        move = data.draw(st.sampled_from(["step", "step", "rogue", "send"]), label="move")
        device = devices[data.draw(st.sampled_from(sorted(devices)), label="device")]
        other = hub if device is kec else kec
        if move == "send":
            # A bundle: some of the sender's events, arriving in any order (cumulative
            # bundles resend what may be lost, so any subset may have arrived by now).
            batch = [e for e in device.events if rnd.random() < 0.7]
            rnd.shuffle(batch)
            for event in batch:
                other.events.add(event)
                # The receiver's clock never runs behind what it has seen (a hybrid clock).
                other.clock = max(other.clock, int((event.at - T0).total_seconds() // 60))
            continue
        status = state_of(kind, device.events, docs, rules).status if device.events else None
        if move == "step":
            steps = allowed_steps(kind, status, device.role)
        else:
            # A step the device's role may not take, or one not allowed from here at all.
            steps = tuple(s for s in ClaimStatus if not role_may_take(device.role, status, s))
        if not steps:
            continue
        # Mostly forward (the first allowed step), so that claims get verified and paid.
        forward = move == "step" and data.draw(st.integers(0, 9), label="forward") < 7
        new = steps[0 if forward else data.draw(st.integers(0, len(steps) - 1), label="choice")]
        # Clocks drift and collide: same minute on both devices, or a jump of hours or days.
        device.clock += data.draw(st.sampled_from([0, 1, 5, 60, 60 * 20, 60 * 24 * 3]), label="dt")
        on = data.draw(st.one_of(st.none(), st.integers(0, 20)), label="on")
        device.written += 1
        device.events.add(
            ClaimEventView(
                new,
                T0 + timedelta(minutes=device.clock),
                f"{device.name}-{device.written:03d}",
                None if on is None else date(2025, 9, 15) + timedelta(on),
                device.role,
            )
        )

    # A full exchange, both ways, each in its own random order (some events twice).
    for sender, receiver in ((kec, hub), (hub, kec)):
        batch = list(sender.events) + rnd.sample(
            sorted(sender.events, key=str), len(sender.events) // 2
        )
        rnd.shuffle(batch)
        for event in batch:
            receiver.events.add(event)

    assert kec.events == hub.events
    note_event(f"status {state_of(kind, kec.events, docs, rules).status}")
    mine = state_of(kind, kec.events, docs, rules)
    theirs = state_of(kind, hub.events, docs, rules)
    assert mine == theirs
    union = list(kec.events)
    rnd.shuffle(union)
    assert state_of(kind, union + union[: len(union) // 3], docs, rules) == mine

    # What took effect is a path the tables allow, and the clock agrees with it.
    status: ClaimStatus | None = None
    for event in mine.events:
        assert event.status in allowed_next(kind, status)
        assert event.role is not None and role_may_take(event.role, status, event.status)
        status = event.status
    assert mine.status == (status or ClaimStatus.DIUSULKAN)
    if mine.verified_on is None or mine.completed_on is None:
        assert mine.deadline is None
    else:
        assert mine.deadline is not None
        assert mine.deadline >= max(mine.verified_on, mine.completed_on)


@given(st.lists(st.integers(0, 3), min_size=1, max_size=12), st.randoms(use_true_random=False))
def test_events_with_the_same_time_order_by_key_on_every_copy(
    picks: list[int], rnd: random.Random
) -> None:
    # Every event at the same instant: only the keys order them, and they do so everywhere.
    steps = [ClaimStatus.DIUSULKAN, ClaimStatus.DIKEMBALIKAN, ClaimStatus.DIREKOMENDASIKAN,
             ClaimStatus.DIBATALKAN]  # fmt: skip
    events = [
        ClaimEventView(steps[p], T0, f"k{n:02d}", None, "admin_kabupaten")
        for n, p in enumerate(picks)
    ]
    shuffled = list(events)
    rnd.shuffle(shuffled)
    rules = ClockRules()
    assert state_of(ClaimKind.SANTUNAN, events, [], rules) == state_of(
        ClaimKind.SANTUNAN, shuffled, [], rules
    )
