"""Hybrid logical clocks and version vectors: the properties sync relies on."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop.store.hlc import HlcStamp, HybridClock, Order, vv_compare, vv_dumps, vv_loads, vv_merge

vectors = st.dictionaries(st.sampled_from(["a", "b", "c", "d"]), st.integers(1, 50), max_size=4)


@given(st.lists(st.integers(0, 10**13), min_size=1, max_size=50))
def test_clock_never_runs_backwards_whatever_the_wall_clock_does(walls: list[int]) -> None:
    readings = iter(walls + [walls[-1]] * 100)
    clock = HybridClock(wall=lambda: next(readings))
    stamps = [clock.now() for _ in walls]
    assert stamps == sorted(stamps)
    assert len(set(stamps)) == len(stamps)


@given(
    st.integers(0, 10**12),
    st.integers(0, 999_999),
    st.integers(0, 10**12),
    st.integers(0, 3000),
)
def test_a_batch_of_stamps_is_what_as_many_single_stamps_would_be(
    ms: int, counter: int, wall: int, count: int
) -> None:
    single = HybridClock(ms, counter, wall=lambda: wall)
    batch = HybridClock(ms, counter, wall=lambda: wall)
    expected = [single.now().encode() for _ in range(count)]
    assert batch.stamps(count) == expected
    # ... and both clocks go on from the same place.
    assert batch.now() == single.now()


def test_the_counter_never_outgrows_its_six_digits() -> None:
    clock = HybridClock(5_000, 999_998, wall=lambda: 0)  # a wall clock far behind
    stamps = [clock.now().encode() for _ in range(3)] + clock.stamps(2)
    assert stamps == [
        "0000000005000.999999",
        "0000000005001.000000",
        "0000000005001.000001",
        "0000000005001.000002",
        "0000000005001.000003",
    ]
    assert stamps == sorted(stamps)


@given(st.integers(0, 10**13), st.integers(0, 999), st.integers(0, 10**13))
def test_observing_a_remote_stamp_moves_past_it(ms: int, counter: int, wall: int) -> None:
    clock = HybridClock(wall=lambda: wall)
    remote = HlcStamp(ms, counter)
    clock.observe(remote)
    assert clock.now() > remote


@given(st.integers(0, 10**13 - 1), st.integers(0, 999_998))
def test_stamp_text_round_trips_and_sorts_like_the_stamp(ms: int, counter: int) -> None:
    stamp = HlcStamp(ms, counter)
    assert HlcStamp.decode(stamp.encode()) == stamp
    other = HlcStamp(ms, counter + 1)
    assert (stamp.encode() < other.encode()) == (stamp < other)


@given(vectors, vectors)
def test_vector_comparison_is_antisymmetric_and_merge_dominates(a: dict, b: dict) -> None:  # type: ignore[type-arg]
    flipped = {Order.BEFORE: Order.AFTER, Order.AFTER: Order.BEFORE}
    order = vv_compare(a, b)
    assert vv_compare(b, a) == flipped.get(order, order)
    merged = vv_merge(a, b)
    assert vv_compare(merged, a) in (Order.AFTER, Order.EQUAL)
    assert vv_compare(merged, b) in (Order.AFTER, Order.EQUAL)
    assert vv_merge(a, b) == vv_merge(b, a)
    assert vv_loads(vv_dumps(merged)) == merged
